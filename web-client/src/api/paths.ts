/** Every path of initiate-upload-api the client calls, built in one place, each id encoded. */
const id = encodeURIComponent;

export const paths = {
  events: () => '/events',
  event: (eventId: string) => `/events/${id(eventId)}`,
  photos: (eventId: string) => `${paths.event(eventId)}/photos`,
  live: (eventId: string) => `${paths.event(eventId)}/live`,
  walls: (eventId: string) => `${paths.event(eventId)}/walls`,
  wall: (eventId: string, wallId: string) => `${paths.walls(eventId)}/${id(wallId)}`,
  wallPage: (eventId: string) => `${paths.event(eventId)}/wall`,
  photo: (eventId: string, photoId: string) => `${paths.photos(eventId)}/${id(photoId)}`,
  initiateUpload: (eventId: string) => `${paths.photos(eventId)}/initiate-upload`,
  initiateUploads: (eventId: string) => `${paths.photos(eventId)}/initiate-uploads`,
  upload: (eventId: string, photoId: string) => `${paths.photo(eventId, photoId)}/upload`,
  complete: (eventId: string, photoId: string) => `${paths.photo(eventId, photoId)}/complete`,
  hidden: (eventId: string, photoId: string) => `${paths.photo(eventId, photoId)}/hidden`,
  approval: (eventId: string, photoId: string) => `${paths.photo(eventId, photoId)}/approval`,
  invites: (eventId: string) => `${paths.event(eventId)}/invites`,
  invite: (eventId: string, code: string) => `${paths.invites(eventId)}/${id(code)}`,
  acceptInvite: (code: string) => `/invites/${id(code)}/accept`,
  guestSessions: (code: string) => `/invites/${id(code)}/guest-sessions`,
  uploadPolicy: () => '/upload-policy',
  original: (eventId: string, photoId: string) => `${paths.photo(eventId, photoId)}/original`,
  exports: (eventId: string) => `${paths.event(eventId)}/exports`,
  export: (eventId: string, exportId: string) => `${paths.exports(eventId)}/${id(exportId)}`,
};
