import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Photo, PhotosApi, UploadPolicy } from '../api';
import { partOf, sha256Base64 } from './multipart';
import { browserResumeStore, type ResumeStore, type UnfinishedUpload } from './resumeStore';
import { goesInParts, runUpload, uploadRequestOf } from './runUpload';
import { titleFromFileName } from './upload';
import type { UploadActions, UploadEntry } from './uploadEntry';
import { createUploadQueue } from './uploadQueue';
import { createUploadStarter, type UploadStarter } from './uploadStarter';

/**
 * The event page's uploads: at most a few at once, started in batches (one request for many photos, 429s waited
 * out); uploads in parts can be paused and resumed, pause by themselves
 * when the browser goes offline and resume when it is back, and come back after a reload (from IndexedDB).
 * Leaving the page stops every upload and poll of it.
 */
export function useUploads(
  api: PhotosApi,
  eventId: string,
  policy: UploadPolicy | null,
  onReady: (photo: Photo) => void,
  store: ResumeStore = defaultStore,
) {
  const [entries, setEntries] = useState<UploadEntry[]>([]);
  const current = useRef(entries);
  current.current = entries;
  const update = useCallback((id: string, change: Partial<UploadEntry>) => {
    setEntries((all) => all.map((entry) => (entry.id === id ? { ...entry, ...change } : entry)));
  }, []);

  const queue = useMemo(() => createUploadQueue(), []);
  const running = useRef(new Map<string, AbortController>());
  const leaving = useRef(false);
  const starter = useRef<UploadStarter | undefined>(undefined);
  /** Uploads asked to start that have no slot yet, in the order they will get one. */
  const waiting = useRef(new Map<string, UploadEntry>());
  const currentPolicy = useRef(policy);
  currentPolicy.current = policy;
  // one starter for the page's life (a policy arriving later must not end the uploads running)
  useEffect(() => {
    const controllers = running.current;
    const lifetime = new AbortController();
    leaving.current = false;
    // what waits behind an upload whose turn has come: started with it, as long as it goes as one PUT
    const upcoming = () =>
      [...waiting.current.values()]
        .filter((entry) => !entry.photoId && !goesInParts(entry.file, currentPolicy.current))
        .map((entry) => ({ id: entry.id, request: uploadRequestOf(entry) }));
    starter.current = createUploadStarter(api, eventId, { upcoming, signal: lifetime.signal });
    return () => {
      leaving.current = true;
      lifetime.abort();
      controllers.forEach((controller) => controller.abort());
    };
  }, [api, eventId]);

  const start = useCallback(
    (entry: UploadEntry) => {
      update(entry.id, { state: 'queued', error: undefined, failure: undefined, pausedBy: undefined });
      waiting.current.set(entry.id, entry);
      void queue.add(async () => {
        waiting.current.delete(entry.id);
        if (leaving.current) return;
        const controller = new AbortController();
        running.current.set(entry.id, controller);
        const { signal } = controller;
        const photo = await runUpload(
          api,
          eventId,
          entry,
          (change) => {
            if (!signal.aborted) update(entry.id, change);
          },
          signal,
          { multipart: policy?.multipart, store, starter: starter.current },
        );
        // a paused upload resumed at once has a new controller by now: only forget our own
        if (running.current.get(entry.id) === controller) running.current.delete(entry.id);
        if (photo && !signal.aborted) onReady(photo);
      });
    },
    [api, eventId, policy, store, update, queue, onReady],
  );

  const pause = useCallback(
    (entry: UploadEntry, pausedBy: 'user' | 'offline') => {
      running.current.get(entry.id)?.abort();
      update(entry.id, { state: 'paused', pausedBy });
    },
    [update],
  );

  // Offline: pause what can resume (uploads in parts); back online: resume what going offline paused.
  useEffect(() => {
    const offline = () =>
      current.current
        .filter((entry) => entry.state === 'uploading' && entry.photoId)
        .forEach((entry) => pause(entry, 'offline'));
    const online = () =>
      current.current.filter((entry) => entry.state === 'paused' && entry.pausedBy === 'offline').forEach(start);
    window.addEventListener('offline', offline);
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('offline', offline);
      window.removeEventListener('online', online);
    };
  }, [pause, start]);

  // Unfinished uploads of this event from an earlier visit continue by themselves (if the file could be kept).
  useEffect(() => {
    let cancelled = false;
    store.forEvent(eventId).then(
      (unfinished) => {
        if (cancelled || unfinished.length === 0) return;
        const restored = unfinished.map(restoredEntry);
        setEntries((all) => [...all, ...restored]);
        restored.filter((entry) => !entry.needsFile && navigator.onLine).forEach(start);
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
    // once per page: later changes of start (a policy arriving) must not restore twice
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [eventId, store]);

  const addFiles = (files: File[]) => {
    setEntries((all) => [
      ...all,
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

  const actions: UploadActions = {
    onChange: update,
    onChangeAll: ({ title, description }) =>
      setEntries((all) =>
        all.map((entry) =>
          entry.state !== 'pending'
            ? entry
            : {
                ...entry,
                ...(title === undefined ? {} : { title: title.trim() ? title : titleFromFileName(entry.file.name) }),
                ...(description === undefined ? {} : { description }),
              },
        ),
      ),
    onRetry: start,
    onPause: (entry) => pause(entry, 'user'),
    onResume: start,
    onDiscard: (entry) => {
      setEntries((all) => all.filter((e) => e.id !== entry.id));
      if (entry.photoId) {
        void api.abortUpload(eventId, entry.photoId).catch(() => undefined);
        void store.remove(entry.photoId);
      }
    },
    onReselect: (entry, file) => {
      void sameFile(file, entry.needsFile).then((same) => {
        if (!same) {
          update(entry.id, {
            error: `${file.name} is not the file this upload started with`,
            failure: { kind: 'not-same-file', name: file.name },
          });
          return;
        }
        const resumed = { ...entry, file, needsFile: undefined, error: undefined };
        update(entry.id, { file, needsFile: undefined, error: undefined });
        start(resumed);
      });
    },
  };

  return { entries, addFiles, start, actions };
}

const defaultStore = browserResumeStore();

function restoredEntry(upload: UnfinishedUpload): UploadEntry {
  return {
    id: crypto.randomUUID(),
    file: upload.file ?? new File([], upload.fileName, { type: upload.contentType }),
    title: upload.title,
    description: upload.description,
    state: 'paused',
    progress: 0,
    photoId: upload.photoId,
    pausedBy: 'user',
    needsFile: upload.file
      ? undefined
      : { size: upload.size, firstPartSha256: upload.firstPartSha256, partSize: upload.partSize },
  };
}

/** The same file as before a reload: the same size, and the same first part. */
async function sameFile(file: File, expected: UploadEntry['needsFile']): Promise<boolean> {
  if (!expected || file.size !== expected.size) return false;
  return (await sha256Base64(partOf(file, 1, expected.partSize))) === expected.firstPartSha256;
}
