import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhotoExport, PhotosApi } from '../api';
import { errorText, formatBytes } from '../i18n';
import { ErrorAlert } from './ErrorAlert';

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
  const { t } = useTranslation();
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
              .then(follow, (e: unknown) => setError(t('exports.checkFailed', { detail: errorText(t, e) })));
          },
          live ? Math.max(pollMs, EXPORT_LIVE_POLL_MS) : pollMs,
        );
      }
    },
    [api, eventId, pollMs, live, t],
  );

  useEffect(() => {
    if (!finished) return;
    api
      .getExport(eventId, finished.exportId)
      .then(follow, (e: unknown) => setError(t('exports.checkFailed', { detail: errorText(t, e) })));
  }, [api, eventId, finished, follow, t]);

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
      setError(t('exports.startFailed', { detail: errorText(t, e) }));
    } finally {
      setStarting(false);
    }
  };

  const running = current?.status === 'QUEUED' || current?.status === 'RUNNING';
  return (
    <section aria-label={t('exports.region')} className="export-panel">
      <h2>{t('exports.title')}</h2>
      <p className="muted">{t('exports.text')}</p>
      <button type="button" onClick={() => void start()} disabled={starting || running}>
        {running ? t('exports.preparing') : t('exports.start')}
      </button>
      <ErrorAlert message={error} />
      {current && running ? (
        <p role="status">
          <label>
            {current.photos > 0
              ? t('exports.preparingPhotos', { count: current.photos })
              : t('exports.preparingThePhotos')}{' '}
            <progress max={1} value={current.progress} aria-label={t('exports.progress')} />{' '}
            {Math.round(current.progress * 100)} %
          </label>
        </p>
      ) : null}
      {current?.status === 'WITHDRAWN' ? (
        <p role="status" data-testid="export-withdrawn">
          {t('exports.withdrawn', { reason: current.withdrawnReason ?? t('exports.withdrawnReason') })}
        </p>
      ) : null}
      {current?.status === 'FAILED' ? (
        <p role="alert" className="error">
          {current.error ? t('exports.failedDetail', { detail: current.error }) : t('exports.failed')}
        </p>
      ) : null}
      {current?.status === 'READY' ? (
        current.archives.length === 0 ? (
          <p role="status">{t('exports.nothing')}</p>
        ) : (
          <ul className="archives" aria-label={t('exports.archives')}>
            {current.archives.map((archive, n) => (
              <li key={archive.url}>
                <a href={archive.url} download data-testid="archive-link">
                  {t('exports.archive', {
                    name:
                      current.archives.length > 1
                        ? t('exports.part', { n: n + 1, total: current.archives.length })
                        : t('exports.all'),
                    count: archive.photos,
                    size: formatBytes(archive.bytes),
                  })}
                </a>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
