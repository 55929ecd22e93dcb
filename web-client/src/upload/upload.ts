import type { InitiatedUpload } from '../api';
import { sleep } from './wait';

/** Headers a browser refuses to set itself; it sends them anyway (Content-Length from the body). */
const FORBIDDEN = new Set(['content-length', 'host']);

/** An upload that made no progress for this long is given up (and can be retried). */
export const STALL_TIMEOUT_MS = 30_000;

export class StalledUploadError extends Error {
  constructor(seconds: number) {
    super(`the upload stalled (no progress for ${seconds} s); check the connection and retry`);
  }
}

export interface PutOptions {
  /** Aborts the PUT (the page is left, or the user cancels). */
  signal?: AbortSignal;
  stallTimeoutMs?: number;
}

/**
 * S3 answered with an error status: 403 for an expired or tampered URL, 400 for bytes that fail the checksum, 412 for
 * a photo already written, 409 for a write racing another.
 */
export class S3RefusedError extends Error {
  constructor(readonly status: number) {
    super(`S3 refused the upload (${status})`);
  }
}

/** Tries of one photo's PUT: a dropped connection, a stall or a 5xx is sent again to the same (write-once) URL. */
export const PUT_ATTEMPTS = 4;

/** How a PUT ended: sent now, or S3 already held the photo (an earlier try got through; its answer was lost). */
export type PutOutcome = 'uploaded' | 'already-uploaded';

/**
 * PUTs the file to the presigned URL with exactly the returned headers, reporting progress (0..1). The URL is
 * write-once (a signed {@code If-None-Match: *}): S3 answers 412 when the photo is already there, which is success
 * ({@code 'already-uploaded'}), and 409 when another write of it is in progress, which is tried again. A dropped
 * connection, a stall ({@link StalledUploadError} after {@link STALL_TIMEOUT_MS} without progress) or a 5xx is tried
 * again up to {@link PUT_ATTEMPTS} times; an AbortError when {@code signal} aborts.
 */
export async function putToS3(
  upload: InitiatedUpload,
  file: Blob,
  onProgress: (fraction: number) => void,
  options: PutOptions = {},
): Promise<PutOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      await putBlob(upload.s3PutObjectUrl, upload.method, upload.headers, file, onProgress, options);
      return 'uploaded';
    } catch (e) {
      if (e instanceof S3RefusedError && e.status === 412) {
        onProgress(1);
        return 'already-uploaded';
      }
      const again = e instanceof S3RefusedError ? e.status === 409 || e.status >= 500 : !isAbort(e);
      if (!again || attempt >= PUT_ATTEMPTS) throw e;
      await sleep(1000 * 2 ** (attempt - 1), options.signal);
    }
  }
}

/** One PUT of {@code blob} as {@link putToS3} does it; resolves with the ETag S3 answered (null if not exposed). */
export function putBlob(
  url: string,
  method: string,
  headers: Record<string, string>,
  blob: Blob,
  onProgress: (fraction: number) => void,
  { signal, stallTimeoutMs = STALL_TIMEOUT_MS }: PutOptions = {},
): Promise<string | null> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new DOMException('upload aborted', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    let stallTimer: ReturnType<typeof setTimeout> | undefined;
    const finish = (outcome: () => void) => {
      clearTimeout(stallTimer);
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const watchForStall = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => {
        xhr.abort();
        finish(() => reject(new StalledUploadError(Math.round(stallTimeoutMs / 1000))));
      }, stallTimeoutMs);
    };
    const onAbort = () => {
      xhr.abort();
      finish(() => reject(new DOMException('upload aborted', 'AbortError')));
    };
    signal?.addEventListener('abort', onAbort);
    xhr.open(method || 'PUT', url);
    Object.entries(headers).forEach(([name, value]) => {
      if (!FORBIDDEN.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    });
    xhr.upload.onprogress = (event) => {
      watchForStall();
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () =>
      finish(() => {
        if (xhr.status >= 200 && xhr.status < 300) {
          onProgress(1);
          resolve(xhr.getResponseHeader('ETag'));
        } else {
          reject(new S3RefusedError(xhr.status));
        }
      });
    xhr.onerror = () => finish(() => reject(new Error('network error while uploading to S3')));
    watchForStall();
    xhr.send(blob);
  });
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

export function titleFromFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).slice(0, 200);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
