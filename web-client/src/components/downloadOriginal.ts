import type { Photo, PhotosApi } from '../api';
import { errorText, i18n } from '../i18n';

/**
 * Downloads the photo's original: the API answers a short-lived presigned link (asked as JSON, since a redirected
 * fetch cannot hand the browser a download), and the browser follows it; storage answers with an attachment, so the
 * page stays where it is.
 */
export async function downloadOriginal(
  api: PhotosApi,
  eventId: string,
  photo: Photo,
  go: (url: string) => void = (url) => window.location.assign(url),
) {
  try {
    const link = await api.originalLink(eventId, photo.photoId);
    go(link.url);
  } catch (e) {
    window.alert(i18n.t('gallery.downloadFailed', { title: photo.title, detail: errorText(i18n.t, e) }));
  }
}
