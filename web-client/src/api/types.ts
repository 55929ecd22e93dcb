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
  /** This web client's /join/{code} page. */
  link: string;
  role: Role;
  expiresAt: string;
  maxUses: number;
  uses: number;
  revoked: boolean;
}

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
