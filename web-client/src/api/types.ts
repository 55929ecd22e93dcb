/** What initiate-upload-api sends and takes: its JSON shapes, field for field. */

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
export interface PartUrl {
  partNumber: number;
  size: number;
  url: string;
  method: string;
  headers: Record<string, string>;
  expiresAt: string;
}

/** An upload in parts: what S3 holds already, and URLs for the rest (GET .../upload gives fresh ones). */
export interface MultipartUpload {
  photoId: string;
  objectKey: string;
  contentLength: number;
  partSize: number;
  partCount: number;
  startedAt: string;
  completeBy: string;
  uploadedParts: { partNumber: number; size: number; etag: string }[];
  partUrls: PartUrl[];
}

/** One resized, metadata-free rendition of a photo, served by the CDN as JPEG (url) and WebP (webpUrl). */
export interface Rendition {
  url: string;
  width: number;
  height: number;
  bytes: number;
  webpUrl: string;
  webpBytes: number;
}

/** What may be uploaded: the API's own rules (GET /upload-policy), so the client keeps no copy of them. */
export interface UploadPolicy {
  contentTypes: { mimeType: string; suffixes: string[] }[];
  maxContentLength: number;
  renditionWidths: number[];
  /** Files above threshold bytes go in parts of partSize bytes (the last holds the rest). */
  multipart: { threshold: number; partSize: number };
}

export interface Photo {
  photoId: string;
  eventId: string;
  status: 'READY' | 'REJECTED';
  title?: string;
  description?: string;
  contentType?: string;
  /** The largest rendition (originals are never served). */
  url?: string;
  /** The original's size, upright. */
  width?: number;
  height?: number;
  /** Ascending width. */
  renditions?: Rendition[];
  size?: number;
  uploadedBy?: string;
  createdAt: string;
  rejectionReason?: string;
  /** Hidden by an owner: only owners see such photos, and only they get this flag. */
    hidden?: boolean;
  /** On a guest's photo: the name the guest gave. */
  uploaderName?: string;
  /** Where an owner reviews the photo: PENDING (seen only by owners and its uploader) until approved. */
  reviewStatus?: 'PENDING' | 'APPROVED';
}

/** A member's role in one event (the API decides what each may do; the client only hides what would be refused). */
export type Role = 'OWNER' | 'CONTRIBUTOR' | 'VIEWER';

export interface EventSummary {
  eventId: string;
  name: string;
  role: Role;
}

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
export interface InviteRequest {
  role?: Role;
  signInRequired?: boolean;
  allowView?: boolean;
  requireReview?: boolean;
}

/** A guest's session (POST /invites/{code}/guest-sessions): its token is the guest's bearer token until expiresAt. */
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

/** One photo to start, as initiate-upload (and each item of initiate-uploads) takes it. */
export interface UploadRequest {
  title: string;
  description: string;
  contentType: string;
  contentLength: number;
  partChecksums?: string[];
}

/** GET …/photos?show=: the caller's own (pending ones included), or the owners' review queue. */
export type PhotoListing = 'mine' | 'pending';

export interface AcceptedInvite {
  eventId: string;
  name: string;
  role: Role;
  alreadyMember: boolean;
}

export interface PhotoPage {
  items: Photo[];
  nextToken: string | null;
}

/** GET /events/{eventId}/live: the event's channel on the Event API (AppSync Events protocol). */
export interface LiveChannel {
  eventId: string;
  channel: string;
  /** absent where no live endpoint is deployed: galleries change on reload only */
  realtimeUrl?: string;
}

/** What the gallery channel carries (the API's PhotoEvent). */
export interface PhotoEvent {
  type: 'photo.visible' | 'photo.removed';
  eventId: string;
  photoId: string;
  at: string;
  photo?: Photo;
}

/** Also on the gallery channel: an export of the event finished (owners' pages then fetch it). */
export interface ExportEvent {
  type: 'export.finished';
  eventId: string;
  exportId: string;
  status: 'READY' | 'FAILED';
  at: string;
}

/** A wall: a view-only URL for a projector or TV (the token rides in the URL's fragment). */
export interface Wall {
  wallId: string;
  url: string;
  token: string;
  expiresAt: string;
  createdAt: string;
}

/** GET /events/{eventId}/wall: what the wall shows besides photos. */
export interface WallPage {
  eventId: string;
  eventName: string;
  guestLink?: string;
}

/** A presigned link that downloads one file (saved under its name), valid until expiresAt. */
export interface DownloadLink {
  url: string;
  expiresAt: string;
}

export type ExportStatus = 'QUEUED' | 'RUNNING' | 'READY' | 'FAILED';

/** One ZIP archive of an export (at most 4 GiB): its link is fresh on every GET. */
export interface ExportArchive {
  url: string;
  bytes: number;
  photos: number;
  expiresAt: string;
}

/** GET /events/{eventId}/exports/{exportId}: every visible photo's original, in ZIP archives. */
export interface PhotoExport {
  exportId: string;
  status: ExportStatus;
  createdAt: string;
  finishedAt?: string;
  photos: number;
  bytes: number;
  /** 0 to 1. */
  progress: number;
  archives: ExportArchive[];
  error?: string;
}
