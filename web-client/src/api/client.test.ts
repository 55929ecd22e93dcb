import { PhotosApi } from './client';

describe('PhotosApi', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('renews the token once and retries when the API answers 401', async () => {
    const seen: (string | null)[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        const authorization = new Headers(init.headers).get('Authorization');
        seen.push(authorization);
        return authorization === 'Bearer fresh'
          ? new Response('{"contentTypes":[],"maxContentLength":1,"renditionWidths":[]}', { status: 200 })
          : new Response('{"status":401,"message":"expired"}', { status: 401 });
      }),
    );
    const api = new PhotosApi(
      'http://api',
      () => 'stale',
      async () => 'fresh',
    );

    await expect(api.uploadPolicy()).resolves.toMatchObject({ maxContentLength: 1 });
    expect(seen).toEqual(['Bearer stale', 'Bearer fresh']);
  });

  it('renews once for several calls refused at the same time', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) =>
        new Headers(init.headers).get('Authorization') === 'Bearer fresh'
          ? new Response('{"contentTypes":[],"maxContentLength":1,"renditionWidths":[]}', { status: 200 })
          : new Response('{"status":401,"message":"expired"}', { status: 401 }),
      ),
    );
    const renew = vi.fn(async () => 'fresh');
    const api = new PhotosApi('http://api', () => 'stale', renew);

    await Promise.all([api.uploadPolicy(), api.uploadPolicy(), api.uploadPolicy()]);

    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('shows the server message when renewal does not help', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{"status":401,"message":"a valid bearer token is required"}', { status: 401 })),
    );
    const api = new PhotosApi(
      'http://api',
      () => 'stale',
      async () => undefined,
    );

    await expect(api.uploadPolicy()).rejects.toThrow('a valid bearer token is required');
  });

  it("reads the error's stable code, and takes a write of the same photo still in progress as worth retrying", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            '{"status":409,"code":"UPLOAD_CONFLICT","error":"Conflict","message":"another write to this photo is in progress"}',
            { status: 409 },
          ),
      ),
    );
    const api = new PhotosApi('http://api', () => 't');

    const failure = await api.uploadPolicy().catch((e: unknown) => e);

    expect(failure).toMatchObject({ status: 409, code: 'UPLOAD_CONFLICT', isTransient: true });
  });
});
