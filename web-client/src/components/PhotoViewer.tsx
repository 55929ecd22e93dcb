import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import PhotoSwipe, { type SlideData } from 'photoswipe';
import 'photoswipe/style.css';
import type { Photo } from '../api';
import { PhotoActions } from './Gallery';

/** The viewer's slides: the 1920 rendition (or the largest there is), the smaller ones in srcset for small screens. */
export function slideOf(photo: Photo): SlideData {
  const renditions = [...(photo.renditions ?? [])].sort((a, b) => a.width - b.width);
  const large = renditions.filter((r) => r.width <= 1920).at(-1) ?? renditions.at(-1);
  if (!large) return { src: photo.url, alt: photo.title, width: 1600, height: 1200 };
  return {
    src: large.url,
    srcset: renditions.map((r) => `${r.url} ${r.width}w`).join(', '),
    width: large.width,
    height: large.height,
    alt: photo.title,
  };
}

export type ViewerActions = {
  canDownloadOriginal: (photo: Photo) => boolean;
  canHide: boolean;
  canDelete: (photo: Photo) => boolean;
  onDownloadOriginal: (photo: Photo) => void;
  onHide: (photo: Photo, hidden: boolean) => void;
  onDelete: (photo: Photo) => void;
};

/**
 * Full screen, one photo at a time (PhotoSwipe 5): swipe or arrow keys to the next, pinch or double-tap to zoom,
 * Esc to close. The page owns the URL: {@code onShow} is told of each photo shown, {@code onClose} when it closes.
 * Loaded only when a photo is opened (a dynamic import), so a page that never opens one never downloads it.
 */
export default function PhotoViewer({
  photos,
  photoId,
  onShow,
  onClose,
  actions,
}: {
  photos: Photo[];
  photoId: string;
  onShow: (photo: Photo) => void;
  onClose: () => void;
  actions?: ViewerActions;
}) {
  const { t } = useTranslation();
  const viewer = useRef<PhotoSwipe | null>(null);
  const [bar, setBar] = useState<HTMLElement | null>(null);
  const [shown, setShown] = useState<Photo | null>(null);
  const latest = useRef({ photos, onShow, onClose });
  latest.current = { photos, onShow, onClose };

  // one PhotoSwipe while the viewer is open; the photo shown follows the URL
  useEffect(() => {
    const index = latest.current.photos.findIndex((p) => p.photoId === photoId);
    if (viewer.current) {
      if (index >= 0 && viewer.current.currIndex !== index) viewer.current.goTo(index);
      return;
    }
    if (index < 0) return;
    const pswp = new PhotoSwipe({
      dataSource: latest.current.photos.map(slideOf),
      index,
      showHideAnimationType: 'fade',
      bgOpacity: 1,
      loop: false,
      closeTitle: t('viewer.close'),
      zoomTitle: t('viewer.zoom'),
      arrowPrevTitle: t('viewer.previous'),
      arrowNextTitle: t('viewer.next'),
      errorMsg: t('viewer.notFound'),
      indexIndicatorSep: ' / ',
    });
    pswp.on('uiRegister', () => {
      pswp.ui?.registerElement({
        name: 'photo-actions',
        order: 9,
        isButton: false,
        appendTo: 'bar',
        onInit: (element) => setBar(element),
      });
    });
    pswp.on('change', () => {
      const photo = latest.current.photos[pswp.currIndex];
      if (photo) {
        setShown(photo);
        latest.current.onShow(photo);
      }
    });
    pswp.on('destroy', () => {
      viewer.current = null;
      setBar(null);
      latest.current.onClose();
    });
    viewer.current = pswp;
    setShown(latest.current.photos[index]);
    pswp.init();
    // a dialog is named: screen readers say what opened
    pswp.element?.setAttribute('aria-label', t('viewer.label'));
  }, [photoId, t]);

  // photos added or removed meanwhile (a delete from the viewer, a live arrival): the slides follow
  useEffect(() => {
    const pswp = viewer.current;
    if (!pswp || !pswp.options) return;
    pswp.options.dataSource = photos.map(slideOf);
    if (photos.length === 0) {
      pswp.close();
      return;
    }
    const index = photos.findIndex((p) => p.photoId === shown?.photoId);
    if (index < 0) pswp.goTo(Math.min(pswp.currIndex, photos.length - 1));
    pswp.refreshSlideContent(pswp.currIndex);
  }, [photos, shown]);

  // leaving the page (Back) closes it without telling the page, which has moved on already
  useEffect(
    () => () => {
      const pswp = viewer.current;
      if (pswp) {
        viewer.current = null;
        latest.current.onClose = () => {};
        // at once, even mid-way through opening (close() would wait for the animation, or do nothing)
        pswp.isDestroying = true;
        pswp.destroy();
      }
    },
    [],
  );

  // the record as it is now (hidden or shown since it was opened)
  const current = photos.find((p) => p.photoId === shown?.photoId) ?? shown;
  if (!bar || !current || !actions) return null;
  return createPortal(
    <PhotoActions
      photo={current}
      canDownloadOriginal={actions.canDownloadOriginal(current)}
      canHide={actions.canHide}
      canDelete={actions.canDelete(current)}
      onDownloadOriginal={actions.onDownloadOriginal}
      onHide={actions.onHide}
      onDelete={actions.onDelete}
      container={viewer.current?.element}
    />,
    bar,
  );
}
