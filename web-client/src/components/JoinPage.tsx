import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { PhotosApi } from '../api';

/** An invite link's page: accepts the code as the signed-in user, then opens the event. */
export function JoinPage({ api }: { api: PhotosApi }) {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.acceptInvite(code).then(
      (joined) => {
        if (!cancelled) navigate(`/events/${joined.eventId}`, { replace: true });
      },
      (e: Error) => {
        if (!cancelled) setError(e.message);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, code, navigate]);

  return (
    <section className="join">
      <h1>Joining the event</h1>
      {error ? (
        <p role="alert" className="error">
          This invite cannot be used: {error}
        </p>
      ) : (
        <p className="muted">One moment…</p>
      )}
    </section>
  );
}
