import type { MouseEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import * as Menu from '@radix-ui/react-dropdown-menu';
import type { Photo, Rendition } from '../api';
import type { LiveStatus } from '../live/liveEvents';
import { ErrorAlert } from './ErrorAlert';

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
  heading,
  canDownloadOriginal = () => false,
  onDownloadOriginal = () => {},
  pendingNote,
  live = null,
  viewerBase,
  onOpen,
}: {
  photos: Photo[];
  /** Already in the page's language. */
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
  /** Where the viewer's URLs start (`/events/{id}/photos`): a photo links to `{viewerBase}/{photoId}`. */
  viewerBase?: string;
  /** Opens the viewer on this photo (in the page, without a reload); without it a photo links to its largest rendition. */
  onOpen?: (photo: Photo) => void;
}) {
  const { t } = useTranslation();
  const title = heading ?? t('gallery.photos');
  const open = (photo: Photo) => (e: MouseEvent) => {
    if (!onOpen || e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
    e.preventDefault();
    onOpen(photo);
  };
  return (
    <section aria-label={title} className="gallery-section">
      <h2>
        {title}{' '}
        {live ? (
          <span className={`live-badge live-${live}`} role="status">
            {t(`gallery.live_${live}`)}
          </span>
        ) : null}
      </h2>
      <ErrorAlert message={error} />
      {!loading && !error && photos.length === 0 ? <p className="muted">{t('gallery.empty')}</p> : null}
      <ul className="gallery">
        {photos.map((photo) => (
          <li key={photo.photoId} data-testid="gallery-item">
            <a
              href={viewerBase && onOpen ? `${viewerBase}/${encodeURIComponent(photo.photoId)}` : photo.url}
              target={onOpen ? undefined : '_blank'}
              rel={onOpen ? undefined : 'noreferrer'}
              onClick={open(photo)}
              className="photo-link"
            >
              <GridPicture photo={photo} />
            </a>
            <div className="caption">
              <div className="caption-text">
                <p className="title">
                  <bdi>{photo.title}</bdi>
                </p>
                {photo.description ? <p className="description">{photo.description}</p> : null}
                {photo.hidden ? <p className="hidden-note">{t('gallery.hidden')}</p> : null}
                {photo.reviewStatus === 'PENDING' ? (
                  <p className="hidden-note">{pendingNote ?? t('gallery.pending')}</p>
                ) : null}
                {photo.uploaderName ? (
                  <p className="hidden-note">
                    <Trans i18nKey="gallery.by" values={{ name: photo.uploaderName }} components={{ name: <bdi /> }} />
                  </p>
                ) : null}
              </div>
              <PhotoActions
                photo={photo}
                canDownloadOriginal={canDownloadOriginal(photo)}
                canHide={canHide}
                canDelete={canDelete(photo)}
                onDownloadOriginal={onDownloadOriginal}
                onHide={onHide}
                onDelete={onDelete}
              />
            </div>
          </li>
        ))}
      </ul>
      {hasMore ? (
        <button type="button" onClick={onLoadMore} disabled={loading}>
          {loading ? t('gallery.loading') : t('gallery.loadMore')}
        </button>
      ) : null}
    </section>
  );
}

/**
 * A photo's actions behind one "⋯" button (an accessible menu: arrow keys, Esc, focus back to the button), so
 * nothing overflows a narrow card. Each item's name is its visible text; the button names the photo.
 */
export function PhotoActions({
  photo,
  canDownloadOriginal,
  canHide,
  canDelete,
  onDownloadOriginal,
  onHide,
  onDelete,
  container,
}: {
  photo: Photo;
  canDownloadOriginal: boolean;
  canHide: boolean;
  canDelete: boolean;
  onDownloadOriginal: (photo: Photo) => void;
  onHide: (photo: Photo, hidden: boolean) => void;
  onDelete: (photo: Photo) => void;
  /** Where the open menu is put (inside the viewer, which holds the focus); the body otherwise. */
  container?: HTMLElement | null;
}) {
  const { t } = useTranslation();
  if (!canDownloadOriginal && !canHide && !canDelete) return null;
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger className="actions-trigger" aria-label={t('gallery.actionsFor', { title: photo.title })}>
        <span aria-hidden="true">⋯</span>
      </Menu.Trigger>
      <Menu.Portal container={container ?? undefined}>
        <Menu.Content className="actions-menu" align="end" sideOffset={4} collisionPadding={8}>
          {canDownloadOriginal ? (
            <Menu.Item className="actions-item" onSelect={() => onDownloadOriginal(photo)}>
              {t('gallery.downloadOriginal')}
            </Menu.Item>
          ) : null}
          {canHide ? (
            <Menu.Item className="actions-item" onSelect={() => onHide(photo, !photo.hidden)}>
              {photo.hidden ? t('gallery.show') : t('gallery.hide')}
            </Menu.Item>
          ) : null}
          {canDelete ? (
            <Menu.Item className="actions-item danger" onSelect={() => onDelete(photo)}>
              {t('gallery.delete')}
            </Menu.Item>
          ) : null}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
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
