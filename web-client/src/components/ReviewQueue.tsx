import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Photo } from '../api';
import { GridPicture } from './Gallery';

/**
 * For owners: guests' photos waiting for approval (only owners and each photo's guest see them). Approve or delete
 * one, or several at once; rejecting is deleting.
 */
export function ReviewQueue({
  photos,
  onApprove,
  onDelete,
}: {
  photos: Photo[];
  onApprove: (photos: Photo[]) => Promise<void>;
  onDelete: (photos: Photo[]) => Promise<void>;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation();
  if (photos.length === 0)
    return (
      <section aria-label={t('review.region')} className="review-queue">
        <p className="muted">{t('review.empty')}</p>
      </section>
    );
  const chosen = photos.filter((photo) => selected.has(photo.photoId));
  const toggle = (photo: Photo, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(photo.photoId);
      else next.delete(photo.photoId);
      return next;
    });
  const act = async (action: (photos: Photo[]) => Promise<void>, which: Photo[]) => {
    setBusy(true);
    try {
      await action(which);
      setSelected((current) => new Set([...current].filter((id) => !which.some((photo) => photo.photoId === id))));
    } finally {
      setBusy(false);
    }
  };
  const allSelected = chosen.length === photos.length;
  return (
    <section aria-label={t('review.region')} className="review-queue">
      <h2>{t('review.title', { count: photos.length })}</h2>
      <div className="review-actions">
        <label>
          <input
            type="checkbox"
            checked={allSelected}
            onChange={(e) => setSelected(new Set(e.target.checked ? photos.map((photo) => photo.photoId) : []))}
          />
          {t('review.selectAll')}
        </label>
        <button
          type="button"
          className="primary"
          disabled={busy || chosen.length === 0}
          onClick={() => void act(onApprove, chosen)}
        >
          {t('review.approveSelected', { count: chosen.length })}
        </button>
        <button type="button" disabled={busy || chosen.length === 0} onClick={() => void act(onDelete, chosen)}>
          {t('review.deleteSelected', { count: chosen.length })}
        </button>
      </div>
      <ul className="gallery">
        {photos.map((photo) => (
          <li key={photo.photoId} data-testid="review-item">
            <GridPicture photo={photo} />
            <label className="title">
              <input
                type="checkbox"
                checked={selected.has(photo.photoId)}
                onChange={(e) => toggle(photo, e.target.checked)}
              />
              <bdi>{photo.title}</bdi>
            </label>
            {photo.uploaderName ? (
              <p className="hidden-note">
                <Trans i18nKey="gallery.by" values={{ name: photo.uploaderName }} components={{ name: <bdi /> }} />
              </p>
            ) : null}
            <div className="actions">
              <button
                type="button"
                disabled={busy}
                aria-label={t('review.approveNamed', { title: photo.title })}
                onClick={() => void act(onApprove, [photo])}
              >
                {t('review.approve')}
              </button>
              <button
                type="button"
                disabled={busy}
                aria-label={t('review.deleteNamed', { title: photo.title })}
                onClick={() => void act(onDelete, [photo])}
              >
                {t('review.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
