import { runUpload } from './runUpload';
import { ApiError, type InitiatedUpload, type MultipartUpload, type Photo, type PhotosApi } from '../api';
import type { UploadEntry } from './uploadEntry';
import { partChecksums, sendMissingParts } from './multipart';
import { memoryResumeStore } from './resumeStore';
import { putToS3 } from './upload';

vi.mock('./multipart', () => ({
  partChecksums: vi.fn(async () => ['c1', 'c2']),
  sendMissingParts: vi.fn(async () => [
    { partNumber: 1, etag: '"e1"' },
    { partNumber: 2, etag: '"e2"' },
  ]),
}));

vi.mock('./upload', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./upload')>()),
  putToS3: vi.fn(async () => 'uploaded'),
}));

const initiated: InitiatedUpload = {
  photoId: 'p1',
  uploadType: 'PUT',
  objectKey: 'uploads/event_e/p1.png',
  s3PutObjectUrl: 'http://s3/x',
  method: 'PUT',
  headers: { 'Content-Type': 'image/png' },
  expiresAt: '2026-11-22T10:05:00Z',
};
const entry: UploadEntry = {
  id: 'u1',
  file: new File(['abc'], 'a.png', { type: 'image/png' }),
  title: 'a',
  description: '',
  state: 'pending',
  progress: 0,
};
const ready: Photo = { photoId: 'p1', eventId: 'e', status: 'READY', createdAt: '2026-11-22T10:00:00Z' };

function fakeApi(records: (Photo | null)[]) {
  const getPhoto = vi.fn(async () => records.shift() ?? null);
  const api = {
    initiateUpload: vi.fn(async () => initiated),
    getPhoto,
    listPhotos: vi.fn(),
  } as unknown as PhotosApi;
  return { api, getPhoto };
}

