import { ApiError, type InitiatedUpload, type PhotosApi, type UploadRequest } from '../api';
import { isAbort } from './upload';
import { sleep } from './wait';

/** What the API starts in one initiate-uploads request. */
export const MAX_BATCH = 50;
/** A started upload's URL must stay valid this long to be used: S3 checks the expiry when the PUT begins. */
export const MIN_URL_VALIDITY_MS = 60_000;
/** Bytes started ahead before anything has been sent (no speed measured yet). */
export const FIRST_BATCH_BYTES = 32 * 1024 * 1024;
/** Later batches hold what this connection sends in this long: their URLs (valid 5 minutes) are used in time. */
export const BATCH_SECONDS = 150;
/** Tries of a start the server failed (5xx, network); a 429 is waited out however often it comes. */
export const SERVER_FAILURE_ATTEMPTS = 5;

/** An upload waiting for its turn: its request, ready to be started along with the one whose turn it is. */
export interface Upcoming {
  id: string;
  request: UploadRequest;
}

export interface UploadStarter {
  /**
   * The upload's presigned URL(s): started with the uploads coming after it, in one request, when it goes as one
   * PUT. Waits out 429s (Retry-After) by itself; rejects for what waiting cannot fix (a quota used up, a refusal).
   */
  start(id: string, request: UploadRequest, signal?: AbortSignal): Promise<InitiatedUpload>;
  /** Bytes an upload sent: how much the next batch starts ahead. */
  sent(bytes: number): void;
}

/**
 * Starts uploads in batches, so a guest's 200 photos cost a handful of requests rather than 200 against the
 * per-caller rate limit: whenever an upload's turn comes without a URL, one initiate-uploads starts it and the
 * uploads waiting behind it (at most {@link MAX_BATCH}, and no more bytes than this connection sends in
 * {@link BATCH_SECONDS}, so the URLs started ahead are still valid when their turn comes). Uploads in parts
 * ({@code partChecksums}) start alone: they are few and each is large.
 *
 * @param upcoming the uploads waiting for a slot, in the order they will get one
 * @param signal ends every batch still waiting (the page is left)
 */
export function createUploadStarter(
  api: PhotosApi,
  eventId: string,
  {
    upcoming = () => [],
    signal,
    now = Date.now,
  }: { upcoming?: () => Upcoming[]; signal?: AbortSignal; now?: () => number } = {},
): UploadStarter {
  const startedAhead = new Map<string, Promise<InitiatedUpload>>();
  let firstSentAt: number | null = null;
  let bytesSent = 0;

  const batchBytes = () => {
    if (firstSentAt === null || bytesSent === 0) return FIRST_BATCH_BYTES;
    const seconds = Math.max(1, (now() - firstSentAt) / 1000);
    return Math.max(FIRST_BATCH_BYTES / 4, (bytesSent / seconds) * BATCH_SECONDS);
  };

  const stillValid = (upload: InitiatedUpload) => Date.parse(upload.expiresAt) - now() >= MIN_URL_VALIDITY_MS;

  /** This upload and those after it that fit the byte budget (the first always goes). */
  const batchFor = (id: string, request: UploadRequest): Upcoming[] => {
    const batch: Upcoming[] = [{ id, request }];
    let bytes = request.contentLength;
    const budget = batchBytes();
    for (const next of upcoming()) {
      if (batch.length === MAX_BATCH) break;
      if (next.id === id || startedAhead.has(next.id) || next.request.partChecksums) continue;
      if (bytes + next.request.contentLength > budget) break;
      batch.push(next);
      bytes += next.request.contentLength;
    }
    return batch;
  };

  const startBatch = (batch: Upcoming[]) => {
    if (batch.length === 1) {
      const alone = patiently(() => api.initiateUpload(eventId, batch[0].request, signal), signal);
      startedAhead.set(batch[0].id, alone);
      return;
    }
    const answers = patiently(
      () =>
        api.initiateUploads(
          eventId,
          batch.map((item) => item.request),
          signal,
        ),
      signal,
    ).catch(async (e) => {
      // one photo the API refuses (its quota, a bad title) must not fail the others: each goes alone
      if (batch.length === 1 || !(e instanceof ApiError) || e.isTransient) throw e;
      return undefined;
    });
    batch.forEach((item, index) => {
      const started = answers.then(
        (all) => all?.[index] ?? patiently(() => api.initiateUpload(eventId, item.request, signal), signal),
      );
      started.catch(() => undefined); // an upload started ahead may never be asked for (discarded): no unhandled rejection
      startedAhead.set(item.id, started);
    });
  };

  return {
    async start(id, request, uploadSignal) {
      if (request.partChecksums) {
        return patiently(() => api.initiateUpload(eventId, request, uploadSignal), uploadSignal);
      }
      let ahead = startedAhead.get(id);
      if (!ahead) {
        // uploads picked together are started together: let the rest of this click queue up behind this one
        await Promise.resolve();
        ahead = startedAhead.get(id);
      }
      if (ahead) {
        startedAhead.delete(id);
        const upload = await abortable(ahead, uploadSignal);
        if (stillValid(upload)) return upload;
        // its turn came too late (a slow connection): the URL is started again, the other answer is given up
      }
      startBatch(batchFor(id, request));
      const started = startedAhead.get(id)!;
      startedAhead.delete(id);
      return abortable(started, uploadSignal);
    },
    sent(bytes) {
      firstSentAt ??= now();
      bytesSent += bytes;
    },
  };
}

/** Asks until the API answers: a 429 as often as it comes, after its Retry-After; a server failure a few times. */
async function patiently<T>(call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (let failures = 0; ;) {
    try {
      return await call();
    } catch (e) {
      if (isAbort(e) || signal?.aborted) throw e;
      const throttled = e instanceof ApiError && e.status === 429;
      const serverFailed = e instanceof TypeError || (e instanceof ApiError && e.status >= 500);
      if (!throttled && !(serverFailed && ++failures < SERVER_FAILURE_ATTEMPTS)) throw e;
      const retryAfter = e instanceof ApiError && e.retryAfterSeconds ? e.retryAfterSeconds * 1000 : 0;
      await sleep(Math.max(retryAfter, 1000 * Math.max(1, failures)), signal);
    }
  }
}

/** The promise, or an AbortError as soon as {@code signal} aborts (the promise itself goes on for the others). */
function abortable<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new DOMException('aborted', 'AbortError'));
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
