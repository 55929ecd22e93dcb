import { useCallback, useEffect, useState } from 'react';
import type { Invite, PhotosApi, Wall } from '../api';

/**
 * For owners: walls for a projector or TV. Each is a URL that shows the event's photos full screen without anyone
 * signing in, and nothing else; revoke it after the event, or replace it if the URL went too far.
 */
export function WallPanel({ api, eventId }: { api: PhotosApi; eventId: string }) {
  const [walls, setWalls] = useState<Wall[]>([]);
  const [guestLinks, setGuestLinks] = useState<Invite[]>([]);
  const [shownLink, setShownLink] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    api.listWalls(eventId).then(
      (page) => setWalls(page.items),
      (e: Error) => setError(`could not list the walls: ${e.message}`),
    );
    // the wall shows the QR code of the guest link picked here, never one found by itself
    api.listInvites(eventId).then(
      (page) => setGuestLinks(page.items.filter((invite) => !invite.signInRequired && !invite.revoked)),
      () => setGuestLinks([]),
    );
  }, [api, eventId]);
  useEffect(load, [load]);

  const act = async (what: string, call: () => Promise<unknown>) => {
    try {
      await call();
      setError(null);
      load();
    } catch (e) {
      setError(`could not ${what}: ${(e as Error).message}`);
    }
  };

  return (
    <section aria-label="Wall for a projector" className="wall-panel">
      <h2>Wall for a projector</h2>
      <p className="muted">
        A full-screen slideshow of the event's photos, new ones first as they arrive. Open its URL on the projector's or
        TV's browser: no sign-in, and it can only show photos.
      </p>
      <label>
        Guest link shown as a QR code on the wall
        <select value={shownLink} onChange={(e) => setShownLink(e.target.value)} data-testid="wall-guest-link">
          <option value="">none</option>
          {guestLinks.map((link) => (
            <option key={link.code} value={link.code}>
              {link.requireReview ? 'photos reviewed' : 'photos shown at once'},{' '}
              {link.allowView ? 'guests see all' : 'upload only'} (…{link.code.slice(-6)})
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() => void act('create a wall', () => api.createWall(eventId, shownLink || undefined))}
      >
        Create wall URL
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <ul className="walls">
        {walls.map((wall, n) => (
          <li key={wall.wallId} data-testid="wall-item">
            <label>
              Wall URL {walls.length > 1 ? n + 1 : ''}
              <input readOnly value={wall.url} data-testid="wall-url" onFocus={(e) => e.target.select()} />
            </label>
            <a href={wall.url} target="_blank" rel="noreferrer">
              Open
            </a>
            <button
              type="button"
              onClick={() => void act('replace the wall URL', () => api.rotateWall(eventId, wall.wallId))}
            >
              New URL
            </button>
            <button
              type="button"
              onClick={() => void act('revoke the wall', () => api.revokeWall(eventId, wall.wallId))}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
