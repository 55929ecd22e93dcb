import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { errorText } from '../i18n';
import { ApiError, PhotosApi, type GuestSession } from '../api';
import { guestSessions } from '../guestSessions';
import { ErrorAlert } from './ErrorAlert';

/** The page after the name prompt: its own chunk (uploads, gallery, menus), loaded once the guest has a session. */
const GuestEvent = lazy(() => import('./GuestEvent'));

export { guestSubject } from './guestSubject';

/**
 * A guest link's page (/g/{code}, what the QR code on the table opens): no account, a name once, then one large
 * button to add photos. The session is kept in this browser, so reopening the link goes on as the same guest.
 */
export function GuestPage({ apiBaseUrl }: { apiBaseUrl: string }) {
  const { code = '' } = useParams();
  const [session, setSession] = useState<GuestSession | null>(() => guestSessions.load(code));
  const [ended, setEnded] = useState<string | null>(null);
  const { t } = useTranslation();

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
    <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
      <GuestEvent
        key={session.token}
        apiBaseUrl={apiBaseUrl}
        session={session}
        onLeave={leave}
        base={`/g/${encodeURIComponent(code)}`}
      />
    </Suspense>
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
      <ErrorAlert message={ended ? t(ended) : null} />
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
      <ErrorAlert message={error} />
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
