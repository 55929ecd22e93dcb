import { ApiError, type Photo, type PhotosApi } from '../api';
import { isAbort, putToS3 } from './upload';
import type { UploadEntry } from './uploadEntry';

export const POLL_INTERVAL_MS = 1000;
export const POLL_LIMIT_MS = 60_000;
export const MAX_POLL_INTERVAL_MS = 8000;

/**
 * initiate-upload → PUT to S3 with the returned headers → poll this photo's record (GET /photos/{id}: 404 until
 * the processor wrote it) until it is READY or REJECTED. Everything stops when {@code signal} aborts (the page is
 * left): no more polling, the PUT is cancelled, nothing is reported.
 */
export async function runUpload(api: PhotosApi, eventId: string, entry: UploadEntry,
                                update: (change: Partial<UploadEntry>) => void,
                                signal?: AbortSignal): Promise<Photo | null> {
  update({ state: 'uploading', progress: 0, error: undefined });
  try {
    const upload = await api.initiateUpload(eventId, {
      title: entry.title,
      description: entry.description,
      contentType: entry.file.type,
      contentLength: entry.file.size,
    }, signal);
    await putToS3(upload, entry.file, (progress) => update({ progress }), { signal });
    update({ state: 'processing', progress: 1 });
    const deadline = Date.now() + POLL_LIMIT_MS;
    let wait = POLL_INTERVAL_MS;
    while (Date.now() < deadline) {
      await sleep(wait, signal);
      let record: Photo | null;
      try {
        record = await api.getPhoto(eventId, upload.photoId, signal);
        wait = POLL_INTERVAL_MS;
      } catch (e) {
        // Throttled, a server hiccup or a dropped connection says nothing about the photo: ask again, slower.
        if (isAbort(e) || !isTransient(e)) throw e;
        wait = Math.min(MAX_POLL_INTERVAL_MS, Math.max(wait * 2, retryAfterMs(e)));
        continue;
      }
      if (record?.status === 'READY') {
        update({ state: 'ready' });
        return record;
      }
      if (record?.status === 'REJECTED') {
        update({ state: 'failed', error: `rejected: ${record.rejectionReason ?? 'the photo was refused'}` });
        return null;
      }
    }
    update({ state: 'failed', error: 'the photo was not processed within a minute' });
  } catch (e) {
    if (isAbort(e) || signal?.aborted) return null;
    update({ state: 'failed', error: e instanceof ApiError || e instanceof Error ? e.message : String(e) });
  }
  return null;
}

function isTransient(error: unknown): boolean {
  // fetch rejects with a TypeError when the network fails
  return error instanceof TypeError || (error instanceof ApiError && error.isTransient);
}

function retryAfterMs(error: unknown): number {
  return error instanceof ApiError && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : 0;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort);
  });
}
