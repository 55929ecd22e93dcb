import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { ApiError, PhotosApi, type GuestSession, type Photo, type UploadPolicy } from '../api';
import { guestSessions } from '../guestSessions';
import { useUploads } from '../upload/useUploads';
import { Gallery } from './Gallery';
import { downloadOriginal } from './downloadOriginal';
import { UploadArea } from './UploadArea';
import { usePhotoPages } from './usePhotoPages';
import { useLiveGallery } from '../live/useLiveGallery';

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
  return <GuestEvent key={session.token} apiBaseUrl={apiBaseUrl} session={session} onLeave={leave} />;
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

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      onSession(await api.startGuestSession(code, name.trim()));
    } catch (failure) {
      setError(welcomeError(failure));
      setBusy(false);
    }
  };

  return (
    <section className="guest-welcome">
      <h1>Add your photos</h1>
      {ended ? (
        <p role="alert" className="error">
          {ended}
        </p>
      ) : null}
      <p>
        You were invited to share your photos of this event. No account needed: your name is shown with your photos.
      </p>
      <form onSubmit={(e) => void submit(e)}>
        <label htmlFor="guest-name">Your name</label>
        <input
          id="guest-name"
          value={name}
          maxLength={60}
          required
          autoComplete="name"
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
          Continue
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

function welcomeError(failure: unknown): string {
  if (!(failure instanceof ApiError)) return `Could not reach the server: ${(failure as Error).message}`;
  if (failure.status === 404) return 'This guest link does not exist: check it, or ask the organiser for the link.';
  if (failure.status === 410)
    return `This guest link can no longer be used: ${failure.message}. Ask the organiser for a new one.`;
  if (failure.status === 429) {
    return `Many people are joining from this network right now: try again in ${failure.retryAfterSeconds ?? 10} s.`;
  }
  return failure.message;
}

/** What the API records as a guest's photos' uploadedBy: their token's subject. */
export function guestSubject(guestId: string): string {
  return `guest:${guestId}`;
}

const LINK_ENDED =
  'This guest link has ended (the organiser revoked it, or it expired). Ask the organiser for a new one.';

function GuestEvent({
  apiBaseUrl,
  session,
  onLeave,
}: {
  apiBaseUrl: string;
  session: GuestSession;
  onLeave: (why: string | null) => void;
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
  const [policyError, setPolicyError] = useState<string | null>(null);
  // a guest's own photos on one page as far as the API allows (100): what they look for after an upload
  const mine = usePhotoPages(api, eventId, { show: 'mine', limit: 100, onError: endIfRefused });
  const everyone = usePhotoPages(api, eventId, { enabled: allowView, onError: endIfRefused });
  const live = useLiveGallery(api, eventId, everyone, { enabled: allowView });

  useEffect(() => {
    api.uploadPolicy().then(setPolicy, (e: Error) => {
      setPolicyError(e.message);
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
  return (
    <div className="event guest">
      <h1>{session.eventName}</h1>
      <p className="muted">
        Adding photos as{' '}
        <strong>
          <bdi>{session.name}</bdi>
        </strong>
        .{' '}
        <button type="button" className="link-button" onClick={() => onLeave(null)}>
          Not <bdi>{session.name}</bdi>?
        </button>
      </p>
      <p className="muted">
        {session.requireReview
          ? 'The organiser approves each photo before anyone else sees it.'
          : allowView
            ? "Your photos appear in the event's gallery as soon as they are uploaded."
            : ''}
      </p>
      <p className="muted" data-testid="originals-note">
        The organiser receives your photos as you upload them: the original files, including the camera&apos;s data and
        the location (GPS) if your phone recorded it. Photos shown in the gallery have that data removed.
      </p>
      {policy ? <UploadArea policy={policy} uploads={uploads} button /> : null}
      {policyError ? (
        <p role="alert" className="error">
          Uploads are unavailable: {policyError}
        </p>
      ) : null}
      <Gallery
        heading="Your photos"
        photos={mine.photos}
        error={mine.error}
        loading={mine.loading}
        hasMore={mine.hasMore}
        onLoadMore={mine.loadMore}
        canDelete={() => true}
        onDelete={remove}
        canDownloadOriginal={() => true}
        onDownloadOriginal={(photo) => void downloadOriginal(api, eventId, photo)}
      />
      {allowView ? (
        <Gallery
          heading="Everyone's photos"
          photos={everyone.photos.filter((photo) => photo.uploadedBy !== guestSubject(guestId))}
          error={everyone.error}
          loading={everyone.loading}
          hasMore={everyone.hasMore}
          onLoadMore={everyone.loadMore}
          live={live}
        />
      ) : null}
    </div>
  );
}
