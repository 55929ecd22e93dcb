import type { GuestSession } from './api';

/**
 * A guest's session, kept in the browser (localStorage) per guest link: a guest who reopens the link, even days
 * later in the same browser, goes on as the same guest, with their own photos. Forgotten once it has expired.
 */
export const guestSessions = {
  load(code: string, storage: Storage = localStorage, now = Date.now()): GuestSession | null {
    try {
      const session = JSON.parse(storage.getItem(key(code)) ?? 'null') as GuestSession | null;
      if (session && typeof session.token === 'string' && Date.parse(session.expiresAt) > now) return session;
    } catch {
      // not ours, or from an older client: ask for the name again
    }
    storage.removeItem(key(code));
    return null;
  },
  save(code: string, session: GuestSession, storage: Storage = localStorage) {
    storage.setItem(key(code), JSON.stringify(session));
  },
  forget(code: string, storage: Storage = localStorage) {
    storage.removeItem(key(code));
  },
};

function key(code: string): string {
  return `event-photos.guest-session.${code}`;
}
