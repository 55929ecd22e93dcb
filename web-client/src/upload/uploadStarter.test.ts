import { ApiError, type InitiatedUpload, type PhotosApi, type UploadRequest } from '../api';
import { createUploadStarter, FIRST_BATCH_BYTES, MAX_BATCH, type Upcoming } from './uploadStarter';

const MB = 1024 * 1024;
const T0 = Date.parse('2026-12-02T10:00:00Z');

function request(title: string, contentLength = MB): UploadRequest {
  return { title, description: '', contentType: 'image/jpeg', contentLength };
}

function answer(req: UploadRequest, expiresAt = new Date(T0 + 5 * 60_000).toISOString()): InitiatedUpload {
  return {
    photoId: `id-${req.title}`,
    objectKey: `uploads/${req.title}`,
    uploadType: 'PUT',
    s3PutObjectUrl: `http://s3/${req.title}`,
    method: 'PUT',
    headers: {},
    expiresAt,
  };
}

function fakeApi() {
  return {
    initiateUpload: vi.fn(async (_: string, req: UploadRequest) => answer(req)),
    initiateUploads: vi.fn(async (_: string, reqs: UploadRequest[]) => reqs.map((req) => answer(req))),
  };
}

/** n photos waiting in line, photo-0 first. */
function line(n: number, bytes = MB): Upcoming[] {
  return Array.from({ length: n }, (_, i) => ({ id: `u${i}`, request: request(`photo-${i}`, bytes) }));
}

describe('createUploadStarter', () => {
  let clock = T0;
  beforeEach(() => {
    clock = T0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());
  const now = () => clock;

  it('starts the upload and those waiting behind it in one request, and hands the others their answers later', async () => {
    const api = fakeApi();
    const waiting = line(5);
    const starter = createUploadStarter(api as unknown as PhotosApi, 'e', { upcoming: () => waiting, now });

    const first = await starter.start('u0', waiting[0].request);
    const later = await Promise.all(waiting.slice(1).map((item) => starter.start(item.id, item.request)));

    expect(first.photoId).toBe('id-photo-0');
    expect(later.map((upload) => upload.photoId)).toEqual(['id-photo-1', 'id-photo-2', 'id-photo-3', 'id-photo-4']);
    expect(api.initiateUploads).toHaveBeenCalledTimes(1);
    expect(api.initiateUploads.mock.calls[0][1]).toHaveLength(5);
    expect(api.initiateUpload).not.toHaveBeenCalled();
  });

  it('starts 200 photos in batches of at most 50 once the connection is known to be fast', async () => {
    const api = fakeApi();
    const waiting = line(200);
    const starter = createUploadStarter(api as unknown as PhotosApi, 'e', {
      upcoming: () => waiting.slice(started),
      now,
    });
    let started = 0;
    starter.sent(1); // a first upload went out ...
    clock += 1000;
    starter.sent(100 * MB); // ... and 100 MB a second after it: batches are bounded by count, not bytes

    for (const item of waiting) {
      await starter.start(item.id, item.request);
      started++;
    }

    expect(api.initiateUploads.mock.calls.map((call) => call[1].length)).toEqual([
      MAX_BATCH,
      MAX_BATCH,
      MAX_BATCH,
      MAX_BATCH,
    ]);
  });

  it('starts no more bytes ahead than a first batch holds before any speed is known', async () => {
    const api = fakeApi();
    const waiting = line(20, 5 * MB);
    const starter = createUploadStarter(api as unknown as PhotosApi, 'e', { upcoming: () => waiting, now });

    await starter.start('u0', waiting[0].request);

    expect(api.initiateUploads.mock.calls[0][1]).toHaveLength(Math.floor(FIRST_BATCH_BYTES / (5 * MB)));
  });

  it('waits out every 429 for its Retry-After and then starts the photos: a limit never fails a file', async () => {
    const api = fakeApi();
    const throttled = new ApiError(429, 'too many uploads started; try again in 2 s', 2);
    api.initiateUploads
      .mockRejectedValueOnce(throttled)
      .mockRejectedValueOnce(throttled)
      .mockRejectedValueOnce(throttled);
    const waiting = line(3);
    const starter = createUploadStarter(api as unknown as PhotosApi, 'e', { upcoming: () => waiting, now });

    const first = starter.start('u0', waiting[0].request);
    await vi.advanceTimersByTimeAsync(1999);
    expect(api.initiateUploads).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2 * 2000 + 1);

    await expect(first).resolves.toMatchObject({ photoId: 'id-photo-0' });
    expect(api.initiateUploads).toHaveBeenCalledTimes(4);
  });

  it('starts an upload again when its turn came after the URL started ahead for it had nearly expired', async () => {
    const api = fakeApi();
    const waiting = line(2);
    const starter = createUploadStarter(api as unknown as PhotosApi, 'e', { upcoming: () => waiting.slice(1), now });
    await starter.start('u0', waiting[0].request);

    clock += 4.5 * 60_000; // the second URL has 30 s left: too little to begin a PUT with
    const second = await starter.start('u1', waiting[1].request);

    expect(second.photoId).toBe('id-photo-1');
    expect(api.initiateUploads).toHaveBeenCalledTimes(1);
    expect(api.initiateUpload).toHaveBeenCalledWith('e', waiting[1].request, undefined);
  });

  it('starts each photo alone when the API refuses the batch, so only the photo it refuses fails', async () => {
    const api = fakeApi();
    api.initiateUploads.mockRejectedValueOnce(new ApiError(409, 'these 3 photos would exceed your quota of 500 files'));
    api.initiateUpload.mockImplementation(async (_: string, req: UploadRequest) => {
      if (req.title === 'photo-2') throw new ApiError(409, 'this photo would exceed your quota of 500 files');
      return answer(req);
    });
    const waiting = line(3);
    const starter = createUploadStarter(api as unknown as PhotosApi, 'e', { upcoming: () => waiting, now });

    const results = await Promise.allSettled(waiting.map((item) => starter.start(item.id, item.request)));

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((results[2] as PromiseRejectedResult).reason.message).toContain('quota');
  });

  it('starts an upload in parts alone, with its part checksums', async () => {
    const api = fakeApi();
    const big = { ...request('panorama', 20 * MB), partChecksums: ['c1', 'c2'] };
    const starter = createUploadStarter(api as unknown as PhotosApi, 'e', { upcoming: () => line(3), now });

    await starter.start('big', big);

    expect(api.initiateUpload).toHaveBeenCalledWith('e', big, undefined);
    expect(api.initiateUploads).not.toHaveBeenCalled();
  });

  it('gives up on a start the server keeps failing, after a few tries', async () => {
    const api = fakeApi();
    api.initiateUpload.mockRejectedValue(new ApiError(503, 'a service this API depends on did not answer', 2));
    const starter = createUploadStarter(api as unknown as PhotosApi, 'e', { now });

    const started = starter.start('u0', request('photo-0'));
    started.catch(() => undefined);
    await vi.advanceTimersByTimeAsync(60_000);

    await expect(started).rejects.toThrow('did not answer');
    expect(api.initiateUpload).toHaveBeenCalledTimes(5);
  });
});
