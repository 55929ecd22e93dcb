import { useCallback, useEffect, useRef, useState } from 'react';
import type { PhotoExport, PhotosApi } from '../api';

/** How often a running export is asked about (it takes seconds to minutes; the page shows its progress). */
export const EXPORT_POLL_MS = 2000;
/** With the live channel up, the end arrives as an event: asking only refreshes the progress bar. */
export const EXPORT_LIVE_POLL_MS = 15000;

/**
 * For owners: every photo's original in ZIP archives (at most 4 GiB each), built in the background. The links
 * download straight from storage, one archive at a time, so nothing is held in the browser's memory.
 */
export function ExportPanel({
  api,
  eventId,
  pollMs = EXPORT_POLL_MS,
  live = false,
  finished = null,
}: {
  api: PhotosApi;
  eventId: string;
  pollMs?: number;
  /** Whether the event's live channel is connected: it announces the end, so the panel asks far less often. */
  live?: boolean;
  /** The last export the live channel said finished (seen counts announcements, so each one is acted on). */
  finished?: { exportId: string; seen: number } | null;
}) {
  const [current, setCurrent] = useState<PhotoExport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const follow = useCallback(
    (job: PhotoExport) => {
      setCurrent(job);
      if (timer.current) clearTimeout(timer.current);
      if (job.status === 'QUEUED' || job.status === 'RUNNING') {
        timer.current = setTimeout(
          () => {
            api
              .getExport(eventId, job.exportId)
              .then(follow, (e: Error) => setError(`could not check the export: ${e.message}`));
          },
          live ? Math.max(pollMs, EXPORT_LIVE_POLL_MS) : pollMs,
        );
      }
    },
    [api, eventId, pollMs, live],
  );

  useEffect(() => {
    if (!finished) return;
    api
      .getExport(eventId, finished.exportId)
      .then(follow, (e: Error) => setError(`could not check the export: ${e.message}`));
  }, [api, eventId, finished, follow]);

  useEffect(() => {
    api.listExports(eventId).then(
      (page) => {
        if (page.items.length > 0) follow(page.items[0]);
      },
      () => {
        /* no earlier export to show */
      },
    );
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [api, eventId, follow]);

  const start = async () => {
    setStarting(true);
    try {
      follow(await api.startExport(eventId));
      setError(null);
    } catch (e) {
      setError(`could not start the export: ${(e as Error).message}`);
    } finally {
      setStarting(false);
    }
  };

  const running = current?.status === 'QUEUED' || current?.status === 'RUNNING';
  return (
    <section aria-label="Download all photos" className="export-panel">
      <h2>Download all photos</h2>
      <p className="muted">
        Every photo guests and members see, as its original file (as uploaded, with its camera data and location), in
        ZIP archives of at most 4 GiB. Links stay valid for 7 days.
      </p>
      <button type="button" onClick={() => void start()} disabled={starting || running}>
        {running ? 'Preparing…' : 'Download all photos'}
      </button>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {current && running ? (
        <p role="status">
          <label>
            Preparing {current.photos > 0 ? `${current.photos} photos` : 'the photos'}:{' '}
            <progress max={1} value={current.progress} aria-label="Export progress" />{' '}
            {Math.round(current.progress * 100)} %
          </label>
        </p>
      ) : null}
      {current?.status === 'WITHDRAWN' ? (
        <p role="status" data-testid="export-withdrawn">
          The last archive was withdrawn: {current.withdrawnReason ?? 'a photo in it was deleted'}. Its links no longer
          work; download all photos again for a fresh one.
        </p>
      ) : null}
      {current?.status === 'FAILED' ? (
        <p role="alert" className="error">
          The export failed{current.error ? `: ${current.error}` : ''}. Try again.
        </p>
      ) : null}
      {current?.status === 'READY' ? (
        current.archives.length === 0 ? (
          <p role="status">There are no photos to download yet.</p>
        ) : (
          <ul className="archives" aria-label="Archives">
            {current.archives.map((archive, n) => (
              <li key={archive.url}>
                <a href={archive.url} download data-testid="archive-link">
                  {current.archives.length > 1 ? `Part ${n + 1} of ${current.archives.length}` : 'All photos'} (ZIP,{' '}
                  {archive.photos} photos, {formatBytes(archive.bytes)})
                </a>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
