import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { EventSummary, PhotosApi } from '../api';

/** My events (with my role in each), and a form to create one: its creator becomes its owner. */
export function EventsPage({ api }: { api: PhotosApi }) {
  const navigate = useNavigate();
  const [events, setEvents] = useState<EventSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    api.listEvents().then(
      (page) => setEvents(page.items),
      (e: Error) => setError(e.message),
    );
  }, [api]);

  const create = async () => {
    setCreating(true);
    try {
      const event = await api.createEvent(name.trim());
      navigate(`/events/${event.eventId}`);
    } catch (e) {
      setError((e as Error).message);
      setCreating(false);
    }
  };

  return (
    <div className="events">
      <h1>My events</h1>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {events === null && !error ? <p className="muted">Loading…</p> : null}
      {events?.length === 0 ? <p className="muted">No events yet: create one, or open an invite link.</p> : null}
      <ul className="event-list">
        {events?.map((event) => (
          <li key={event.eventId}>
            <Link to={`/events/${event.eventId}`}>{event.name}</Link>{' '}
            <span className="role">{roleLabel(event.role)}</span>
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
        <h2>Create an event</h2>
        <label htmlFor="event-name">Name</label>
        <input
          id="event-name"
          value={name}
          maxLength={100}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Seoul fireworks 2026"
        />
        <button type="submit" className="primary" disabled={!name.trim() || creating}>
          Create
        </button>
      </form>
    </div>
  );
}

export function roleLabel(role: EventSummary['role']): string {
  return { OWNER: 'owner', CONTRIBUTOR: 'contributor', VIEWER: 'viewer' }[role];
}
