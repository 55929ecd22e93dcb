import { useEffect, useRef, useState } from 'react';
import type { ExportEvent, Photo, PhotoEvent, PhotosApi } from '../api';
import { subscribe, type LiveStatus } from './liveEvents';

/** What the live gallery changes: the listing's photos (usePhotoPages). */
export interface LiveTarget {
  photos: Photo[];
  add: (photos: Photo[]) => void;
  setPhotos: (update: (current: Photo[]) => Photo[]) => void;
}

const CATCH_UP_PAGE = 50;
const CATCH_UP_PAGES = 10;

/**
 * Keeps a gallery current while it is open: photos that become visible appear, deleted or hidden ones go, without
 * a reload. After a reconnection it lists the newest photos until it reaches one it has, so nothing sent while it
 * was away is missed, and nothing is shown twice (one entry per photoId).
 *
 * @param seesHidden an owner's gallery keeps a hidden photo (marked), so a removal is checked with the API
 * @return the subscription's state, or null where the deployment has no live endpoint
 */
export function useLiveGallery(
  api: PhotosApi,
  eventId: string,
  target: LiveTarget,
  {
    enabled = true,
    seesHidden = false,
    webSocket,
    onExportFinished,
  }: {
    enabled?: boolean;
    seesHidden?: boolean;
    webSocket?: typeof WebSocket;
    /** An export of the event finished (READY or FAILED): the channel names it, the API has the rest. */
    onExportFinished?: (exportId: string) => void;
  } = {},
): LiveStatus | null {
  const [status, setStatus] = useState<LiveStatus | null>(null);
  const latest = useRef(target);
  latest.current = target;
  const exportFinished = useRef(onExportFinished);
  exportFinished.current = onExportFinished;

  useEffect(() => {
    if (!enabled) return undefined;
    let subscription: { close(): void } | null = null;
    let cancelled = false;

    // The channel names the photo only: it is fetched with this viewer's own token, so a subscription that
    // outlived its access (a revoked link or wall, a removed member) learns nothing from the channel.
    const visible = async (photoId: string) => {
      const photo = await api.getPhoto(eventId, photoId).catch(() => null);
      if (photo && photo.status === 'READY') latest.current.add([photo]);
    };

    const removed = async (photoId: string) => {
      const photo = seesHidden ? await api.getPhoto(eventId, photoId).catch(() => null) : null;
      if (photo && photo.status === 'READY') latest.current.add([photo]);
      else latest.current.setPhotos((current) => current.filter((p) => p.photoId !== photoId));
    };

    const catchUp = async () => {
      const known = new Set(latest.current.photos.map((p) => p.photoId));
      let token: string | null = null;
      for (let page = 0; page < CATCH_UP_PAGES; page++) {
        const listed = await api.listPhotos(eventId, token, CATCH_UP_PAGE);
        latest.current.add(listed.items);
        token = listed.nextToken;
        if (!token || listed.items.some((p) => known.has(p.photoId))) break;
      }
    };

    api.liveChannel(eventId).then(
      (live) => {
        if (cancelled || !live.realtimeUrl) return;
        subscription = subscribe({
          realtimeUrl: live.realtimeUrl,
          channel: live.channel,
          authorization: () => api.liveAuthorization(),
          webSocket,
          onStatus: (s) => setStatus(s),
          onResync: () => void catchUp().catch(() => undefined),
          onEvent: (event) => {
            const e = event as PhotoEvent;
            const finished = event as ExportEvent;
            if (
              finished.type === 'export.finished' &&
              finished.eventId === eventId &&
              typeof finished.exportId === 'string'
            ) {
              exportFinished.current?.(finished.exportId);
              return;
            }
            if (e.eventId !== eventId || typeof e.photoId !== 'string') return;
            if (e.type === 'photo.visible') void visible(e.photoId);
            else if (e.type === 'photo.removed') void removed(e.photoId);
          },
        });
      },
      () => setStatus(null),
    );
    return () => {
      cancelled = true;
      subscription?.close();
    };
  }, [api, eventId, enabled, seesHidden, webSocket]);

  return status;
}
