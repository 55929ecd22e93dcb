import { useCallback, useEffect, useState } from 'react';
import type { Photo, PhotoListing, PhotosApi } from '../api';
import { mergeNewestFirst } from '../photos';
import { errorText, i18n } from '../i18n';

/**
 * One listing of an event's photos, page by page, newest first: what a gallery shows. Deleting through it takes the
 * photo out at once; {@code add} puts in one that became ready meanwhile.
 *
 * @param onError also told of a page that failed (a guest page ends its session on a 401)
 */
export function usePhotoPages(
  api: PhotosApi,
  eventId: string,
  {
    show,
    limit = 24,
    onError,
    enabled = true,
  }: {
    show?: PhotoListing;
    limit?: number;
    /** false: nothing is loaded (a listing the caller may not see) */
    enabled?: boolean;
    onError?: (error: Error) => void;
  } = {},
) {
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [nextToken, setNextToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const loadPage = useCallback(
    async (token: string | null) => {
      setLoading(true);
      try {
        const page = await api.listPhotos(eventId, token, limit, show);
        setPhotos((current) => mergeNewestFirst(token ? current : [], page.items));
        setNextToken(page.nextToken);
        setError(null);
      } catch (e) {
        setError(i18n.t('gallery.loadFailed', { detail: errorText(i18n.t, e) }));
        onError?.(e as Error);
      } finally {
        setLoading(false);
      }
    },
    // onError is a callback of the page: a new one each render must not reload
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, eventId, limit, show],
  );

  useEffect(() => {
    setPhotos([]);
    if (enabled) void loadPage(null);
  }, [loadPage, enabled]);

  const remove = useCallback(
    async (photo: Photo) => {
      try {
        await api.deletePhoto(eventId, photo.photoId);
        setPhotos((current) => current.filter((p) => p.photoId !== photo.photoId));
      } catch (e) {
        setError(`${i18n.t('event.deleteFailed', { titles: `“${photo.title}”` })}: ${errorText(i18n.t, e)}`);
      }
    },
    [api, eventId],
  );

  const add = useCallback((added: Photo[]) => setPhotos((current) => mergeNewestFirst(current, added)), []);

  return {
    photos,
    setPhotos,
    error,
    setError,
    loading,
    add,
    remove,
    hasMore: nextToken !== null,
    loadMore: () => loadPage(nextToken),
  };
}
