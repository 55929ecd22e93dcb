import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { PhotosApi } from '../api';
import { errorText } from '../i18n';

/** An invite link's page: accepts the code as the signed-in user, then opens the event. */
export function JoinPage({ api }: { api: PhotosApi }) {
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    api.acceptInvite(code).then(
      (joined) => {
        if (!cancelled) navigate(`/events/${joined.eventId}`, { replace: true });
      },
      (e: unknown) => {
        if (!cancelled) setError(e);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [api, code, navigate]);

  return (
    <section className="join">
      <h1>{t('join.title')}</h1>
      {error ? (
        <p role="alert" className="error">
          {t('join.cannot', { detail: errorText(t, error) })}
        </p>
      ) : (
        <p className="muted">{t('join.wait')}</p>
      )}
    </section>
  );
}
