import {
  ApiError,
  type MultipartUpload,
  type Photo,
  type PhotosApi,
  type UploadPolicy,
  type UploadRequest,
} from '../api';
import { partChecksums, sendMissingParts } from './multipart';
import { memoryResumeStore, type ResumeStore } from './resumeStore';
import { isAbort, putToS3 } from './upload';
import type { UploadEntry } from './uploadEntry';
import { createUploadStarter, type UploadStarter } from './uploadStarter';
import { sleep } from './wait';

export interface UploadOptions {
  /** From the upload policy: files above threshold go in parts of partSize bytes. */
  multipart?: { threshold: number; partSize: number };
  /** Where unfinished uploads in parts are remembered, to resume them after a reload. */
  store?: ResumeStore;
  /** Starts the upload (in a batch with those waiting behind it); by default, alone. */
  starter?: UploadStarter;
}

export const POLL_INTERVAL_MS = 1000;
export const POLL_LIMIT_MS = 60_000;
export const MAX_POLL_INTERVAL_MS = 8000;
/** Tries of the call that completes an upload in parts: repeating it is safe, and its answer can be lost. */
export const COMPLETE_ATTEMPTS = 5;

/**
 * start (initiate-upload, or a batch of initiate-uploads) → PUT to S3 with the returned headers → poll this photo's record (GET /photos/{id}: 404 until
 * the processor wrote it) until it is READY or REJECTED. Files above the policy's threshold go in parts (resumable:
 * an entry with a photoId continues the upload S3 already holds parts of). Everything stops when {@code signal}
 * aborts (the page is left, or the upload is paused): no more polling, PUTs cancelled, nothing reported.
 */
export async function runUpload(
  api: PhotosApi,
  eventId: string,
  entry: UploadEntry,
  update: (change: Partial<UploadEntry>) => void,
  signal?: AbortSignal,
  { multipart, store = memoryResumeStore(), starter = createUploadStarter(api, eventId) }: UploadOptions = {},
): Promise<Photo | null> {
  update({
    state: 'uploading',
    progress: entry.photoId ? entry.progress : 0,
    error: undefined,
    failure: undefined,
    pausedBy: undefined,
  });
  const onProgress = (progress: number) => update({ progress });
  const inParts = async (upload: MultipartUpload) => {
    const parts = await sendMissingParts(api, eventId, entry.file, upload, onProgress, { signal });
    for (let attempt = 1; ; attempt++) {
      try {
        await api.completeUpload(eventId, upload.photoId, parts, signal);
        break;
      } catch (e) {
        // the API answers a repeated complete with the same result, so a lost answer is simply asked for again
        if (isAbort(e) || !isTransient(e) || attempt === COMPLETE_ATTEMPTS) throw e;
        await sleep(Math.max(1000 * attempt, retryAfterMs(e)), signal);
      }
    }
    await store.remove(upload.photoId);
  };
  try {
    let photoId: string;
    if (entry.photoId) {
      photoId = entry.photoId;
      const upload = await api.getUpload(eventId, photoId, signal);
      if (!upload) {
        await store.remove(photoId);
        throw new Error(
          'this upload can no longer be resumed (finished, discarded, or over a day old): upload the photo again',
        );
      }
      await inParts(upload);
    } else {
      const checksums =
        multipart && goesInParts(entry.file, { multipart })
          ? await partChecksums(entry.file, multipart.partSize)
          : undefined;
      const upload = await starter.start(entry.id, { ...uploadRequestOf(entry), partChecksums: checksums }, signal);
      photoId = upload.photoId;
      if (upload.uploadType === 'MULTIPART' && upload.multipart && checksums) {
        update({ photoId });
        await store.save({
          photoId,
          eventId,
          fileName: entry.file.name,
          size: entry.file.size,
          contentType: entry.file.type,
          firstPartSha256: checksums[0],
          partSize: upload.multipart.partSize,
          title: entry.title,
          description: entry.description,
          file: entry.file,
        });
        await inParts(upload.multipart);
      } else {
        if ((await putToS3(upload, entry.file, onProgress, { signal })) === 'already-uploaded') {
          update({ notice: 'already-uploaded' });
        }
      }
      starter.sent(entry.file.size);
    }
    update({ state: 'processing', progress: 1 });
    const deadline = Date.now() + POLL_LIMIT_MS;
    let wait = POLL_INTERVAL_MS;
    while (Date.now() < deadline) {
      await sleep(wait, signal);
      let record: Photo | null;
      try {
        record = await api.getPhoto(eventId, photoId, signal);
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
        update({
          state: 'failed',
          error: `rejected: ${record.rejectionReason ?? 'the photo was refused'}`,
          failure: { kind: 'rejected', reason: record.rejectionReason ?? undefined },
        });
        return null;
      }
    }
    update({
      state: 'failed',
      error: 'the photo was not processed within a minute',
      failure: { kind: 'not-processed' },
    });
  } catch (e) {
    if (isAbort(e) || signal?.aborted) return null;
    update({
      state: 'failed',
      error: e instanceof ApiError || e instanceof Error ? e.message : String(e),
      failure: { kind: 'error', error: e },
    });
  }
  return null;
}

/** What initiate-upload is asked for this entry (without part checksums). */
export function uploadRequestOf(entry: UploadEntry): UploadRequest {
  return {
    title: entry.title,
    description: entry.description,
    contentType: entry.file.type,
    contentLength: entry.file.size,
  };
}

/** Whether the file goes in parts under the upload policy. */
export function goesInParts(file: Blob, policy: Pick<UploadPolicy, 'multipart'> | null | undefined): boolean {
  return !!policy && file.size > policy.multipart.threshold;
}

function isTransient(error: unknown): boolean {
  // fetch rejects with a TypeError when the network fails
  return error instanceof TypeError || (error instanceof ApiError && error.isTransient);
}

function retryAfterMs(error: unknown): number {
  return error instanceof ApiError && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : 0;
}
