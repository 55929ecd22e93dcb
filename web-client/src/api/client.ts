import { paths } from './paths';
import type {
  AcceptedInvite,
  DownloadLink,
  EventSummary,
  GuestSession,
  InitiatedUpload,
  Invite,
  InviteRequest,
  LiveChannel,
  MultipartUpload,
  Photo,
  PhotoExport,
  PhotoListing,
  PhotoPage,
  UploadPolicy,
  UploadRequest,
  Wall,
  WallPage,
} from './types';

/** The API answered with an error status; its JSON message, its stable code, and when to try again if it said. */
export class ApiError extends Error {
  /**
   * @param retryAfterSeconds the server's Retry-After (429, 503), if it sent one
   * @param code the body's stable `code` (e.g. `UPLOAD_CONFLICT`), if it had one
   */
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterSeconds?: number,
    readonly code?: string,
  ) {
    super(message);
  }

  /**
   * Worth asking again later: throttled, a server-side failure, or a write of the same photo still in progress
   * (`UPLOAD_CONFLICT`), not a mistake of ours.
   */
  get isTransient(): boolean {
    return this.status === 429 || this.status >= 500 || this.code === 'UPLOAD_CONFLICT';
  }
}

/** Calls to initiate-upload-api with the caller's bearer token: a signed-in user's, or a guest session's. */
export class PhotosApi {
  /**
   * @param token the current access token
   * @param renew gets a fresh token without user interaction (refresh token); asked once when the API answers
   *     401, so a long upload session does not end because a token expired on the way
   */
  constructor(
    private readonly baseUrl: string,
    private readonly token: () => string | undefined,
    private readonly renew: () => Promise<string | undefined> = async () => undefined,
  ) {}

  initiateUpload(eventId: string, body: UploadRequest, signal?: AbortSignal) {
    return this.request<InitiatedUpload>(paths.initiateUpload(eventId), json('POST', body, signal));
  }

  /** Up to 50 at once, counted together (all or none): the answers in the order asked. */
  initiateUploads(eventId: string, photos: UploadRequest[], signal?: AbortSignal) {
    return this.request<InitiatedUpload[]>(paths.initiateUploads(eventId), json('POST', { photos }, signal));
  }

