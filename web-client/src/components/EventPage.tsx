import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { Link } from 'react-router-dom';
import type { EventSummary, Photo, PhotosApi, UploadPolicy } from '../api';
import { InvitePanel } from './InvitePanel';
import { roleLabel } from './EventsPage';
import { Gallery } from './Gallery';
import { ReviewQueue } from './ReviewQueue';
import { useUploads } from '../upload/useUploads';
import { UploadArea } from './UploadArea';
import { usePhotoPages } from './usePhotoPages';
import { WallPanel } from './WallPanel';
import { ExportPanel } from './ExportPanel';
import { downloadOriginal } from './downloadOriginal';
import { useLiveGallery } from '../live/useLiveGallery';

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

  if (error)
    return (
      <p role="alert" className="error">
        Could not open the event: {error}
      </p>
    );
  if (event === undefined) return <p className="muted">Loading…</p>;
  if (event === null) {
    return (
      <section>
        <h1>Event not found</h1>
        <p>
          There is no event <span className="event-id">{eventId}</span> that you are a member of. Ask its organiser for
          an invite link, or go back to <Link to="/">your events</Link>.
        </p>
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
  const gallery = usePhotoPages(api, eventId);
  const [finishedExport, setFinishedExport] = useState<{ exportId: string; seen: number } | null>(null);
  const live = useLiveGallery(api, eventId, gallery, {
    seesHidden: role === 'OWNER',
    onExportFinished: (exportId) => setFinishedExport((last) => ({ exportId, seen: (last?.seen ?? 0) + 1 })),
  });
  const [pendingReview, setPendingReview] = useState<Photo[]>([]);

  useEffect(() => {
    if (mayUpload) api.uploadPolicy().then(setPolicy, (e: Error) => setPolicyError(e.message));
  }, [api, mayUpload]);

  useEffect(() => {
    if (role !== 'OWNER') return;
    api.listPhotos(eventId, null, 100, 'pending').then(
      (page) => setPendingReview(page.items),
      (e: Error) => gallery.setError(`could not load the review queue: ${e.message}`),
    );
    // gallery.setError is a state setter: stable
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, eventId, role]);

  const { setError, setPhotos, add } = gallery;
  /** Each photo approved or deleted on its own: one that fails is named and stays in the queue. */
  const review = useCallback(
    async (chosen: Photo[], approve: boolean) => {
      const results = await Promise.allSettled(
        chosen.map((photo) =>
          approve ? api.approve(eventId, photo.photoId) : api.deletePhoto(eventId, photo.photoId),
        ),
      );
      const done = chosen.filter((_, i) => results[i].status === 'fulfilled');
      const doneIds = new Set(done.map((photo) => photo.photoId));
      setPendingReview((current) => current.filter((photo) => !doneIds.has(photo.photoId)));
      if (approve) add(done.map((photo) => ({ ...photo, reviewStatus: 'APPROVED' as const })));
      else setPhotos((current) => current.filter((photo) => !doneIds.has(photo.photoId)));
      const failed = chosen.filter((_, i) => results[i].status === 'rejected');
      setError(
        failed.length === 0
          ? null
          : `could not ${approve ? 'approve' : 'delete'} ${failed.map((photo) => `"${photo.title}"`).join(', ')}`,
      );
    },
    [api, eventId, add, setPhotos, setError],
  );

  const hide = useCallback(
    async (photo: Photo, hidden: boolean) => {
      try {
        await api.setHidden(eventId, photo.photoId, hidden);
        setPhotos((current) => current.map((p) => (p.photoId === photo.photoId ? { ...p, hidden } : p)));
      } catch (e) {
        setError(`could not change "${photo.title}": ${(e as Error).message}`);
      }
    },
    [api, eventId, setPhotos, setError],
  );

  const showReady = useCallback((photo: Photo) => add([photo]), [add]);
  const uploads = useUploads(api, eventId, policy, showReady);

  return (
    <div className="event">
      <h1>
        <bdi>{event.name}</bdi>
      </h1>
      <p className="muted">
        You are {role === 'OWNER' ? 'an' : 'a'} {roleLabel(role)} of this event.
      </p>
      {role === 'OWNER' ? <InvitePanel api={api} eventId={eventId} eventName={event.name} /> : null}
      {role === 'OWNER' ? <WallPanel api={api} eventId={eventId} /> : null}
      {role === 'OWNER' ? (
        <ExportPanel api={api} eventId={eventId} live={live === 'live'} finished={finishedExport} />
      ) : null}
      {role === 'OWNER' ? (
        <ReviewQueue
          photos={pendingReview}
          onApprove={(chosen) => review(chosen, true)}
          onDelete={(chosen) => review(chosen, false)}
        />
      ) : null}
      {mayUpload && policy ? <UploadArea policy={policy} uploads={uploads} /> : null}
      {policyError ? (
        <p role="alert" className="error">
          Uploads are unavailable: {policyError}
        </p>
      ) : null}
      <Gallery
        photos={gallery.photos.filter((photo) => photo.reviewStatus !== 'PENDING')}
        error={gallery.error}
        loading={gallery.loading}
        hasMore={gallery.hasMore}
        onLoadMore={gallery.loadMore}
        canDelete={(photo) => role === 'OWNER' || (role === 'CONTRIBUTOR' && photo.uploadedBy === userId)}
        canHide={role === 'OWNER'}
        onDelete={(photo) => void gallery.remove(photo)}
        canDownloadOriginal={(photo) => role === 'OWNER' || photo.uploadedBy === userId}
        onDownloadOriginal={(photo) => void downloadOriginal(api, eventId, photo)}
        onHide={(photo, hidden) => void hide(photo, hidden)}
        live={live}
      />
    </div>
  );
}
