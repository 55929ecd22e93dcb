import { lazy, Suspense, useCallback, useEffect, useRef } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import type { Photo } from '../api';
import type { ViewerActions } from './PhotoViewer';

/** PhotoSwipe and its styles come with the first photo opened, not with the page. */
const PhotoViewer = lazy(() => import('./PhotoViewer'));

type ViewerState = { viewer?: boolean } | null;

/**
 * The photo viewer at `{base}/photos/{photoId}`: a URL per photo, that follows the photo shown, opens the viewer
 * straight away (a shared link, a reload), and Back closes it. {@code onMissing} fetches a photo the gallery has not
 * loaded (a link to an old photo).
 */
export function ViewerRoute({
  photos,
  base,
  actions,
  onMissing,
}: {
  photos: Photo[];
  base: string;
  actions?: ViewerActions;
  onMissing?: (photoId: string) => void;
}) {
  const { photoId } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const openedHere = (location.state as ViewerState)?.viewer === true;
  const present = photoId !== undefined && photos.some((p) => p.photoId === photoId);
  // once open, the viewer stays while its photo is deleted: it moves to another one itself
  const open = useRef(false);
  if (!photoId) open.current = false;
  else if (present) open.current = true;

  const asked = useRef(new Set<string>());
  useEffect(() => {
    if (photoId && !present && !asked.current.has(photoId) && onMissing) {
      asked.current.add(photoId);
      onMissing(photoId);
    }
  }, [photoId, present, onMissing]);

  const onShow = useCallback(
    (photo: Photo) => {
      if (photo.photoId !== photoId)
        navigate(`${base}/photos/${encodeURIComponent(photo.photoId)}`, { replace: true, state: location.state });
    },
    [navigate, base, photoId, location.state],
  );
  const onClose = useCallback(() => {
    if (openedHere) navigate(-1);
    else navigate(base, { replace: true });
  }, [navigate, base, openedHere]);

  if (!photoId || !open.current) return null;
  return (
    <Suspense fallback={null}>
      <PhotoViewer photos={photos} photoId={photoId} onShow={onShow} onClose={onClose} actions={actions} />
    </Suspense>
  );
}

/** Opens the viewer on a photo: a new history entry, so Back closes it. */
export function useOpenPhoto(base: string) {
  const navigate = useNavigate();
  return useCallback(
    (photo: Photo) => navigate(`${base}/photos/${encodeURIComponent(photo.photoId)}`, { state: { viewer: true } }),
    [navigate, base],
  );
}
