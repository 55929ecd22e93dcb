import { useCallback, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Trans, useTranslation } from 'react-i18next';
import * as Tabs from '@radix-ui/react-tabs';
import type { EventSummary, Photo, PhotosApi, UploadPolicy } from '../api';
import { InvitePanel } from './InvitePanel';
import { Gallery } from './Gallery';
import { ReviewQueue } from './ReviewQueue';
import { useUploads } from '../upload/useUploads';
import { UploadArea } from './UploadArea';
import { usePhotoPages } from './usePhotoPages';
import { WallPanel } from './WallPanel';
import { ExportPanel } from './ExportPanel';
import { useOpenPhoto, ViewerRoute } from './ViewerRoute';
import type { ViewerActions } from './PhotoViewer';
import { downloadOriginal } from './downloadOriginal';
import { useLiveGallery } from '../live/useLiveGallery';
import { errorText } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

/** One page per event: moving to another event starts afresh (its own uploads, gallery and abort signal). */
export function EventPage({ api, userId }: { api: PhotosApi; userId: string }) {
  const { eventId = '' } = useParams();
  return <EventPageOf key={eventId} api={api} eventId={eventId} userId={userId} />;
}

/** The event and the user's role in it first: what the page offers depends on it. */
function EventPageOf({ api, eventId, userId }: { api: PhotosApi; eventId: string; userId: string }) {
  const [event, setEvent] = useState<EventSummary | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const { t } = useTranslation();
  useEffect(() => {
    api.getEvent(eventId).then(setEvent, (e: unknown) => setError(e));
  }, [api, eventId]);

  if (error)
    return (
      <p role="alert" className="error">
        {t('event.couldNotOpen', { detail: errorText(t, error) })}
      </p>
    );
  if (event === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (event === null) {
    return (
      <section>
        <h1>{t('event.notFound')}</h1>
        <p>
          <Trans
            i18nKey="event.notFoundText"
            values={{ eventId }}
            components={{ id: <span className="event-id" />, home: <Link to="/" /> }}
          />
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
  const [policyError, setPolicyError] = useState<unknown>(null);
  const { t, i18n } = useTranslation();
  const gallery = usePhotoPages(api, eventId);
  const [finishedExport, setFinishedExport] = useState<{ exportId: string; seen: number } | null>(null);
  const live = useLiveGallery(api, eventId, gallery, {
    seesHidden: role === 'OWNER',
    onExportFinished: (exportId) => setFinishedExport((last) => ({ exportId, seen: (last?.seen ?? 0) + 1 })),
  });
  const [pendingReview, setPendingReview] = useState<Photo[]>([]);

  useEffect(() => {
    if (mayUpload) api.uploadPolicy().then(setPolicy, (e: unknown) => setPolicyError(e));
  }, [api, mayUpload]);

  useEffect(() => {
    if (role !== 'OWNER') return;
    api.listPhotos(eventId, null, 100, 'pending').then(
      (page) => setPendingReview(page.items),
      (e: unknown) => gallery.setError(t('event.reviewQueueFailed', { detail: errorText(t, e) })),
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
          : t(approve ? 'event.approveFailed' : 'event.deleteFailed', {
              titles: failed.map((photo) => `“${photo.title}”`).join(', '),
            }),
      );
    },
    [api, eventId, add, setPhotos, setError, t],
  );

  const hide = useCallback(
    async (photo: Photo, hidden: boolean) => {
      try {
        await api.setHidden(eventId, photo.photoId, hidden);
        setPhotos((current) => current.map((p) => (p.photoId === photo.photoId ? { ...p, hidden } : p)));
      } catch (e) {
        setError(t('event.changeFailed', { title: photo.title, detail: errorText(t, e) }));
      }
    },
    [api, eventId, setPhotos, setError, t],
  );

  const showReady = useCallback((photo: Photo) => add([photo]), [add]);
  const uploads = useUploads(api, eventId, policy, showReady);

  const base = `/events/${encodeURIComponent(eventId)}`;
  const openPhoto = useOpenPhoto(base);
  const visible = gallery.photos.filter((photo) => photo.reviewStatus !== 'PENDING');
  const fetchMissing = useCallback(
    (photoId: string) =>
      void api.getPhoto(eventId, photoId).then(
        (photo) => (photo ? add([photo]) : setError(t('viewer.notFound'))),
        (e: unknown) => setError(errorText(t, e)),
      ),
    [api, eventId, add, setError, t],
  );
  const photoActions: ViewerActions = {
    canDownloadOriginal: (photo) => role === 'OWNER' || photo.uploadedBy === userId,
    canHide: role === 'OWNER',
    canDelete: (photo) => role === 'OWNER' || (role === 'CONTRIBUTOR' && photo.uploadedBy === userId),
    onDownloadOriginal: (photo) => void downloadOriginal(api, eventId, photo),
    onHide: (photo, hidden) => void hide(photo, hidden),
    onDelete: (photo) => void gallery.remove(photo),
  };

  const photosPanel = (
    <>
      {mayUpload && policy ? <UploadArea policy={policy} uploads={uploads} /> : null}
      <ErrorAlert message={policyError ? t('event.uploadsUnavailable', { detail: errorText(t, policyError) }) : null} />
      <Gallery
        photos={visible}
        error={gallery.error}
        loading={gallery.loading}
        hasMore={gallery.hasMore}
        onLoadMore={gallery.loadMore}
        {...photoActions}
        live={live}
        viewerBase={`${base}/photos`}
        onOpen={openPhoto}
      />
      <ViewerRoute photos={visible} base={base} actions={photoActions} onMissing={fetchMissing} />
    </>
  );

  return (
    <div className="event">
      <h1>
        <bdi>{event.name}</bdi>
      </h1>
      <p className="muted">{t(`event.youAre_${role}`)}</p>
      {role === 'OWNER' ? (
        // Gallery first: the organiser's tools are one tap away in tabs, never stacked above the photos.
        // forceMount keeps each tab's state (a running export, a new invite link) while another is shown.
        <Tabs.Root defaultValue="photos" className="event-tabs" activationMode="manual">
          <Tabs.List className="tab-list" aria-label={t('event.tabs')}>
            <Tabs.Trigger value="photos">{t('event.tabPhotos')}</Tabs.Trigger>
            <Tabs.Trigger value="review">
              {t('event.tabReview')}{' '}
              <span className="count" data-testid="review-count">
                {pendingReview.length.toLocaleString(i18n.language)}
              </span>
            </Tabs.Trigger>
            <Tabs.Trigger value="guests">{t('event.tabGuests')}</Tabs.Trigger>
            <Tabs.Trigger value="wall">{t('event.tabWall')}</Tabs.Trigger>
            <Tabs.Trigger value="downloads">{t('event.tabDownloads')}</Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="photos" forceMount className="tab-panel">
            {photosPanel}
          </Tabs.Content>
          <Tabs.Content value="review" forceMount className="tab-panel">
            <ReviewQueue
              photos={pendingReview}
              onApprove={(chosen) => review(chosen, true)}
              onDelete={(chosen) => review(chosen, false)}
            />
          </Tabs.Content>
          <Tabs.Content value="guests" forceMount className="tab-panel">
            <InvitePanel api={api} eventId={eventId} eventName={event.name} />
          </Tabs.Content>
          <Tabs.Content value="wall" forceMount className="tab-panel">
            <WallPanel api={api} eventId={eventId} />
          </Tabs.Content>
          <Tabs.Content value="downloads" forceMount className="tab-panel">
            <ExportPanel api={api} eventId={eventId} live={live === 'live'} finished={finishedExport} />
          </Tabs.Content>
        </Tabs.Root>
      ) : (
        photosPanel
      )}
    </div>
  );
}
