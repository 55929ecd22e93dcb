import { useState } from 'react';
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
  if (photos.length === 0) return null;
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
    <section aria-label="Review queue" className="review-queue">
      <h2>Waiting for your approval ({photos.length})</h2>
      <div className="review-actions">
        <label>
          <input
            type="checkbox"
            checked={allSelected}
            onChange={(e) => setSelected(new Set(e.target.checked ? photos.map((photo) => photo.photoId) : []))}
          />
          Select all
        </label>
        <button
          type="button"
          className="primary"
          disabled={busy || chosen.length === 0}
          onClick={() => void act(onApprove, chosen)}
        >
          Approve {chosen.length} selected
        </button>
        <button type="button" disabled={busy || chosen.length === 0} onClick={() => void act(onDelete, chosen)}>
          Delete {chosen.length} selected
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
              {photo.title}
            </label>
            {photo.uploaderName ? (
              <p className="hidden-note">
                by <bdi>{photo.uploaderName}</bdi>
              </p>
            ) : null}
            <div className="actions">
              <button
                type="button"
                disabled={busy}
                aria-label={`Approve ${photo.title}`}
                onClick={() => void act(onApprove, [photo])}
              >
                Approve
              </button>
              <button
                type="button"
                disabled={busy}
                aria-label={`Delete ${photo.title}`}
                onClick={() => void act(onDelete, [photo])}
              >
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
