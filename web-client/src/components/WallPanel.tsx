import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invite, PhotosApi, Wall } from '../api';
import { errorText } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

/**
 * For owners: walls for a projector or TV. Each is a URL that shows the event's photos full screen without anyone
 * signing in, and nothing else; revoke it after the event, or replace it if the URL went too far.
 */
export function WallPanel({ api, eventId }: { api: PhotosApi; eventId: string }) {
  const [walls, setWalls] = useState<Wall[]>([]);
  const [guestLinks, setGuestLinks] = useState<Invite[]>([]);
  const [shownLink, setShownLink] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation();

  const load = useCallback(() => {
    api.listWalls(eventId).then(
      (page) => setWalls(page.items),
      (e: unknown) => setError(t('wall.listFailed', { detail: errorText(t, e) })),
    );
    // the wall shows the QR code of the guest link picked here, never one found by itself
    api.listInvites(eventId).then(
      (page) => setGuestLinks(page.items.filter((invite) => !invite.signInRequired && !invite.revoked)),
      () => setGuestLinks([]),
    );
  }, [api, eventId, t]);
  useEffect(load, [load]);

  const act = async (what: 'create' | 'rotate' | 'revoke', call: () => Promise<unknown>) => {
    try {
      await call();
      setError(null);
      load();
    } catch (e) {
      setError(t(`wall.failed_${what}`, { detail: errorText(t, e) }));
    }
  };

  return (
    <section aria-label={t('wall.region')} className="wall-panel">
      <h2>{t('wall.title')}</h2>
      <p className="muted">{t('wall.text')}</p>
      <label>
        {t('wall.qrLink')}
        <select value={shownLink} onChange={(e) => setShownLink(e.target.value)} data-testid="wall-guest-link">
          <option value="">{t('wall.none')}</option>
          {guestLinks.map((link) => (
            <option key={link.code} value={link.code}>
              {link.requireReview ? t('wall.reviewed') : t('wall.atOnce')},{' '}
              {link.allowView ? t('wall.seeAll') : t('wall.uploadOnly')} (…{link.code.slice(-6)})
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void act('create', () => api.createWall(eventId, shownLink || undefined))}>
        {t('wall.create')}
      </button>
      <ErrorAlert message={error} />
      <ul className="walls">
        {walls.map((wall, n) => (
          <li key={wall.wallId} data-testid="wall-item">
            <label>
              {t('wall.url', { n: walls.length > 1 ? n + 1 : '' })}
              <input readOnly value={wall.url} data-testid="wall-url" onFocus={(e) => e.target.select()} />
            </label>
            <a href={wall.url} target="_blank" rel="noreferrer">
              {t('wall.open')}
            </a>
            <button type="button" onClick={() => void act('rotate', () => api.rotateWall(eventId, wall.wallId))}>
              {t('wall.rotate')}
            </button>
            <button type="button" onClick={() => void act('revoke', () => api.revokeWall(eventId, wall.wallId))}>
              {t('wall.revoke')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