describe('runUpload', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('polls this photo until it is READY and returns it', async () => {
    const { api, getPhoto } = fakeApi([null, null, ready]);
    const changes: Partial<UploadEntry>[] = [];

    const result = runUpload(api, 'e', entry, (c) => changes.push(c));
    await vi.advanceTimersByTimeAsync(3000);

    await expect(result).resolves.toEqual(ready);
    expect(getPhoto).toHaveBeenCalledTimes(3);
    expect(getPhoto).toHaveBeenCalledWith('e', 'p1', undefined);
    expect(changes.at(-1)).toEqual({ state: 'ready' });
  });

  it('keeps polling, more slowly, when the API is throttled or the network drops', async () => {
    const { api, getPhoto } = fakeApi([]);
    getPhoto
      .mockRejectedValueOnce(new ApiError(429, 'Too Many Requests', 3))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(ready);
    const changes: Partial<UploadEntry>[] = [];

    const result = runUpload(api, 'e', entry, (c) => changes.push(c));
    await vi.advanceTimersByTimeAsync(1000);
    expect(getPhoto).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2999);
    expect(getPhoto).toHaveBeenCalledTimes(1); // Retry-After: 3 s
    await vi.advanceTimersByTimeAsync(1);
    expect(getPhoto).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(6000);

    await expect(result).resolves.toEqual(ready);
    expect(changes.some((c) => c.state === 'failed')).toBe(false);
  });

  it('reports the rejection reason from the record', async () => {
    const { api } = fakeApi([{ ...ready, status: 'REJECTED', rejectionReason: 'not a image/png image' }]);
    const changes: Partial<UploadEntry>[] = [];

    const result = runUpload(api, 'e', entry, (c) => changes.push(c));
    await vi.advanceTimersByTimeAsync(1000);

    await expect(result).resolves.toBeNull();
    expect(changes.at(-1)).toMatchObject({ state: 'failed', error: 'rejected: not a image/png image' });
  });

  it('stops polling and reports nothing once the page is left', async () => {
    const { api, getPhoto } = fakeApi([null, null, null, null, ready]);
    const changes: Partial<UploadEntry>[] = [];
    const leaving = new AbortController();

    const result = runUpload(api, 'e', entry, (c) => changes.push(c), leaving.signal);
    await vi.advanceTimersByTimeAsync(2000);
    leaving.abort();
    await vi.advanceTimersByTimeAsync(10_000);

    await expect(result).resolves.toBeNull();
    expect(getPhoto).toHaveBeenCalledTimes(2);
    expect(changes.some((c) => c.state === 'failed')).toBe(false);
  });

  it('shows the server message when initiate-upload is refused', async () => {
    const { api } = fakeApi([]);
    (api.initiateUpload as ReturnType<typeof vi.fn>).mockRejectedValue(new Error('contentType: not supported'));
    const changes: Partial<UploadEntry>[] = [];

    await runUpload(api, 'e', entry, (c) => changes.push(c));

    expect(changes.at(-1)).toMatchObject({ state: 'failed', error: 'contentType: not supported' });
  });

  describe('in parts', () => {
    const big = { ...entry, file: new File(['0123456789'], 'big.jpg', { type: 'image/jpeg' }) };
    const multipart = { threshold: 8, partSize: 5 };
    const view: MultipartUpload = {
      photoId: 'p1',
      objectKey: 'uploads/event_e/p1.jpg',
      contentLength: 10,
      partSize: 5,
      partCount: 2,
      startedAt: '2026-11-22T10:00:00Z',
      completeBy: '2026-11-23T10:00:00Z',
      uploadedParts: [],
      partUrls: [],
    };

    it('uploads a file above the threshold in parts and remembers it until it is completed', async () => {
      vi.mocked(putToS3).mockClear();
      const { api } = fakeApi([ready]);
      vi.mocked(api.initiateUpload).mockResolvedValue({ ...initiated, uploadType: 'MULTIPART', multipart: view });
      const completeUpload = vi.fn(async () => ({ photoId: 'p1', status: 'PROCESSING' }));
      Object.assign(api, { completeUpload });
      const store = memoryResumeStore();
      const remembered: string[][] = [];
      vi.mocked(sendMissingParts).mockImplementationOnce(async () => {
        remembered.push((await store.forEvent('e')).map((u) => u.fileName));
        return [
          { partNumber: 1, etag: '"e1"' },
          { partNumber: 2, etag: '"e2"' },
        ];
      });
      const changes: Partial<UploadEntry>[] = [];

      const result = runUpload(api, 'e', big, (c) => changes.push(c), undefined, { multipart, store });
      await vi.advanceTimersByTimeAsync(1000);

      await expect(result).resolves.toEqual(ready);
      expect(partChecksums).toHaveBeenCalledWith(big.file, 5);
      expect(api.initiateUpload).toHaveBeenCalledWith(
        'e',
        expect.objectContaining({ partChecksums: ['c1', 'c2'] }),
        undefined,
      );
      expect(remembered).toEqual([['big.jpg']]);
      expect(completeUpload).toHaveBeenCalledWith(
        'e',
        'p1',
        [
          { partNumber: 1, etag: '"e1"' },
          { partNumber: 2, etag: '"e2"' },
        ],
        undefined,
      );
      expect(await store.forEvent('e')).toEqual([]);
      expect(changes).toContainEqual({ photoId: 'p1' });
      expect(putToS3).not.toHaveBeenCalled();
    });

    it('asks again to complete when the answer was lost, since completing twice is safe', async () => {
      const { api } = fakeApi([ready]);
      vi.mocked(api.initiateUpload).mockResolvedValue({ ...initiated, uploadType: 'MULTIPART', multipart: view });
      const completeUpload = vi
        .fn()
        .mockRejectedValueOnce(new TypeError('Failed to fetch'))
        .mockRejectedValueOnce(new ApiError(503, 'Service Unavailable', 2))
        .mockResolvedValue({ photoId: 'p1', status: 'PROCESSING' });
      Object.assign(api, { completeUpload });

      const result = runUpload(api, 'e', big, () => {}, undefined, { multipart });
      await vi.advanceTimersByTimeAsync(10_000);

      await expect(result).resolves.toEqual(ready);
      expect(completeUpload).toHaveBeenCalledTimes(3);
    });

    it('continues an upload that has a photo id from what S3 already holds', async () => {
      const { api } = fakeApi([ready]);
      const held = { ...view, uploadedParts: [{ partNumber: 1, size: 5, etag: '"e1"' }] };
      Object.assign(api, { getUpload: vi.fn(async () => held), completeUpload: vi.fn(async () => ({})) });

      const result = runUpload(api, 'e', { ...big, photoId: 'p1', progress: 0.5 }, () => {}, undefined, { multipart });
      await vi.advanceTimersByTimeAsync(1000);

      await expect(result).resolves.toEqual(ready);
      expect(api.initiateUpload).not.toHaveBeenCalled();
      expect(sendMissingParts).toHaveBeenLastCalledWith(api, 'e', big.file, held, expect.any(Function), {
        signal: undefined,
      });
    });

    it('says so, and forgets it, when the upload can no longer be resumed', async () => {
      const { api } = fakeApi([]);
      Object.assign(api, { getUpload: vi.fn(async () => null) });
      const store = memoryResumeStore();
      await store.save({
        photoId: 'p1',
        eventId: 'e',
        fileName: 'big.jpg',
        size: 10,
        contentType: 'image/jpeg',
        firstPartSha256: 'c1',
        partSize: 5,
        title: 'a',
        description: '',
      });
      const changes: Partial<UploadEntry>[] = [];

      await runUpload(api, 'e', { ...big, photoId: 'p1' }, (c) => changes.push(c), undefined, { multipart, store });

      expect(changes.at(-1)).toMatchObject({
        state: 'failed',
        error: expect.stringContaining('can no longer be resumed'),
      });
      expect(await store.forEvent('e')).toEqual([]);
    });
  });
});
