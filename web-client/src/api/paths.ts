/** Every path of initiate-upload-api the client calls, built in one place, each id encoded. */
const id = encodeURIComponent;

export const paths = {
  events: () => '/events',
  event: (eventId: string) => `/events/${id(eventId)}`,
  photos: (eventId: string) => `${paths.event(eventId)}/photos`,
  photo: (eventId: string, photoId: string) => `${paths.photos(eventId)}/${id(photoId)}`,
  initiateUpload: (eventId: string) => `${paths.photos(eventId)}/initiate-upload`,
  upload: (eventId: string, photoId: string) => `${paths.photo(eventId, photoId)}/upload`,
  complete: (eventId: string, photoId: string) => `${paths.photo(eventId, photoId)}/complete`,
  hidden: (eventId: string, photoId: string) => `${paths.photo(eventId, photoId)}/hidden`,
  invites: (eventId: string) => `${paths.event(eventId)}/invites`,
  acceptInvite: (code: string) => `/invites/${id(code)}/accept`,
  uploadPolicy: () => '/upload-policy',
};
