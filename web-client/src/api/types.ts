/**
 * What initiate-upload-api sends and takes: its JSON shapes, field for field. They come from the API's OpenAPI
 * document through the generated ./schema.d.ts (`npm run gen:api-types`; the build fails while it is out of date),
 * so a field the API renames or drops breaks the client's type check. The few types written out by hand below say
 * why: the document lacks them (an endpoint answering a bare `Response`, or a message of the live channel), or the
 * client knows more than the document says (a string that is really one of a few values).
 */
import type { components } from './schema';

type Schemas = components['schemas'];

/*
 * The document marks no response property required (SmallRye documents a Java record's component as optional unless
 * it is annotated), yet the API sends most of them on every answer. So:
 * - Sent<S>: schema S as the API sends it, every property present, all the way down (records that send nulls as
 *   nulls: every component is in the JSON);
 * - Present<S, K>: only the properties K always present (records that leave out what they have not,
 *   @JsonInclude(NON_NULL), the rest stays optional);
 * - Override<S, O>: S with O's properties in place of its own (a narrower type, or a nested type made Sent).
 */
type Sent<S> = S extends (infer I)[] ? Sent<I>[] : S extends object ? { [K in keyof S]-?: Sent<S[K]> } : S;
type Present<S, K extends keyof S> = Omit<S, K> & { [P in K]-?: Exclude<S[P], undefined> };
type Override<S, O> = Omit<S, keyof O> & O;

/**
 * POST …/photos/initiate-upload (and each item of initiate-uploads). Hand-written: the document has no schema for
 * it (the endpoints answer a bare Response). The API sends s3PutObjectUrl, method and headers for PUT only, multipart
 * for MULTIPART only; the client reads each only for its own uploadType.
 */
export interface InitiatedUpload {
  photoId: string;
  objectKey: string;
  /** PUT: one request to s3PutObjectUrl; MULTIPART: the parts of {@link multipart}, then completeUpload. */
  uploadType: 'PUT' | 'MULTIPART';
  s3PutObjectUrl: string;
  method: string;
  headers: Record<string, string>;
  expiresAt: string;
  multipart?: MultipartUpload;
}

/** One part's presigned PUT, bound to its number, exact size and SHA-256. */
export type PartUrl = Sent<Schemas['PartUrl']>;

/** An upload in parts: what S3 holds already, and URLs for the rest (GET .../upload gives fresh ones). */
export type MultipartUpload = Sent<Schemas['MultipartUploadView']>;

/** One resized, metadata-free rendition of a photo, served by the CDN as JPEG (url) and WebP (webpUrl). */
export type Rendition = Sent<Schemas['RenditionView']>;

/**
 * What may be uploaded: the API's own rules (GET /upload-policy), so the client keeps no copy of them. Files above
 * multipart.threshold bytes go in parts of multipart.partSize bytes (the last holds the rest).
 */
export type UploadPolicy = Sent<Schemas['UploadPolicy']>;

/**
 * A photo. url is the largest rendition (originals are never served); width and height are the original's, upright;
 * renditions ascend in width; hidden (an owner hid it) only on photos only owners see; uploaderName on a guest's
 * photo; reviewStatus where an owner reviews the photo: PENDING (seen only by owners and its uploader) until approved.
 * status and reviewStatus are hand-written: the document says string (only processed photos are ever listed or
 * fetched, so READY or REJECTED).
 */
export type Photo = Override<
  Present<Schemas['PhotoView'], 'photoId' | 'eventId' | 'createdAt'>,
  {
    status: 'READY' | 'REJECTED';
    reviewStatus?: 'PENDING' | 'APPROVED';
    renditions?: Rendition[];
  }
>;

/** A member's role in one event (the API decides what each may do; the client only hides what would be refused). */
export type Role = Schemas['Role'];

/** GET /events, POST /events, GET /events/{eventId}. Hand-written: not in the document (bare Response). */
export interface EventSummary {
  eventId: string;
  name: string;
  role: Role;
}

