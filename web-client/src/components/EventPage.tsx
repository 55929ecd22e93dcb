import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import type { Photo, PhotosApi, UploadPolicy } from '../api';
import { DropZone } from './DropZone';
import { Gallery } from './Gallery';
import { UploadList, type UploadEntry } from './UploadList';
import { runUpload } from '../upload/runUpload';
import { createUploadQueue } from '../upload/uploadQueue';
import { uploadAnnouncement } from '../upload/announcement';
import { titleFromFileName } from '../upload/upload';
import { mergeNewestFirst } from '../photos';

/** One page per event: moving to another event starts afresh (its own uploads, gallery and abort signal). */
export function EventPage({ api }: { api: PhotosApi }) {
  const { eventId = '' } = useParams();
  return <EventPageOf key={eventId} api={api} eventId={eventId} />;
}

function EventPageOf({ api, eventId }: { api: PhotosApi; eventId: string }) {
  const [policy, setPolicy] = useState<UploadPolicy | null>(null);
  const [policyError, setPolicyError] = useState<string | null>(null);
  const [entries, setEntries] = useState<UploadEntry[]>([]);
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
    api.uploadPolicy().then(setPolicy, (e: Error) => setPolicyError(e.message));
  }, [api]);

  const update = useCallback((id: string, change: Partial<UploadEntry>) => {
    setEntries((current) => current.map((entry) => (entry.id === id ? { ...entry, ...change } : entry)));
  }, []);

  // Leaving the page stops every upload and poll of this page; at most a few uploads run at once.
  const leaving = useRef<AbortController | null>(null);
  const queue = useMemo(() => createUploadQueue(), []);
  useEffect(() => {
    const controller = new AbortController();
    leaving.current = controller;
    return () => controller.abort();
  }, []);

  const start = useCallback((entry: UploadEntry) => {
    update(entry.id, { state: 'queued', error: undefined });
    const signal = leaving.current?.signal;
    if (!signal) return;
    void queue.add(() => runUpload(api, eventId, entry, (change) => {
      if (!signal.aborted) update(entry.id, change);
    }, signal).then((photo) => {
      if (photo && !signal.aborted) setPhotos((current) => mergeNewestFirst(current, [photo]));
    }));
  }, [api, eventId, update, queue]);

  const addFiles = (files: File[]) => {
    setEntries((current) => [
      ...current,
      ...files.map((file) => ({
        id: crypto.randomUUID(),
        file,
        title: titleFromFileName(file.name),
        description: '',
        state: 'pending' as const,
        progress: 0,
      })),
    ]);
  };

  const pending = entries.filter((e) => e.state === 'pending');
  return (
    <div className="event">
      <h1>Event <span className="event-id">{eventId}</span></h1>
      {policy ? <DropZone policy={policy} onFiles={addFiles} /> : null}
      {policyError ? <p role="alert" className="error">Uploads are unavailable: {policyError}</p> : null}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="upload-announcement">
        {uploadAnnouncement(entries)}
      </p>
      <UploadList entries={entries} onChange={update} onRetry={start} />
      {pending.length > 0 ? (
        <button type="button" className="primary" onClick={() => pending.forEach(start)}>
          Upload {pending.length} photo{pending.length === 1 ? '' : 's'}
        </button>
      ) : null}
      <Gallery photos={photos} error={galleryError} loading={loading} hasMore={nextToken !== null}
               onLoadMore={() => loadPage(nextToken)} />
    </div>
  );
}
