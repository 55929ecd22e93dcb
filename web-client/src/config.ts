/** Where the API and the OIDC provider are. Build-time defaults (Vite env) are the local run command's;
 * a /config.json served next to the app (the local stack writes one) overrides them at run time. */
export interface AppConfig {
  apiBaseUrl: string;
  oidcAuthority: string;
  oidcClientId: string;
}

export const buildTimeConfig: AppConfig = {
  apiBaseUrl: import.meta.env.VITE_API_BASE_URL ?? 'http://127.0.0.1:8080',
  oidcAuthority: import.meta.env.VITE_OIDC_AUTHORITY ?? 'http://127.0.0.1:8180/realms/event-photos',
  oidcClientId: import.meta.env.VITE_OIDC_CLIENT_ID ?? 'event-photos-web',
};

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<AppConfig> {
  try {
    const response = await fetchImpl('/config.json', { cache: 'no-store' });
    if (!response.ok) return buildTimeConfig;
    return { ...buildTimeConfig, ...(await response.json()) };
  } catch {
    return buildTimeConfig;
  }
}
