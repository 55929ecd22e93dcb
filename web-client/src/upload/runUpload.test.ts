import { runUpload } from './runUpload';
import { ApiError, type InitiatedUpload, type Photo, type PhotosApi } from '../api';
import type { UploadEntry } from './uploadEntry';

vi.mock('./upload', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./upload')>()),
  putToS3: vi.fn(async () => undefined),
}));

const initiated: InitiatedUpload = {
  photoId: 'p1', objectKey: 'uploads/event_e/p1.png', s3PutObjectUrl: 'http://s3/x', method: 'PUT',
  headers: { 'Content-Type': 'image/png' }, expiresAt: '2026-11-22T10:05:00Z',
};
const entry: UploadEntry = {
  id: 'u1', file: new File(['abc'], 'a.png', { type: 'image/png' }), title: 'a', description: '',
  state: 'pending', progress: 0,
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
    expect(changes.at(-1)).toEqual({ state: 'failed', error: 'rejected: not a image/png image' });
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

    expect(changes.at(-1)).toEqual({ state: 'failed', error: 'contentType: not supported' });
  });
});
