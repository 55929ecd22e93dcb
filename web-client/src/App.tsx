import { lazy, Suspense, useEffect, useMemo, useRef, useState } from 'react';
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import type { User, UserManager } from 'oidc-client-ts';
import { PhotosApi } from './api';
import { completeSignInIfRedirected, createUserManager } from './auth';
import { loadConfig, type AppConfig } from './config';

// each page comes when it is opened: a guest's phone loads neither the organiser's tools nor the wall
const EventPage = lazy(() => import('./components/EventPage').then((m) => ({ default: m.EventPage })));
const EventsPage = lazy(() => import('./components/EventsPage').then((m) => ({ default: m.EventsPage })));
const GuestPage = lazy(() => import('./components/GuestPage').then((m) => ({ default: m.GuestPage })));
const WallPage = lazy(() => import('./components/WallPage').then((m) => ({ default: m.WallPage })));
const JoinPage = lazy(() => import('./components/JoinPage').then((m) => ({ default: m.JoinPage })));
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './components/LanguageSwitch';

type Session = { config: AppConfig; manager: UserManager; user: User | null };

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { t } = useTranslation();

  useEffect(() => {
    let cancelled = false;
    let stop = () => {};
    (async () => {
      const config = await loadConfig();
      const manager = createUserManager(config);
      const { user } = await completeSignInIfRedirected(manager);
      if (cancelled) {
        manager.stopSilentRenew();
        return;
      }
      // a silent renewal brings a new user object (fresh tokens)
      const onRenewed = (renewed: User) => setSession((current) => current && { ...current, user: renewed });
      manager.events.addUserLoaded(onRenewed);
      stop = () => {
        manager.events.removeUserLoaded(onRenewed);
        manager.stopSilentRenew();
      };
      setSession({ config, manager, user });
    })().catch((e: Error) => setError(e.message));
    return () => {
      cancelled = true;
      stop();
    };
  }, []);

  if (error)
    return (
      <p role="alert" className="error">
        {t('app.signInFailed', { detail: error })}
      </p>
    );
  if (!session) return <p className="muted">{t('app.loading')}</p>;
  return (
    <BrowserRouter>
      <Shell session={session} />
    </BrowserRouter>
  );
}

function Shell({ session }: { session: Session }) {
  const { user, manager, config } = session;
  const { t } = useTranslation();
  // One API object for the session: it reads the newest token on each call, so a renewal restarts nothing.
  const currentUser = useRef(user);
  currentUser.current = user;
  const api = useMemo(
    () =>
      new PhotosApi(
        config.apiBaseUrl,
        () => currentUser.current?.access_token,
        async () => (await manager.signinSilent())?.access_token,
      ),
    [config, manager],
  );
  const signIn = () => manager.signinRedirect({ state: { returnTo: window.location.pathname } });

  return (
    <>
      <header className="topbar">
        <Link to="/" className="brand">
          {t('app.brand')}
        </Link>
        <LanguageSwitch />
        {user ? (
          <span className="who">
            {user.profile.preferred_username ?? user.profile.email}
            <button type="button" onClick={() => manager.signoutRedirect()}>
              {t('app.signOut')}
            </button>
          </span>
        ) : null}
      </header>
      <main>
        <Suspense fallback={<p className="muted">{t('app.loading')}</p>}>
          <Routes>
            {/* a guest link: no account, signed in or not */}
            <Route path="/g/:code" element={<GuestPage apiBaseUrl={config.apiBaseUrl} />} />
            <Route path="/g/:code/photos/:photoId" element={<GuestPage apiBaseUrl={config.apiBaseUrl} />} />
            <Route path="/events/:eventId/wall" element={<WallPage apiBaseUrl={config.apiBaseUrl} />} />
            <Route
              path="*"
              element={
                user ? (
                  <Routes>
                    <Route path="/" element={<EventsPage api={api} />} />
                    <Route path="/events/:eventId" element={<EventPage api={api} userId={user.profile.sub} />} />
                    <Route
                      path="/events/:eventId/photos/:photoId"
                      element={<EventPage api={api} userId={user.profile.sub} />}
                    />
                    <Route path="/join/:code" element={<JoinPage api={api} />} />
                  </Routes>
                ) : (
                  <section className="signin">
                    <h1>{t('app.signInTitle')}</h1>
                    <p>
                      {window.location.pathname.startsWith('/join/') ? t('app.signInToJoin') : t('app.signInToSee')}
                    </p>
                    <button type="button" className="primary" onClick={signIn}>
                      {t('app.signIn')}
                    </button>
                  </section>
                )
              }
            />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}
