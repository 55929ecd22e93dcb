import { formatBytes, isAbort, putBlob, putToS3, StalledUploadError, titleFromFileName } from './upload';
import type { InitiatedUpload } from '../api';

class FakeXhr {
  static last: FakeXhr;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  status = 0;
  body: unknown;
  upload: { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void } = {};
  onload?: () => void;
  onerror?: () => void;
  aborted = false;
  abort() {
    this.aborted = true;
  }
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  responseHeaders: Record<string, string> = {};
  getResponseHeader(name: string) {
    return this.responseHeaders[name] ?? null;
  }
  send(body: unknown) {
    this.body = body;
  }
}

/** The XHR double, and fake timers for stalls and back-off, in each test of the block. */
function withFakeXhrAndTimers() {
  beforeEach(() => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
}

const upload: InitiatedUpload = {
  photoId: 'p1',
  uploadType: 'PUT',
  objectKey: 'uploads/event_e/p1.png',
  s3PutObjectUrl: 'http://s3/bucket/key?X-Amz-Signature=abc',
  method: 'PUT',
  headers: { 'Content-Type': 'image/png', 'Content-Length': '3' },
  expiresAt: '2026-11-21T10:05:00Z',
};

describe('putToS3', () => {
  beforeEach(() => vi.stubGlobal('XMLHttpRequest', FakeXhr));
  afterEach(() => vi.unstubAllGlobals());

  it('PUTs to the presigned URL with the returned headers, leaving Content-Length to the browser', async () => {
    const progress: number[] = [];
    const done = putToS3(upload, new Blob(['abc']), (p) => progress.push(p));
    const xhr = FakeXhr.last;
    expect(xhr.method).toBe('PUT');
    expect(xhr.url).toBe(upload.s3PutObjectUrl);
    expect(xhr.headers).toEqual({ 'Content-Type': 'image/png' });
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 2 });
    xhr.status = 200;
    xhr.onload?.();
    await done;
    expect(progress).toEqual([0.5, 1]);
  });

  it('fails with the S3 status when the PUT is refused', async () => {
    const done = putToS3(upload, new Blob(['abc']), () => {});
    FakeXhr.last.status = 403;
    FakeXhr.last.onload?.();
    await expect(done).rejects.toThrow('403');
  });
});

describe('putToS3 on a real network', () => {
  withFakeXhrAndTimers();

  it('cancels the PUT when the page is left', async () => {
    const leaving = new AbortController();
    const done = putToS3(upload, new Blob(['abc']), () => {}, { signal: leaving.signal });
    leaving.abort();

    await expect(done).rejects.toSatisfy(isAbort);
    expect(FakeXhr.last.aborted).toBe(true);
  });

  it('gives up with a stall error when no byte goes out for the stall timeout', async () => {
    const done = putBlob(upload.s3PutObjectUrl, 'PUT', upload.headers, new Blob(['abc']), () => {}, {
      stallTimeoutMs: 5000,
    });
    const rejected = expect(done).rejects.toBeInstanceOf(StalledUploadError);
    vi.advanceTimersByTime(4000);
    FakeXhr.last.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 3 });
    vi.advanceTimersByTime(4000);
    expect(FakeXhr.last.aborted).toBe(false);
    vi.advanceTimersByTime(1001);

    await rejected;
    expect(FakeXhr.last.aborted).toBe(true);
  });
});

describe('putToS3 to a write-once URL', () => {
  withFakeXhrAndTimers();

  it('sends the same PUT again after a stall, and takes 412 (S3 already holds the photo) as done, not as an error', async () => {
    const progress: number[] = [];
    const done = putToS3(upload, new Blob(['abc']), (p) => progress.push(p), { stallTimeoutMs: 5000 });
    const first = FakeXhr.last;
    await vi.advanceTimersByTimeAsync(5001); // the first try stalls (its bytes did reach S3)
    expect(first.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    const second = FakeXhr.last;
    expect(second).not.toBe(first);
    expect(second.url).toBe(upload.s3PutObjectUrl);
    second.status = 412;
    second.onload?.();

    await expect(done).resolves.toBe('already-uploaded');
    expect(progress.at(-1)).toBe(1);
  });

  it('tries again after 409 (a write racing another) and after a 5xx, but not after 403', async () => {
    const done = putToS3(upload, new Blob(['abc']), () => {});
    FakeXhr.last.status = 409;
    FakeXhr.last.onload?.();
    await vi.advanceTimersByTimeAsync(1000);
    FakeXhr.last.status = 503;
    FakeXhr.last.onload?.();
    await vi.advanceTimersByTimeAsync(2000);
    FakeXhr.last.status = 200;
    FakeXhr.last.onload?.();
    await expect(done).resolves.toBe('uploaded');

    const refused = putToS3(upload, new Blob(['abc']), () => {});
    const only = FakeXhr.last;
    only.status = 403;
    only.onload?.();
    await expect(refused).rejects.toThrow('403');
    expect(FakeXhr.last).toBe(only);
  });
});

describe('file helpers', () => {
  it('derives the default title from the file name', () => {
    expect(titleFromFileName('서울 불꽃축제.heic')).toBe('서울 불꽃축제');
    expect(titleFromFileName('.hidden')).toBe('.hidden');
    expect(titleFromFileName('a'.repeat(300) + '.png')).toHaveLength(200);
  });

  it('formats sizes for people', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25.0 MB');
  });
});
