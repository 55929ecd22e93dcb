import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { failureText } from '../upload/announcement';
import type { UploadActions, UploadEntry } from '../upload/uploadEntry';

export type { UploadActions, UploadEntry } from '../upload/uploadEntry';

function stateLabel(t: TFunction, language: string, entry: UploadEntry): string {
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(
    Math.round(entry.progress * 100) / 100,
  );
  if (entry.state === 'uploading') return t('upload.uploadingAt', { percent });
  if (entry.state === 'paused') {
    if (entry.needsFile) return t('upload.pausedReselect', { percent, name: entry.file.name });
    return entry.pausedBy === 'offline' ? t('upload.pausedOffline', { percent }) : t('upload.pausedAt', { percent });
  }
  const label = t(`upload.state_${entry.state}`);
  return entry.notice === 'already-uploaded' && entry.state !== 'failed'
    ? t('upload.alreadyUploaded', { state: label })
    : label;
}

/** From this many files on, the picker shows a compact grid: on a phone, 50 cards with two fields are a long scroll. */
export const COMPACT_FROM = 6;

export function UploadList({ entries, actions }: { entries: UploadEntry[]; actions: UploadActions }) {
  const { t, i18n } = useTranslation();
  if (entries.length === 0) return null;
  if (entries.length >= COMPACT_FROM) return <UploadGrid entries={entries} actions={actions} />;
  return (
    <ul className="uploads">
      {entries.map((entry) => (
        <li key={entry.id} className={`upload ${entry.state}`} data-testid="upload-item">
          <div className="fields">
            <label>
              {t('upload.title')}
              <input
                value={entry.title}
                maxLength={200}
                disabled={entry.state !== 'pending'}
                onChange={(e) => actions.onChange(entry.id, { title: e.target.value })}
              />
            </label>
            <label>
              {t('upload.description')}
              <textarea
                value={entry.description}
                maxLength={1000}
                disabled={entry.state !== 'pending'}
                onChange={(e) => actions.onChange(entry.id, { description: e.target.value })}
              />
            </label>
          </div>
          <div className="status">
            <span className="file-name">{entry.file.name}</span>
            <progress
              max={100}
              value={Math.round(entry.progress * 100)}
              aria-label={t('upload.progressOf', { name: entry.file.name })}
            />
            <span className="state" data-state={entry.state}>
              {stateLabel(t, i18n.language, entry)}
            </span>
            {entry.state === 'uploading' && entry.photoId ? (
              <button type="button" onClick={() => actions.onPause(entry)}>
                {t('upload.pause', { name: entry.file.name })}
              </button>
            ) : null}
            {entry.state === 'paused' && entry.needsFile ? (
              <label className="reselect">
                {t('upload.select', { name: entry.file.name })}
                <input
                  type="file"
                  accept={entry.file.type || 'image/*'}
                  onChange={(e) => {
                    const file = e.target.files?.[0];
                    if (file) actions.onReselect(entry, file);
                  }}
                />
              </label>
            ) : null}
            {entry.state === 'paused' && !entry.needsFile ? (
              <button type="button" onClick={() => actions.onResume(entry)}>
                {t('upload.resume', { name: entry.file.name })}
              </button>
            ) : null}
            {entry.state === 'paused' ? (
              <button type="button" onClick={() => actions.onDiscard(entry)}>
                {t('upload.discard', { name: entry.file.name })}
              </button>
            ) : null}
            <FailedActions entry={entry} actions={actions} />
          </div>
        </li>
      ))}
    </ul>
  );
}

function FailedActions({ entry, actions }: { entry: UploadEntry; actions: UploadActions }) {
  const { t } = useTranslation();
  if (entry.state !== 'failed') return null;
  return (
    <>
      <span role="alert" className="error">
        {failureText(t, entry)}
      </span>
      <button
        type="button"
        onClick={() => actions.onRetry(entry)}
        aria-label={t('upload.retryNamed', { name: entry.file.name })}
      >
        {t('upload.retry')}
      </button>
    </>
  );
}

/**
 * Many files: a thumbnail and a state per file, one progress bar for all, and a title and description for all at
 * once (each photo's title is its file name otherwise).
 */
function UploadGrid({ entries, actions }: { entries: UploadEntry[]; actions: UploadActions }) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const { t, i18n } = useTranslation();
  const anyPending = entries.some((entry) => entry.state === 'pending');
  const done = entries.filter((entry) => entry.state === 'ready').length;
  const failed = entries.filter((entry) => entry.state === 'failed').length;
  const overall =
    entries.reduce((sum, entry) => sum + entry.file.size * (entry.state === 'ready' ? 1 : entry.progress), 0) /
    Math.max(
      1,
      entries.reduce((sum, entry) => sum + entry.file.size, 0),
    );
  return (
    <section aria-label={t('upload.uploads')} className="upload-grid-section">
      {anyPending ? (
        <div className="bulk-fields">
          <label>
            {t('upload.titleAll')}
            <input
              value={title}
              maxLength={200}
              placeholder={t('upload.titlePlaceholder')}
              onChange={(e) => {
                setTitle(e.target.value);
                actions.onChangeAll({ title: e.target.value });
              }}
            />
          </label>
          <label>
            {t('upload.descriptionAll')}
            <input
              value={description}
              maxLength={1000}
              onChange={(e) => {
                setDescription(e.target.value);
                actions.onChangeAll({ description: e.target.value });
              }}
            />
          </label>
        </div>
      ) : null}
      <div className="overall">
        <progress max={100} value={Math.round(overall * 100)} aria-label={t('upload.overallProgress')} />
        <span>
          {failed > 0
            ? t('upload.summaryFailed', {
                summary: t('upload.summary', { done, count: entries.length }),
                failed,
              })
            : t('upload.summary', { done, count: entries.length })}
        </span>
      </div>
      <ul className="upload-grid">
        {entries.map((entry) => (
          <li key={entry.id} className={`tile ${entry.state}`} data-testid="upload-item">
            <Thumbnail file={entry.file} />
            <span className="file-name">{entry.file.name}</span>
            <span className="state" data-state={entry.state}>
              {stateLabel(t, i18n.language, entry)}
            </span>
            {entry.state === 'pending' ? (
              <button
                type="button"
                onClick={() => actions.onDiscard(entry)}
                aria-label={t('upload.removeNamed', { name: entry.file.name })}
              >
                {t('upload.remove')}
              </button>
            ) : null}
            <FailedActions entry={entry} actions={actions} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The picked file itself, shown small; decoded only when scrolled near (lazy), its object URL freed on removal. */
function Thumbnail({ file }: { file: File }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const objectUrl = URL.createObjectURL(file);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [file]);
  return url ? <img src={url} alt="" loading="lazy" decoding="async" /> : <span className="thumb-placeholder" />;
}
