import { buildTimeConfig, loadConfig } from './config';

describe('loadConfig', () => {
  it('lets /config.json override the build-time defaults', async () => {
    const fetchStub = vi.fn().mockResolvedValue(new Response(JSON.stringify({ apiBaseUrl: 'http://127.0.0.1:9999' })));
    const config = await loadConfig(fetchStub as unknown as typeof fetch);
    expect(config.apiBaseUrl).toBe('http://127.0.0.1:9999');
    expect(config.oidcClientId).toBe(buildTimeConfig.oidcClientId);
  });

  it('falls back to the build-time defaults without /config.json', async () => {
    const fetchStub = vi.fn().mockResolvedValue(new Response('', { status: 404 }));
    expect(await loadConfig(fetchStub as unknown as typeof fetch)).toEqual(buildTimeConfig);
  });
});
