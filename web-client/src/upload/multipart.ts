import type { MultipartUpload, PartUrl, PhotosApi } from '../api';
import { isAbort, putBlob, S3RefusedError, type PutOptions } from './upload';
import { sleep } from './wait';

/** Parts sent at once: enough to fill a phone's uplink, few enough that each makes steady progress. */
export const PARTS_IN_FLIGHT = 3;

/** Tries of one part before the upload gives up (a flaky phone network drops a request now and then). */
export const PART_ATTEMPTS = 6;

/** Wait before try {@code attempt + 1} of a part: 1, 2, 4, 8, 16 s, with jitter so parts do not retry in step. */
export function partRetryDelayMs(attempt: number): number {
  return Math.min(16_000, 1000 * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);
}

export interface PartOptions extends PutOptions {
  /** How long to wait before another try; {@link partRetryDelayMs} unless a test sets it. */
  retryDelayMs?: (attempt: number) => number;
}

/** Worth another try: the network, S3 itself (5xx), a stall. Not: S3 refusing these bytes (400) or an abort. */
function retryable(error: unknown): boolean {
  if (isAbort(error)) return false;
  if (error instanceof S3RefusedError) return error.status >= 500 || error.status === 403;
  return true;
}

export async function sha256Base64(blob: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  let binary = '';
  digest.forEach((byte) => {
    binary += String.fromCharCode(byte);
  });
  return btoa(binary);
}

/** The file cut as the API expects: every part {@code partSize} bytes but the last. */
export function partOf(file: Blob, partNumber: number, partSize: number): Blob {
  const start = (partNumber - 1) * partSize;
  return file.slice(start, Math.min(file.size, start + partSize));
}

export async function partChecksums(file: Blob, partSize: number): Promise<string[]> {
  const count = Math.max(1, Math.ceil(file.size / partSize));
  const checksums: string[] = [];
  for (let number = 1; number <= count; number++) checksums.push(await sha256Base64(partOf(file, number, partSize)));
  return checksums;
}

/**
 * Sends every part S3 does not hold yet, {@link PARTS_IN_FLIGHT} at a time, with progress over all parts, and
 * resolves with every part's ETag in order, ready to complete. A part that fails for a reason that can pass (network
 * error, stall, S3 5xx, or 403 because its URL expired while waiting or the page slept, which asks the API for fresh
 * URLs first) is tried again with back-off, up to {@link PART_ATTEMPTS} times; parts already sent are never resent.
 * A part S3 refuses for its bytes (400) fails at once, and the first failure that is final stops the other parts.
 */
export async function sendMissingParts(
  api: PhotosApi,
  eventId: string,
  file: Blob,
  upload: MultipartUpload,
  onProgress: (fraction: number) => void,
  { signal, retryDelayMs = partRetryDelayMs, ...options }: PartOptions = {},
): Promise<{ partNumber: number; etag: string }[]> {
  const etags = new Map<number, string>(upload.uploadedParts.map((part) => [part.partNumber, part.etag]));
  const sent = new Map<number, number>(upload.uploadedParts.map((part) => [part.partNumber, part.size]));
  const report = () => onProgress([...sent.values()].reduce((a, b) => a + b, 0) / upload.contentLength);
  report();
  let urls = new Map<number, PartUrl>(upload.partUrls.map((url) => [url.partNumber, url]));
  const renew = async () => {
    const fresh = await api.getUpload(eventId, upload.photoId, stop.signal);
    if (!fresh) throw new Error('the upload is no longer in progress; upload the photo again');
    urls = new Map(fresh.partUrls.map((url) => [url.partNumber, url]));
  };

  const stop = new AbortController();
  const onAbort = () => stop.abort();
  signal?.addEventListener('abort', onAbort);
  const sendPart = async (partNumber: number) => {
    for (let attempt = 1; ; attempt++) {
      const url = urls.get(partNumber);
      if (!url) throw new Error(`no URL for part ${partNumber}`);
      try {
        const etag = await putBlob(
          url.url,
          url.method,
          url.headers,
          partOf(file, partNumber, upload.partSize),
          (fraction) => {
            sent.set(partNumber, fraction * url.size);
            report();
          },
          { ...options, signal: stop.signal },
        );
        if (!etag) throw new Error("S3 sent no ETag: the bucket's CORS rule must expose it");
        etags.set(partNumber, etag);
        return;
      } catch (e) {
        sent.set(partNumber, 0);
        report();
        if (!retryable(e) || attempt === PART_ATTEMPTS || stop.signal.aborted) throw e;
        await sleep(retryDelayMs(attempt), stop.signal);
        if (e instanceof S3RefusedError && e.status === 403) await renew();
      }
    }
  };
  const waiting = upload.partUrls.map((url) => url.partNumber);
  const worker = async () => {
    for (let next = waiting.shift(); next !== undefined; next = waiting.shift()) await sendPart(next);
  };
  try {
    await Promise.all(Array.from({ length: Math.min(PARTS_IN_FLIGHT, waiting.length) }, worker));
  } catch (e) {
    stop.abort();
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  return [...etags.entries()].sort(([a], [b]) => a - b).map(([partNumber, etag]) => ({ partNumber, etag }));
}
