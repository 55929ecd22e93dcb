import type { Photo } from '../api';

export function Gallery({ photos, error, loading, hasMore, onLoadMore }: {
  photos: Photo[];
  error: string | null;
  loading: boolean;
  hasMore: boolean;
  onLoadMore: () => void;
}) {
  return (
    <section aria-label="Gallery" className="gallery-section">
      <h2>Photos</h2>
      {error ? <p role="alert" className="error">Could not load the photos: {error}</p> : null}
      {!loading && !error && photos.length === 0 ? <p className="muted">No photos yet.</p> : null}
      <ul className="gallery">
        {photos.map((photo) => (
          <li key={photo.photoId} data-testid="gallery-item">
            <a href={photo.url} target="_blank" rel="noreferrer">
              <img src={photo.url} alt={photo.title} loading="lazy" />
            </a>
            <p className="title">{photo.title}</p>
            {photo.description ? <p className="description">{photo.description}</p> : null}
          </li>
        ))}
      </ul>
      {hasMore ? (
        <button type="button" onClick={onLoadMore} disabled={loading}>{loading ? 'Loading…' : 'Load more'}</button>
      ) : null}
    </section>
  );
}
