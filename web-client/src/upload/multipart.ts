import type { MultipartUpload, PartUrl, PhotosApi } from '../api';
import { putBlob, S3RefusedError, type PutOptions } from './upload';

/** Parts sent at once: enough to fill a phone's uplink, few enough that each makes steady progress. */
export const PARTS_IN_FLIGHT = 3;

export async function sha256Base64(blob: Blob): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
  let binary = '';
  digest.forEach((byte) => { binary += String.fromCharCode(byte); });
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
 * resolves with every part's ETag in order, ready to complete. A part whose URL S3 refuses (403: it expired while
 * waiting, or the page slept) is sent again once with a fresh URL. The first failure stops the other parts.
 */
export async function sendMissingParts(api: PhotosApi, eventId: string, file: Blob, upload: MultipartUpload,
                                       onProgress: (fraction: number) => void,
                                       { signal, ...options }: PutOptions = {}): Promise<{ partNumber: number; etag: string }[]> {
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
        const etag = await putBlob(url.url, url.method, url.headers, partOf(file, partNumber, upload.partSize),
          (fraction) => { sent.set(partNumber, fraction * url.size); report(); },
          { ...options, signal: stop.signal });
        if (!etag) throw new Error('S3 sent no ETag: the bucket\'s CORS rule must expose it');
        etags.set(partNumber, etag);
        return;
      } catch (e) {
        sent.set(partNumber, 0);
        report();
        if (e instanceof S3RefusedError && e.status === 403 && attempt === 1) {
          await renew();
          continue;
        }
        throw e;
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
