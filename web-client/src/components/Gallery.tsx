import type { Photo, Rendition } from '../api';
import type { LiveStatus } from '../live/liveEvents';

const LIVE_LABELS: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
  refused: 'Not live',
};

/** Grid cells are at most ~240 CSS px wide (two columns on a phone): the browser picks 320 or 640 from srcset. */
const GRID_SIZES = '(max-width: 600px) 50vw, 240px';

export function Gallery({
  photos,
  error,
  loading,
  hasMore,
  onLoadMore,
  canDelete = () => false,
  canHide = false,
  onDelete = () => {},
  onHide = () => {},
  heading = 'Photos',
  canDownloadOriginal = () => false,
  onDownloadOriginal = () => {},
  pendingNote = 'Waiting for the organiser',
  live = null,
}: {
  photos: Photo[];
  error: string | null;
  loading: boolean;
  hasMore: boolean;
  onLoadMore: () => void;
  /** Whether the user may delete this photo (the API checks again). */
  canDelete?: (photo: Photo) => boolean;
  canHide?: boolean;
  onDelete?: (photo: Photo) => void;
  /** Whether the user may have the photo's original (its uploader, owners; the API checks again). */
  canDownloadOriginal?: (photo: Photo) => boolean;
  onDownloadOriginal?: (photo: Photo) => void;
  onHide?: (photo: Photo, hidden: boolean) => void;
  heading?: string;
  /** Shown on a photo an owner has not approved yet. */
  pendingNote?: string;
  /** The live subscription's state; null: the gallery changes on reload only. */
  live?: LiveStatus | null;
}) {
  return (
    <section aria-label={heading} className="gallery-section">
      <h2>
        {heading}{' '}
        {live ? (
          <span className={`live-badge live-${live}`} role="status">
            {LIVE_LABELS[live]}
          </span>
        ) : null}
      </h2>
      {error ? (
        <p role="alert" className="error">
          Could not load the photos: {error}
        </p>
      ) : null}
      {!loading && !error && photos.length === 0 ? <p className="muted">No photos yet.</p> : null}
      <ul className="gallery">
        {photos.map((photo) => (
          <li key={photo.photoId} data-testid="gallery-item">
            <a href={photo.url} target="_blank" rel="noreferrer">
              <GridPicture photo={photo} />
            </a>
            <p className="title">{photo.title}</p>
            {photo.description ? <p className="description">{photo.description}</p> : null}
            {photo.hidden ? <p className="hidden-note">Hidden from guests</p> : null}
            {photo.reviewStatus === 'PENDING' ? <p className="hidden-note">{pendingNote}</p> : null}
            {photo.uploaderName ? (
              <p className="hidden-note">
                by <bdi>{photo.uploaderName}</bdi>
              </p>
            ) : null}
            {canHide || canDelete(photo) || canDownloadOriginal(photo) ? (
              <div className="actions">
                {canDownloadOriginal(photo) ? (
                  <button
                    type="button"
                    aria-label={`Download the original of ${photo.title}`}
                    onClick={() => onDownloadOriginal(photo)}
                  >
                    Download original
                  </button>
                ) : null}
                {canHide ? (
                  <button
                    type="button"
                    aria-label={`${photo.hidden ? 'Show' : 'Hide'} ${photo.title}`}
                    onClick={() => onHide(photo, !photo.hidden)}
                  >
                    {photo.hidden ? 'Show' : 'Hide'}
                  </button>
                ) : null}
                {canDelete(photo) ? (
                  <button type="button" aria-label={`Delete ${photo.title}`} onClick={() => onDelete(photo)}>
                    Delete
                  </button>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {hasMore ? (
        <button type="button" onClick={onLoadMore} disabled={loading}>
          {loading ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </section>
  );
}

/** WebP where the browser takes it (smaller), JPEG otherwise: the same renditions either way. */
export function GridPicture({ photo }: { photo: Photo }) {
  const candidates = gridRenditions(photo);
  if (candidates.length === 0) return <img src={photo.url} alt={photo.title} loading="lazy" />;
  return (
    <picture>
      <source type="image/webp" srcSet={srcSet(candidates, (r) => r.webpUrl)} sizes={GRID_SIZES} />
      <img
        src={candidates[0].url}
        srcSet={srcSet(candidates, (r) => r.url)}
        sizes={GRID_SIZES}
        width={candidates[0].width}
        height={candidates[0].height}
        alt={photo.title}
        loading="lazy"
      />
    </picture>
  );
}

/**
 * The grid shows the small renditions only (320 and 640 wide, by screen density); the link opens the largest.
 * Originals are never downloaded: the API does not even give their address.
 */
export function gridRenditions(photo: Photo): Rendition[] {
  const renditions = photo.renditions ?? [];
  const small = renditions.filter((r) => r.width <= 640);
  return small.length > 0 ? small : renditions.slice(0, 1);
}

function srcSet(renditions: Rendition[], url: (r: Rendition) => string): string {
  return renditions.map((r) => `${url(r)} ${r.width}w`).join(', ');
}
