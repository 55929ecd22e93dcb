// @vitest-environment node
import type { MultipartUpload, PartUrl, PhotosApi } from '../api';
import { partChecksums, sendMissingParts } from './multipart';
import { putBlob, S3RefusedError } from './upload';

vi.mock('./upload', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./upload')>()),
  putBlob: vi.fn(),
}));
const put = vi.mocked(putBlob);

const file = new Blob(['aaaaa', 'bbbbb', 'cc']); // parts of 5 bytes: 5, 5, 2
const url = (partNumber: number, size: number, tag = ''): PartUrl => ({
  partNumber,
  size,
  url: `http://s3/key?partNumber=${partNumber}${tag}`,
  method: 'PUT',
  headers: { 'X-Amz-Checksum-Sha256': `sum${partNumber}` },
  expiresAt: '2026-11-22T10:05:00Z',
});
const upload = (uploaded: number[], urls: PartUrl[]): MultipartUpload => ({
  photoId: 'p1',
  objectKey: 'uploads/event_e/p1.jpg',
  contentLength: 12,
  partSize: 5,
  partCount: 3,
  startedAt: '2026-11-22T10:00:00Z',
  completeBy: '2026-11-23T10:00:00Z',
  uploadedParts: uploaded.map((partNumber) => ({
    partNumber,
    size: partNumber === 3 ? 2 : 5,
    etag: `"held${partNumber}"`,
  })),
  partUrls: urls,
});
const sentBodies = async () => Promise.all(put.mock.calls.map(async ([, , , blob]) => (blob as Blob).text()));

describe('uploads in parts', () => {
  beforeEach(() => {
    put.mockReset();
  });

  it('checksums each part as the API expects: base64 SHA-256 of every partSize bytes, the last holding the rest', async () => {
    // echo -n aaaaa | sha256sum | xxd -r -p | base64, and so on
    const expected = [
      '7ZaOhA0Q0tMTqHC8ExpOLDEdetCb3zKzQYFHIh9RpuI=',
      'XoRsZPLbEiZua2WKjltbQswiVBmz7h/KiKy7GB3f21I=',
      'NVsbv8lnJc3Oj0onCP2jEKgObRMxWuxOXu0qdf6AMs4=',
    ];
    await expect(partChecksums(file, 5)).resolves.toEqual(expected);
  });

  it('sends only the parts S3 does not hold, and completes with every ETag in order', async () => {
    put.mockImplementation(async (target, _method, _headers, _blob, onProgress) => {
      onProgress(1);
      return `"new${new URL(target).searchParams.get('partNumber')}"`;
    });
    const progress: number[] = [];

    const parts = await sendMissingParts({} as PhotosApi, 'e', file, upload([1, 3], [url(2, 5)]), (p) =>
      progress.push(p),
    );

    expect(put).toHaveBeenCalledTimes(1);
    expect(await sentBodies()).toEqual(['bbbbb']);
    expect(put.mock.calls[0][2]).toEqual({ 'X-Amz-Checksum-Sha256': 'sum2' });
    expect(parts).toEqual([
      { partNumber: 1, etag: '"held1"' },
      { partNumber: 2, etag: '"new2"' },
      { partNumber: 3, etag: '"held3"' },
    ]);
    expect(progress[0]).toBeCloseTo(7 / 12);
    expect(progress.at(-1)).toBe(1);
  });

  it('asks for a fresh URL once when S3 refuses an expired one', async () => {
    put.mockRejectedValueOnce(new S3RefusedError(403)).mockResolvedValue('"fresh"');
    const getUpload = vi.fn(async () => upload([1, 3], [url(2, 5, '&renewed')]));

    const parts = await sendMissingParts(
      { getUpload } as unknown as PhotosApi,
      'e',
      file,
      upload([1, 3], [url(2, 5)]),
      () => {},
      { retryDelayMs: () => 1 },
    );

    expect(getUpload).toHaveBeenCalledTimes(1);
    expect(put.mock.calls[1][0]).toContain('&renewed');
    expect(parts[1]).toEqual({ partNumber: 2, etag: '"fresh"' });
  });

  it('tries a part again after network errors and S3 5xx, with back-off, without resending the parts that arrived', async () => {
    put
      .mockRejectedValueOnce(new Error('network error while uploading to S3'))
      .mockRejectedValueOnce(new S3RefusedError(503))
      .mockResolvedValue('"third time"');
    const delays: number[] = [];

    const parts = await sendMissingParts({} as PhotosApi, 'e', file, upload([1, 3], [url(2, 5)]), () => {}, {
      retryDelayMs: (attempt) => {
        delays.push(attempt);
        return 1;
      },
    });

    expect(put).toHaveBeenCalledTimes(3);
    expect(await sentBodies()).toEqual(['bbbbb', 'bbbbb', 'bbbbb']);
    expect(delays).toEqual([1, 2]);
    expect(parts[1]).toEqual({ partNumber: 2, etag: '"third time"' });
  });

  it('gives up on a part after its last try', async () => {
    put.mockRejectedValue(new Error('network error while uploading to S3'));

    await expect(
      sendMissingParts({} as PhotosApi, 'e', file, upload([1, 3], [url(2, 5)]), () => {}, { retryDelayMs: () => 1 }),
    ).rejects.toThrow('network error');
    expect(put).toHaveBeenCalledTimes(6);
  });

  it('waits with growing delays of at most 16 s', async () => {
    const { partRetryDelayMs } = await import('./multipart');
    expect(partRetryDelayMs(1)).toBeGreaterThanOrEqual(750);
    expect(partRetryDelayMs(1)).toBeLessThanOrEqual(1250);
    expect(partRetryDelayMs(5)).toBeGreaterThanOrEqual(12_000);
    expect(partRetryDelayMs(9)).toBeLessThanOrEqual(20_000);
  });

  it('gives up on a part S3 refuses for its bytes, and stops the others', async () => {
    const signals: AbortSignal[] = [];
    put.mockImplementation(async (target, _m, _h, _b, _p, options) => {
      signals.push(options!.signal!);
      if (target.includes('partNumber=1')) throw new S3RefusedError(400);
      return new Promise(() => {}); // still sending
    });

    await expect(
      sendMissingParts({} as PhotosApi, 'e', file, upload([], [url(1, 5), url(2, 5), url(3, 2)]), () => {}),
    ).rejects.toThrow('400');
    expect(signals.every((signal) => signal.aborted)).toBe(true);
  });
});