  /** null when there is no such unfinished upload (completed, aborted, or never started in parts). */
  async getUpload(eventId: string, photoId: string, signal?: AbortSignal): Promise<MultipartUpload | null> {
    try {
      return await this.request<MultipartUpload>(paths.upload(eventId, photoId), { signal });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }

  completeUpload(
    eventId: string,
    photoId: string,
    parts: { partNumber: number; etag: string }[],
    signal?: AbortSignal,
  ) {
    return this.request<{ photoId: string; status: string }>(
      paths.complete(eventId, photoId),
      json('POST', { parts }, signal),
    );
  }

  abortUpload(eventId: string, photoId: string) {
    return this.request<void>(paths.upload(eventId, photoId), { method: 'DELETE' });
  }

  /** Where the event's galleries subscribe; refused (403/404) to whoever may not see its photos. */
  liveChannel(eventId: string) {
    return this.request<LiveChannel>(paths.live(eventId));
  }

  /** The caller's Authorization value for a live subscription (a WebSocket cannot send headers). */
  async liveAuthorization(): Promise<string | undefined> {
    const token = this.token() ?? (await this.renewOnce());
    return token ? `Bearer ${token}` : undefined;
  }

  uploadPolicy() {
    return this.request<UploadPolicy>(paths.uploadPolicy());
  }

  /** null while the photo is not processed yet (404). */
  async getPhoto(eventId: string, photoId: string, signal?: AbortSignal): Promise<Photo | null> {
    try {
      return await this.request<Photo>(paths.photo(eventId, photoId), { signal });
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }

  listPhotos(eventId: string, nextToken?: string | null, limit = 24, show?: PhotoListing) {
    const query = new URLSearchParams({ limit: String(limit) });
    if (nextToken) query.set('nextToken', nextToken);
    if (show) query.set('show', show);
    return this.request<PhotoPage>(`${paths.photos(eventId)}?${query}`);
  }

  listEvents() {
    return this.request<{ items: EventSummary[] }>(paths.events());
  }

  createEvent(name: string) {
    return this.request<EventSummary>(paths.events(), json('POST', { name }));
  }

  /** null when there is no such event or the user is not a member (the API answers both with 404). */
  async getEvent(eventId: string): Promise<EventSummary | null> {
    try {
      return await this.request<EventSummary>(paths.event(eventId));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return null;
      throw e;
    }
  }

  createInvite(eventId: string, invite: InviteRequest) {
    return this.request<Invite>(paths.invites(eventId), json('POST', invite));
  }

  listInvites(eventId: string) {
    return this.request<{ items: Invite[] }>(paths.invites(eventId));
  }

  /** Ends the link; a guest link's sessions end with it (within 30 s). */
  revokeInvite(eventId: string, code: string) {
    return this.request<void>(paths.invite(eventId, code), { method: 'DELETE' });
  }

  /** A wall (a projector's view-only URL); owners only. It shows {@code guestLinkId}'s QR code, or none. */
  createWall(eventId: string, guestLinkId?: string) {
    return this.request<Wall>(paths.walls(eventId), json('POST', guestLinkId ? { guestLinkId } : {}));
  }

  listWalls(eventId: string) {
    return this.request<{ items: Wall[] }>(paths.walls(eventId));
  }

  /** Its token stops working (within 30 s). */
  revokeWall(eventId: string, wallId: string) {
    return this.request<void>(paths.wall(eventId, wallId), { method: 'DELETE' });
  }

  /** A new wall URL in place of this one, whose token stops working. */
  rotateWall(eventId: string, wallId: string) {
    return this.request<Wall>(`${paths.wall(eventId, wallId)}/rotation`, { method: 'POST' });
  }

  /** The wall page's frame: the event's name and a guest link for the corner QR code. */
  wallPage(eventId: string) {
    return this.request<WallPage>(paths.wallPage(eventId));
  }

  /** A guest link's session for someone without an account: sent without a token. */
  startGuestSession(code: string, name: string) {
    return this.request<GuestSession>(paths.guestSessions(code), json('POST', { name }), { anonymous: true });
  }

  acceptInvite(code: string) {
    return this.request<AcceptedInvite>(paths.acceptInvite(code), { method: 'POST' });
  }

  /** A link to the photo's original as uploaded (its uploader and owners); the browser saves it under its title. */
  originalLink(eventId: string, photoId: string) {
    return this.request<DownloadLink>(`${paths.original(eventId, photoId)}?redirect=false`);
  }

  /** Starts an export of every photo members see (owners); while one runs, that one. */
  startExport(eventId: string) {
    return this.request<PhotoExport>(paths.exports(eventId), { method: 'POST' });
  }

  getExport(eventId: string, exportId: string) {
    return this.request<PhotoExport>(paths.export(eventId, exportId));
  }

  /** The exports of the last 7 days, newest first. */
  listExports(eventId: string) {
    return this.request<{ items: PhotoExport[] }>(paths.exports(eventId));
  }

  deletePhoto(eventId: string, photoId: string) {
    return this.request<void>(paths.photo(eventId, photoId), { method: 'DELETE' });
  }

  approve(eventId: string, photoId: string) {
    return this.request<void>(paths.approval(eventId, photoId), { method: 'PUT' });
  }

  setHidden(eventId: string, photoId: string, hidden: boolean) {
    return this.request<void>(paths.hidden(eventId, photoId), { method: hidden ? 'PUT' : 'DELETE' });
  }

  private renewing: Promise<string | undefined> | null = null;

  private async request<T>(path: string, init: RequestInit = {}, { anonymous = false } = {}): Promise<T> {
    let response = await this.send(path, init, anonymous ? undefined : this.token());
    if (response.status === 401 && !anonymous) {
      const renewed = await this.renewOnce();
      if (renewed) response = await this.send(path, init, renewed);
    }
    if (!response.ok) {
      let message = `${response.status} ${response.statusText}`;
      let code: string | undefined;
      try {
        const error = await response.json();
        if (error?.message) message = error.message;
        if (typeof error?.code === 'string') code = error.code;
      } catch {
        // not JSON (e.g. a 401 from the authorizer)
      }
      const retryAfter = Number(response.headers.get('Retry-After'));
      throw new ApiError(
        response.status,
        message,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
        code,
      );
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

function json(method: string, body: unknown, signal?: AbortSignal): RequestInit {
  return { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal };
}
