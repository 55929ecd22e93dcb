import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Link } from 'react-router-dom';
import type { EventSummary, Photo, PhotosApi, UploadPolicy } from '../api';
import { InvitePanel } from './InvitePanel';
import { roleLabel } from './EventsPage';
import { DropZone } from './DropZone';
import { Gallery } from './Gallery';
import { UploadList } from './UploadList';
import { useUploads } from '../upload/useUploads';
import { uploadAnnouncement } from '../upload/announcement';
import { mergeNewestFirst } from '../photos';

/** One page per event: moving to another event starts afresh (its own uploads, gallery and abort signal). */
export function EventPage({ api, userId }: { api: PhotosApi; userId: string }) {
  const { eventId = '' } = useParams();
  return <EventPageOf key={eventId} api={api} eventId={eventId} userId={userId} />;
}

/** The event and the user's role in it first: what the page offers depends on it. */
function EventPageOf({ api, eventId, userId }: { api: PhotosApi; eventId: string; userId: string }) {
  const [event, setEvent] = useState<EventSummary | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.getEvent(eventId).then(setEvent, (e: Error) => setError(e.message));
  }, [api, eventId]);

  if (error) return <p role="alert" className="error">Could not open the event: {error}</p>;
  if (event === undefined) return <p className="muted">Loading…</p>;
  if (event === null) {
    return (
      <section>
        <h1>Event not found</h1>
        <p>There is no event <span className="event-id">{eventId}</span> that you are a member of. Ask its organiser
          for an invite link, or go back to <Link to="/">your events</Link>.</p>
      </section>
    );
  }
  return <EventContent api={api} event={event} userId={userId} />;
}

function EventContent({ api, event, userId }: { api: PhotosApi; event: EventSummary; userId: string }) {
  const { eventId, role } = event;
  const mayUpload = role !== 'VIEWER';
  const [policy, setPolicy] = useState<UploadPolicy | null>(null);
  const [policyError, setPolicyError] = useState<string | null>(null);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [nextToken, setNextToken] = useState<string | null>(null);
  const [galleryError, setGalleryError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const loadPage = useCallback(async (token: string | null) => {
    setLoading(true);
    try {
      const page = await api.listPhotos(eventId, token);
      setPhotos((current) => mergeNewestFirst(token ? current : [], page.items));
      setNextToken(page.nextToken);
      setGalleryError(null);
    } catch (e) {
      setGalleryError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [api, eventId]);

  useEffect(() => {
    setPhotos([]);
    void loadPage(null);
  }, [loadPage]);

  useEffect(() => {
    if (mayUpload) api.uploadPolicy().then(setPolicy, (e: Error) => setPolicyError(e.message));
  }, [api, mayUpload]);

  const remove = useCallback(async (photo: Photo) => {
    try {
      await api.deletePhoto(eventId, photo.photoId);
      setPhotos((current) => current.filter((p) => p.photoId !== photo.photoId));
    } catch (e) {
      setGalleryError(`could not delete "${photo.title}": ${(e as Error).message}`);
    }
  }, [api, eventId]);

  const hide = useCallback(async (photo: Photo, hidden: boolean) => {
    try {
      await api.setHidden(eventId, photo.photoId, hidden);
      setPhotos((current) => current.map((p) => (p.photoId === photo.photoId ? { ...p, hidden } : p)));
    } catch (e) {
      setGalleryError(`could not change "${photo.title}": ${(e as Error).message}`);
    }
  }, [api, eventId]);

  const showReady = useCallback((photo: Photo) => setPhotos((current) => mergeNewestFirst(current, [photo])), []);
  const { entries, addFiles, start, actions } = useUploads(api, eventId, policy, showReady);

  const pending = entries.filter((e) => e.state === 'pending');
  return (
    <div className="event">
      <h1>{event.name}</h1>
      <p className="muted">You are {role === 'OWNER' ? 'an' : 'a'} {roleLabel(role)} of this event.</p>
      {role === 'OWNER' ? <InvitePanel api={api} eventId={eventId} /> : null}
      {mayUpload && policy ? <DropZone policy={policy} onFiles={addFiles} /> : null}
      {policyError ? <p role="alert" className="error">Uploads are unavailable: {policyError}</p> : null}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="upload-announcement">
        {uploadAnnouncement(entries)}
      </p>
      <UploadList entries={entries} actions={actions} />
      {pending.length > 0 ? (
        <button type="button" className="primary" onClick={() => pending.forEach(start)}>
          Upload {pending.length} photo{pending.length === 1 ? '' : 's'}
        </button>
      ) : null}
      <Gallery photos={photos} error={galleryError} loading={loading} hasMore={nextToken !== null}
               onLoadMore={() => loadPage(nextToken)}
               canDelete={(photo) => role === 'OWNER' || (role === 'CONTRIBUTOR' && photo.uploadedBy === userId)}
               canHide={role === 'OWNER'} onDelete={(photo) => void remove(photo)}
               onHide={(photo, hidden) => void hide(photo, hidden)} />
    </div>
  );
}
