import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { EventSummary, PhotosApi } from '../api';
import { errorText } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

/** My events (with my role in each), and a form to create one: its creator becomes its owner. */
export function EventsPage({ api }: { api: PhotosApi }) {
  const navigate = useNavigate();
  const { t } = useTranslation();
  const [events, setEvents] = useState<EventSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    api.listEvents().then(
      (page) => setEvents(page.items),
      (e: unknown) => setError(e),
    );
  }, [api]);

  const create = async () => {
    setCreating(true);
    try {
      const event = await api.createEvent(name.trim());
      navigate(`/events/${event.eventId}`);
    } catch (e) {
      setError(e);
      setCreating(false);
    }
  };

  return (
    <div className="events">
      <h1>{t('events.title')}</h1>
      <ErrorAlert message={error ? errorText(t, error) : null} />
      {events === null && !error ? <p className="muted">{t('app.loading')}</p> : null}
      {events?.length === 0 ? <p className="muted">{t('events.none')}</p> : null}
      <ul className="event-list">
        {events?.map((event) => (
          <li key={event.eventId}>
            <Link to={`/events/${event.eventId}`}>{event.name}</Link>{' '}
            <span className="role">{roleLabel(t, event.role)}</span>
          </li>
        ))}
      </ul>
      <form
        className="picker"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void create();
        }}
      >
        <h2>{t('events.create')}</h2>
        <label htmlFor="event-name">{t('events.name')}</label>
        <input
          id="event-name"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('events.namePlaceholder')}
        />
        <button type="submit" className="primary" disabled={!name.trim() || creating}>
          {t('events.createButton')}
        </button>
      </form>
    </div>
  );
}

export function roleLabel(t: TFunction, role: EventSummary['role']): string {
  return t(`roles.${role}`);
}
