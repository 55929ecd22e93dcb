import { useCallback, useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { errorText } from '../i18n';
import { ApiError, PhotosApi, type GuestSession, type Photo, type UploadPolicy } from '../api';
import { guestSessions } from '../guestSessions';
import { useUploads } from '../upload/useUploads';
import { Gallery } from './Gallery';
import { downloadOriginal } from './downloadOriginal';
import { UploadArea } from './UploadArea';
import { usePhotoPages } from './usePhotoPages';
import { useLiveGallery } from '../live/useLiveGallery';
import { useOpenPhoto, ViewerRoute } from './ViewerRoute';
import type { ViewerActions } from './PhotoViewer';

/**
 * A guest link's page (/g/{code}, what the QR code on the table opens): no account, a name once, then one large
 * button to add photos. The session is kept in this browser, so reopening the link goes on as the same guest.
 */
export function GuestPage({ apiBaseUrl }: { apiBaseUrl: string }) {
  const { code = '' } = useParams();
  const [session, setSession] = useState<GuestSession | null>(() => guestSessions.load(code));
  const [ended, setEnded] = useState<string | null>(null);

  if (!session) {
    return (
      <GuestWelcome
        apiBaseUrl={apiBaseUrl}
        code={code}
        ended={ended}
        onSession={(started) => {
          guestSessions.save(code, started);
          setEnded(null);
          setSession(started);
        }}
      />
    );
  }
  const leave = (why: string | null) => {
    guestSessions.forget(code);
    setEnded(why);
    setSession(null);
  };
  return (
    <GuestEvent
      key={session.token}
      apiBaseUrl={apiBaseUrl}
      session={session}
      onLeave={leave}
      base={`/g/${encodeURIComponent(code)}`}
    />
  );
}

function GuestWelcome({
  apiBaseUrl,
  code,
  ended,
  onSession,
}: {
  apiBaseUrl: string;
  code: string;
  ended: string | null;
  onSession: (session: GuestSession) => void;
}) {
  const api = useMemo(() => new PhotosApi(apiBaseUrl, () => undefined), [apiBaseUrl]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { t } = useTranslation();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onSession(await api.startGuestSession(code, name.trim()));
    } catch (failure) {
      setError(welcomeError(t, failure));
      setBusy(false);
    }
  };

  return (
    <section className="guest-welcome">
      <h1>{t('guest.welcomeTitle')}</h1>
      {ended ? (
        <p role="alert" className="error">
          {t(ended)}
        </p>
      ) : null}
      <p>{t('guest.welcomeText')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="guest-name">{t('guest.yourName')}</label>
        <input
          id="guest-name"
          value={name}
          maxLength={60}
          required
          autoComplete="name"
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
          {t('guest.continue')}
        </button>
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}

function welcomeError(t: TFunction, failure: unknown): string {
  if (!(failure instanceof ApiError)) return errorText(t, failure);
  if (failure.status === 404) return t('guest.linkMissing');
  if (failure.status === 410) return t('guest.linkGone');
  if (failure.status === 429) return t('guest.busy', { seconds: failure.retryAfterSeconds ?? 10 });
  return errorText(t, failure);
}

/** What the API records as a guest's photos' uploadedBy: their token's subject. */
export function guestSubject(guestId: string): string {
  return `guest:${guestId}`;
}

/** Why the guest is back at the name prompt: a translation key, so it follows the language switch. */
const LINK_ENDED = 'guest.linkEnded';

function GuestEvent({
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
      {policyError ? (
        <p role="alert" className="error">
          {t('event.uploadsUnavailable', { detail: errorText(t, policyError) })}
        </p>
      ) : null}
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
