import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { AppConfig } from './config';

/** OIDC Authorization Code + PKCE (oidc-client-ts); tokens live in session storage only and renew silently. */
export function createUserManager(config: AppConfig): UserManager {
  const origin = window.location.origin;
  return new UserManager({
    authority: config.oidcAuthority,
    client_id: config.oidcClientId,
    redirect_uri: `${origin}/`,
    post_logout_redirect_uri: `${origin}/`,
    response_type: 'code',
    scope: 'openid profile email',
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    // renews with the refresh token shortly before the access token expires (no iframe, no redirect)
    automaticSilentRenew: true,
  });
}

/** Completes a sign-in when the provider redirected back with ?code=...; returns the path to go back to. */
export async function completeSignInIfRedirected(
  manager: UserManager,
): Promise<{ user: User | null; returnTo?: string }> {
  const params = new URLSearchParams(window.location.search);
  if (params.has('code') && params.has('state')) {
    const user = await manager.signinRedirectCallback();
    const returnTo = (user.state as { returnTo?: string } | undefined)?.returnTo;
    window.history.replaceState({}, document.title, returnTo ?? '/');
    return { user, returnTo };
  }
  const user = await manager.getUser();
  return { user: user && !user.expired ? user : null };
}
