import { act, renderHook } from '@testing-library/react';
import {
  ApiError,
  type InitiatedUpload,
  type Photo,
  type PhotosApi,
  type UploadPolicy,
  type UploadRequest,
} from '../api';
import { memoryResumeStore } from './resumeStore';
import { useUploads } from './useUploads';

vi.mock('./upload', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./upload')>()),
  putToS3: vi.fn(async () => 'uploaded'),
}));

const policy: UploadPolicy = {
  contentTypes: [{ mimeType: 'image/jpeg', suffixes: ['.jpg'] }],
  maxContentLength: 50 * 1024 * 1024,
  renditionWidths: [320],
  multipart: { threshold: 8 * 1024 * 1024, partSize: 5 * 1024 * 1024 },
};

/**
 * The API's own limit as a guest meets it: a token bucket of 20 requests, refilled at 30 a minute, answering 429
 * with Retry-After when empty; each photo's record is READY as soon as asked for.
 */
function rateLimitedApi(now: () => number) {
  let tokens = 20;
  let refilledAt = now();
  const take = () => {
    tokens = Math.min(20, tokens + ((now() - refilledAt) / 60_000) * 30);
    refilledAt = now();
    if (tokens < 1) throw new ApiError(429, 'too many uploads started; try again in 2 s', 2);
    tokens -= 1;
  };
  const answer = (req: UploadRequest): InitiatedUpload => ({
    photoId: `id-${req.title}`,
    objectKey: `uploads/${req.title}`,
    uploadType: 'PUT',
    s3PutObjectUrl: 'http://s3/x',
    method: 'PUT',
    headers: {},
    expiresAt: new Date(now() + 5 * 60_000).toISOString(),
  });
  const api = {
    initiateUpload: vi.fn(async (_: string, req: UploadRequest) => {
      take();
      return answer(req);
    }),
    initiateUploads: vi.fn(async (_: string, reqs: UploadRequest[]) => {
      take();
      if (reqs.length > 50) throw new ApiError(400, 'photos: must hold 1 to 50 photos');
      return reqs.map(answer);
    }),
    getPhoto: vi.fn(async (eventId: string, photoId: string): Promise<Photo> => ({
      photoId,
      eventId,
      status: 'READY',
      createdAt: new Date(now()).toISOString(),
    })),
    abortUpload: vi.fn(),
  };
  return api;
}

describe('useUploads', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('uploads all 200 photos one guest picked at once, in batches, without a single failure for the rate limit', async () => {
    const api = rateLimitedApi(Date.now);
    const ready: Photo[] = [];
    const { result } = renderHook(() =>
      useUploads(api as unknown as PhotosApi, 'wedding', policy, (photo) => ready.push(photo), memoryResumeStore()),
    );
    const files = Array.from(
      { length: 200 },
      (_, i) => new File([new Uint8Array(3000)], `IMG_${i}.jpg`, { type: 'image/jpeg' }),
    );

    act(() => result.current.addFiles(files));
    act(() => result.current.entries.forEach(result.current.start));
    for (let i = 0; i < 600 && ready.length < 200; i++) {
      await act(() => vi.advanceTimersByTimeAsync(1000));
    }

    expect(ready).toHaveLength(200);
    expect(result.current.entries.filter((entry) => entry.state === 'failed')).toEqual([]);
    const requests = api.initiateUpload.mock.calls.length + api.initiateUploads.mock.calls.length;
    expect(requests).toBeLessThanOrEqual(20); // the burst the API allows: not one start had to wait
  });

  it('goes on with the uploads running when the upload policy arrives after they started (restored uploads)', async () => {
    const api = rateLimitedApi(Date.now);
    const ready: Photo[] = [];
    const { result, rerender } = renderHook(
      ({ current }) =>
        useUploads(api as unknown as PhotosApi, 'wedding', current, (photo) => ready.push(photo), memoryResumeStore()),
      { initialProps: { current: null as UploadPolicy | null } },
    );

    act(() => result.current.addFiles([new File([new Uint8Array(10)], 'IMG_1.jpg', { type: 'image/jpeg' })]));
    act(() => result.current.entries.forEach(result.current.start));
    rerender({ current: policy });
    for (let i = 0; i < 10 && ready.length < 1; i++) {
      await act(() => vi.advanceTimersByTimeAsync(1000));
    }

    expect(ready).toHaveLength(1);
  });
});
