/** Calls to initiate-upload-api with the signed-in user's bearer token. */
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

export class ApiError extends Error {
  /** @param retryAfterSeconds the server's Retry-After (429, 503), if it sent one */
  constructor(readonly status: number, message: string, readonly retryAfterSeconds?: number) {
    super(message);
  }

  /** Worth asking again later: throttled or a server-side failure, not a mistake of ours. */
  get isTransient(): boolean {
    return this.status === 429 || this.status >= 500;
  }
}

export class PhotosApi {
  /**
   * @param token the current access token
   * @param renew gets a fresh token without user interaction (refresh token); asked once when the API answers
   *     401, so a long upload session does not end because a token expired on the way
   */
  constructor(private readonly baseUrl: string, private readonly token: () => string | undefined,
              private readonly renew: () => Promise<string | undefined> = async () => undefined) {}

  initiateUpload(eventId: string,
                 body: { title: string; description: string; contentType: string; contentLength: number;
                   partChecksums?: string[] },
                 signal?: AbortSignal) {
    return this.request<InitiatedUpload>(`/events/${encodeURIComponent(eventId)}/photos/initiate-upload`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  }

  /** null when there is no such unfinished upload (completed, aborted, or never started in parts). */
  async getUpload(eventId: string, photoId: string, signal?: AbortSignal): Promise<MultipartUpload | null> {
    try {
      return await this.request<MultipartUpload>(`${this.photoPath(eventId, photoId)}/upload`, { signal });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }

  completeUpload(eventId: string, photoId: string, parts: { partNumber: number; etag: string }[],
                 signal?: AbortSignal) {
    return this.request<{ photoId: string; status: string }>(`${this.photoPath(eventId, photoId)}/complete`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ parts }),
      signal,
    });
  }

  abortUpload(eventId: string, photoId: string) {
    return this.request<void>(`${this.photoPath(eventId, photoId)}/upload`, { method: 'DELETE' });
  }

  private photoPath(eventId: string, photoId: string) {
    return `/events/${encodeURIComponent(eventId)}/photos/${encodeURIComponent(photoId)}`;
  }

  uploadPolicy() {
    return this.request<UploadPolicy>('/upload-policy');
  }

  /** null while the photo is not processed yet (404). */
  async getPhoto(eventId: string, photoId: string, signal?: AbortSignal): Promise<Photo | null> {
    try {
      return await this.request<Photo>(`/events/${encodeURIComponent(eventId)}/photos/${photoId}`, { signal });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }

  listPhotos(eventId: string, nextToken?: string | null, limit = 24) {
    const query = new URLSearchParams({ limit: String(limit) });
    if (nextToken) query.set('nextToken', nextToken);
    return this.request<PhotoPage>(`/events/${encodeURIComponent(eventId)}/photos?${query}`);
  }

  listEvents() {
    return this.request<{ items: EventSummary[] }>('/events');
  }

  createEvent(name: string) {
    return this.request<EventSummary>('/events', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name }),
    });
  }

  /** null when there is no such event or the user is not a member (the API answers both with 404). */
  async getEvent(eventId: string): Promise<EventSummary | null> {
    try {
      return await this.request<EventSummary>(`/events/${encodeURIComponent(eventId)}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }

  createInvite(eventId: string, role: Role) {
    return this.request<Invite>(`/events/${encodeURIComponent(eventId)}/invites`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ role }),
    });
  }

  acceptInvite(code: string) {
    return this.request<AcceptedInvite>(`/invites/${encodeURIComponent(code)}/accept`, { method: 'POST' });
  }

  deletePhoto(eventId: string, photoId: string) {
    return this.request<void>(`/events/${encodeURIComponent(eventId)}/photos/${photoId}`, { method: 'DELETE' });
  }

  setHidden(eventId: string, photoId: string, hidden: boolean) {
    return this.request<void>(`/events/${encodeURIComponent(eventId)}/photos/${photoId}/hidden`,
      { method: hidden ? 'PUT' : 'DELETE' });
  }

  private renewing: Promise<string | undefined> | null = null;

  private async request<T>(path: string, init: RequestInit = {}): Promise<T> {
    let response = await this.send(path, init, this.token());
    if (response.status === 401) {
      const renewed = await this.renewOnce();
      if (renewed) response = await this.send(path, init, renewed);
    }
    if (!response.ok) {
      let message = `${response.status} ${response.statusText}`;
      try {
        const error = await response.json();
        if (error?.message) message = error.message;
      } catch {
        // not JSON (e.g. a 401 from the authorizer)
      }
      const retryAfter = Number(response.headers.get('Retry-After'));
      throw new ApiError(response.status, message, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined);
    }
    if (response.status === 204) return undefined as T;
    return response.json() as Promise<T>;
  }

  /** Parallel 401s (several uploads and polls at once) share one renewal: one refresh-token request. */
  private renewOnce(): Promise<string | undefined> {
    this.renewing ??= this.renew()
      .catch(() => undefined)
      .finally(() => {
        this.renewing = null;
      });
    return this.renewing;
  }

  private send(path: string, init: RequestInit, token: string | undefined): Promise<Response> {
    const headers = new Headers(init.headers);
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return fetch(this.baseUrl + path, { ...init, headers });
  }
}