/** GET and POST /events/{eventId}/invites. Hand-written: not in the document (bare Response). */
export interface Invite {
  code: string;
  /** This web client's /join/{code} page (sign in, then join) or, for a guest link, its /g/{code} page. */
  link: string;
  role: Role;
  expiresAt: string;
  maxUses: number;
  uses: number;
  revoked: boolean;
  /** false: a guest link, used without an account. */
  signInRequired: boolean;
  /** Guest links: whether guests see the event's photos, or only their own. */
  allowView: boolean;
  /** Guest links: whether an owner approves each guest photo before others see it. */
  requireReview: boolean;
}

/** What an owner asks for when making an invite; the API fills in the rest. */
export type InviteRequest = Schemas['CreateInviteRequest'];

/**
 * A guest's session (POST /invites/{code}/guest-sessions): its token is the guest's bearer token until expiresAt.
 * Hand-written: not in the document (bare Response).
 */
export interface GuestSession {
  token: string;
  expiresAt: string;
  eventId: string;
  eventName: string;
  guestId: string;
  name: string;
  allowView: boolean;
  /** Whether an owner approves each of the guest's photos before others see it. */
  requireReview: boolean;
}

/**
 * One photo to start, as initiate-upload (and each item of initiate-uploads) takes it. The client always sends a
 * description and the exact size, which the API takes as optional.
 */
export type UploadRequest = Present<Schemas['InitiateUploadRequest'], 'description' | 'contentLength'>;

/**
 * GET …/photos?show=: the caller's own (pending ones included), or the owners' review queue. Hand-written: the
 * document says string.
 */
export type PhotoListing = 'mine' | 'pending';

export type AcceptedInvite = Sent<Schemas['AcceptedInvite']>;

/** A page of photos, newest first; nextToken is null on the last page. */
export type PhotoPage = Override<Sent<Schemas['PhotoPage']>, { items: Photo[] }>;

/**
 * GET /events/{eventId}/live: the event's channel on the Event API (AppSync Events protocol). realtimeUrl is absent
 * where no live endpoint is deployed: galleries change on reload only.
 */
export type LiveChannel = Present<Schemas['LiveChannelView'], 'eventId' | 'channel'>;

/**
 * What the gallery channel carries (the API's PhotoEvent): ids only, the photo is fetched with the viewer's token.
 * Hand-written: a message of the live channel, not of the HTTP API, so not in the document.
 */
export interface PhotoEvent {
  type: 'photo.visible' | 'photo.removed';
  eventId: string;
  photoId: string;
  at: string;
}

/**
 * Also on the gallery channel: an export of the event finished (owners' pages then fetch it). Hand-written, like
 * PhotoEvent.
 */
export interface ExportEvent {
  type: 'export.finished';
  eventId: string;
  exportId: string;
  status: 'READY' | 'FAILED';
  at: string;
}

/**
 * A wall: a view-only URL for a projector or TV (the token rides in the URL's fragment). guestLinkId: the guest link
 * it shows as a QR code (the owner's pick), if any.
 */
export type Wall = Present<Schemas['WallView'], 'wallId' | 'url' | 'token' | 'expiresAt' | 'createdAt'>;

/** GET /events/{eventId}/wall: what the wall shows besides photos. */
export type WallPage = Present<Schemas['WallPageView'], 'eventId' | 'eventName'>;

/** A presigned link that downloads one file (saved under its name), valid until expiresAt. */
export type DownloadLink = Sent<Schemas['DownloadLink']>;

export type ExportStatus = Schemas['ExportStatus'];

/** One ZIP archive of an export (at most 4 GiB): its link is fresh on every GET. */
export type ExportArchive = Sent<Schemas['Archive']>;

/**
 * GET /events/{eventId}/exports/{exportId}: every visible photo's original, in ZIP archives. progress goes from 0
 * to 1; error says why it FAILED; withdrawnAt and withdrawnReason say when and why a WITHDRAWN export was taken back.
 */
export type PhotoExport = Override<
  Present<Schemas['ExportView'], 'exportId' | 'status' | 'createdAt' | 'photos' | 'bytes' | 'progress'>,
  { archives: ExportArchive[] }
>;
