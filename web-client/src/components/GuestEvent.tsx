import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ApiError, PhotosApi, type GuestSession, type Photo, type UploadPolicy } from '../api';
import { errorText } from '../i18n';
import { useUploads } from '../upload/useUploads';
import { Gallery } from './Gallery';
import { downloadOriginal } from './downloadOriginal';
import { UploadArea } from './UploadArea';
import { usePhotoPages } from './usePhotoPages';
import { useLiveGallery } from '../live/useLiveGallery';
import { useOpenPhoto, ViewerRoute } from './ViewerRoute';
import type { ViewerActions } from './PhotoViewer';
import { guestSubject } from './guestSubject';
import { ErrorAlert } from './ErrorAlert';

/*
 * The guest link's page once the guest has a name: loaded after the name prompt (a lazy chunk), so the first screen
 * a phone shows after scanning the QR code is quick.
 */

/** Why the guest is back at the name prompt: a translation key, so it follows the language switch. */
const LINK_ENDED = 'guest.linkEnded';

export default function GuestEvent({
  apiBaseUrl,
  session,
  onLeave,
  base,
}: {
  apiBaseUrl: string;
  session: GuestSession;
  onLeave: (why: string | null) => void;
  /** The guest link's page: the viewer's URLs are under it. */
  base: string;
}) {
  const { eventId, guestId, allowView } = session;
  // a guest token is not renewed: a 401 means the link was revoked or has expired
  const api = useMemo(() => new PhotosApi(apiBaseUrl, () => session.token), [apiBaseUrl, session.token]);
  const endIfRefused = useCallback(
    (e: Error) => {
      if (e instanceof ApiError && e.status === 401) onLeave(LINK_ENDED);
    },
    [onLeave],
  );
  const [policy, setPolicy] = useState<UploadPolicy | null>(null);
  const [policyError, setPolicyError] = useState<unknown>(null);
  const { t } = useTranslation();
  // a guest's own photos on one page as far as the API allows (100): what they look for after an upload
  const mine = usePhotoPages(api, eventId, { show: 'mine', limit: 100, onError: endIfRefused });
  const everyone = usePhotoPages(api, eventId, { enabled: allowView, onError: endIfRefused });
  const live = useLiveGallery(api, eventId, everyone, { enabled: allowView });

  useEffect(() => {
    api.uploadPolicy().then(setPolicy, (e: Error) => {
      setPolicyError(e);
      endIfRefused(e);
    });
  }, [api, endIfRefused]);

  const { add: addMine } = mine;
  const { add: addEveryone } = everyone;
  const showReady = useCallback(
    (photo: Photo) => {
      addMine([photo]);
      if (allowView && photo.reviewStatus !== 'PENDING') addEveryone([photo]);
    },
    [addMine, addEveryone, allowView],
  );
  const uploads = useUploads(api, eventId, policy, showReady);

  const remove = (photo: Photo) => {
    void mine.remove(photo);
    everyone.setPhotos((current) => current.filter((p) => p.photoId !== photo.photoId));
  };
  const openPhoto = useOpenPhoto(base);
  const others = everyone.photos.filter((photo) => photo.uploadedBy !== guestSubject(guestId));
  const own = (photo: Photo) => photo.uploadedBy === guestSubject(guestId);
  const photoActions: ViewerActions = {
    canDownloadOriginal: own,
    canHide: false,
    canDelete: own,
    onDownloadOriginal: (photo) => void downloadOriginal(api, eventId, photo),
    onHide: () => {},
    onDelete: remove,
  };
  return (
    <div className="event guest">
      <h1>
        <bdi>{session.eventName}</bdi>
      </h1>
      <p className="muted">
        <Trans i18nKey="guest.addingAs" values={{ name: session.name }} components={{ name: <StrongName /> }} />{' '}
        <button type="button" className="link-button" onClick={() => onLeave(null)}>
          <Trans i18nKey="guest.notYou" values={{ name: session.name }} components={{ name: <bdi /> }} />
        </button>
      </p>
      <p className="muted">{session.requireReview ? t('guest.reviewed') : allowView ? t('guest.shownAtOnce') : ''}</p>
      <p className="muted" data-testid="originals-note">
        {t('guest.originals')}
      </p>
      {policy ? <UploadArea policy={policy} uploads={uploads} button /> : null}
      <ErrorAlert message={policyError ? t('event.uploadsUnavailable', { detail: errorText(t, policyError) }) : null} />
      <Gallery
        heading={t('gallery.yours')}
        photos={mine.photos}
        error={mine.error}
        loading={mine.loading}
        hasMore={mine.hasMore}
        onLoadMore={mine.loadMore}
        canDelete={() => true}
        onDelete={remove}
        canDownloadOriginal={() => true}
        onDownloadOriginal={(photo) => void downloadOriginal(api, eventId, photo)}
        viewerBase={`${base}/photos`}
        onOpen={openPhoto}
      />
      {allowView ? (
        <Gallery
          heading={t('gallery.everyones')}
          photos={others}
          error={everyone.error}
          loading={everyone.loading}
          hasMore={everyone.hasMore}
          onLoadMore={everyone.loadMore}
          live={live}
          viewerBase={`${base}/photos`}
          onOpen={openPhoto}
        />
      ) : null}
      <ViewerRoute photos={[...mine.photos, ...others]} base={base} actions={photoActions} />
    </div>
  );
}

/** A person's name in a sentence: bold, and isolated (a name in another script does not reorder the sentence). */
function StrongName({ children }: { children?: ReactNode }) {
  return (
    <strong>
      <bdi>{children}</bdi>
    </strong>
  );
}
