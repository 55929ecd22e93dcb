import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { QRCodeSVG } from 'qrcode.react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n';
import { type Photo, PhotosApi, type WallPage as WallFrame } from '../api';
import { useLiveGallery } from '../live/useLiveGallery';
import { largestUrl, SlideOrder } from '../wall/slideOrder';
import { usePhotoPages } from './usePhotoPages';

/** How long each photo stays; a photo that arrives meanwhile cuts in. Tests shorten it (?interval=ms). */
const DEFAULT_INTERVAL_MS = 8000;
/** At most this many photos are held: the wall runs for hours, the listing must not grow with it. */
const MAX_PHOTOS = 200;

/** The wall's token, from the URL's fragment (browsers never send a fragment to a server). */
export function wallToken(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.length > 0 ? token : null;
}

/**
 * The wall: a full-screen slideshow for a projector or TV, signed in by a wall's token only (view-only, this event).
 * The newest photo first as it arrives, otherwise the event's photos in turn; each is loaded (the largest rendition)
 * before it fades in over the last; a corner QR code invites guests to add theirs.
 */
export function WallPage({ apiBaseUrl }: { apiBaseUrl: string }) {
  const { eventId = '' } = useParams();
  const token = useMemo(() => wallToken(window.location.hash), []);
  const api = useMemo(() => new PhotosApi(apiBaseUrl, () => token ?? undefined), [apiBaseUrl, token]);
  const { t } = useTranslation();
  if (!token) {
    return (
      <section className="wall wall-message" aria-label={t('wall.page')}>
        <p>{t('wall.needsUrl')}</p>
      </section>
    );
  }
  return <Wall api={api} eventId={eventId} />;
}

function Wall({ api, eventId }: { api: PhotosApi; eventId: string }) {
  const interval = Number(new URLSearchParams(window.location.search).get('interval')) || DEFAULT_INTERVAL_MS;
  const [frame, setFrame] = useState<WallFrame | null>(null);
  const [refused, setRefused] = useState<unknown>(null);
  const { t } = useTranslation();
  const gallery = usePhotoPages(api, eventId, { limit: 100, onError: (e) => setRefused(e) });
  const { photos, setPhotos } = gallery;
  useLiveGallery(api, eventId, gallery);

  useEffect(() => {
    api.wallPage(eventId).then(setFrame, (e: unknown) => setRefused(e));
  }, [api, eventId]);

  // hours of arrivals: keep the newest only
  useEffect(() => {
    if (photos.length > MAX_PHOTOS) setPhotos((current) => current.slice(0, MAX_PHOTOS));
  }, [photos, setPhotos]);

  const order = useRef(new SlideOrder());
  const [layers, setLayers] = useState<[Photo | null, Photo | null]>([null, null]);
  const [front, setFront] = useState(0);
  const frontRef = useRef(0);
  const shown = layers[front];
  const latest = useRef({ photos, shown });
  latest.current = { photos, shown };
  const busy = useRef(false);

  /** Loads the next photo's largest rendition, then fades it in on the other layer. */
  const advance = useCallback(async () => {
    if (busy.current) return;
    const next = order.current.next(latest.current.photos, latest.current.shown?.photoId ?? null);
    if (!next || next.photoId === latest.current.shown?.photoId) return;
    busy.current = true;
    try {
      const image = new Image();
      image.src = largestUrl(next);
      await image.decode();
      const back = 1 - frontRef.current;
      frontRef.current = back;
      setLayers((now) => (back === 0 ? [next, now[1]] : [now[0], next]));
      setFront(back);
    } catch {
      // not loadable (deleted meanwhile): the next turn shows another
    } finally {
      busy.current = false;
    }
  }, []);

  useEffect(() => {
    order.current.sync(photos);
    const gone = shown && !photos.some((p) => p.photoId === shown.photoId);
    if (gone && photos.length === 0)
      setLayers([null, null]); // the last photo was deleted: nothing to show
    else if (order.current.hasArrivals() || gone || !shown) void advance();
  }, [photos, shown, advance]);

  useEffect(() => {
    const timer = setInterval(() => void advance(), interval);
    return () => clearInterval(timer);
  }, [advance, interval]);

  if (refused) {
    return (
      <section className="wall wall-message" aria-label={t('wall.page')}>
        <p role="alert">{t('wall.refused', { detail: errorText(t, refused) })}</p>
      </section>
    );
  }
  return (
    <section className="wall" aria-label={frame ? t('wall.pageOf', { name: frame.eventName }) : t('wall.page')}>
      {layers.map((photo, i) =>
        photo ? (
          <img
            key={i}
            className={`wall-layer${i === front ? ' wall-front' : ''}`}
            src={largestUrl(photo)}
            alt={photo.title}
            data-photo-id={photo.photoId}
            data-testid={i === front ? 'wall-photo' : undefined}
          />
        ) : null,
      )}
      {shown ? (
        <p className="wall-caption">
          <bdi>{shown.title}</bdi>
          {shown.uploaderName ? (
            <>
              {' '}
              · <bdi>{shown.uploaderName}</bdi>
            </>
          ) : null}
        </p>
      ) : (
        <p className="wall-caption">{frame ? t('wall.noPhotos', { name: frame.eventName }) : ''}</p>
      )}
      {frame?.guestLink ? (
        <figure className="wall-qr">
          <QRCodeSVG value={frame.guestLink} level="M" size={160} marginSize={2} />
          <figcaption>{t('wall.addYours')}</figcaption>
        </figure>
      ) : null}
    </section>
  );
}
