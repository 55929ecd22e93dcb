import { useEffect, useState } from 'react';
import type { UploadActions, UploadEntry, UploadState } from '../upload/uploadEntry';

export type { UploadActions, UploadEntry } from '../upload/uploadEntry';

const LABELS: Record<UploadState, string> = {
  pending: 'ready to upload',
  queued: 'waiting',
  uploading: 'uploading',
  paused: 'paused',
  processing: 'processing',
  ready: 'ready',
  failed: 'failed',
};

function stateLabel(entry: UploadEntry): string {
  if (entry.state === 'uploading') return `uploading ${Math.round(entry.progress * 100)}%`;
  if (entry.state === 'paused') {
    const at = `${Math.round(entry.progress * 100)}%`;
    if (entry.needsFile) return `paused at ${at}: select ${entry.file.name} again to resume`;
    return entry.pausedBy === 'offline' ? `paused at ${at}: offline, resumes when back online` : `paused at ${at}`;
  }
  const label = LABELS[entry.state];
  return entry.notice === 'already-uploaded' && entry.state !== 'failed' ? `${label} (already uploaded)` : label;
}

/** From this many files on, the picker shows a compact grid: on a phone, 50 cards with two fields are a long scroll. */
export const COMPACT_FROM = 6;

export function UploadList({ entries, actions }: { entries: UploadEntry[]; actions: UploadActions }) {
  if (entries.length === 0) return null;
  if (entries.length >= COMPACT_FROM) return <UploadGrid entries={entries} actions={actions} />;
  return (
    <ul className="uploads">
      {entries.map((entry) => (
        <li key={entry.id} className={`upload ${entry.state}`} data-testid="upload-item">
          <div className="fields">
            <label>
              Title
              <input
                value={entry.title}
                maxLength={200}
                disabled={entry.state !== 'pending'}
                onChange={(e) => actions.onChange(entry.id, { title: e.target.value })}
              />
            </label>
            <label>
              Description
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
              aria-label={`upload progress of ${entry.file.name}`}
            />
            <span className="state" data-state={entry.state}>
              {stateLabel(entry)}
            </span>
            {entry.state === 'uploading' && entry.photoId ? (
              <button type="button" onClick={() => actions.onPause(entry)}>
                Pause {entry.file.name}
              </button>
            ) : null}
            {entry.state === 'paused' && entry.needsFile ? (
              <label className="reselect">
                Select {entry.file.name}
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
                Resume {entry.file.name}
              </button>
            ) : null}
            {entry.state === 'paused' ? (
              <button type="button" onClick={() => actions.onDiscard(entry)}>
                Discard {entry.file.name}
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
  if (entry.state !== 'failed') return null;
  return (
    <>
      <span role="alert" className="error">
        {entry.error}
      </span>
      <button type="button" onClick={() => actions.onRetry(entry)} aria-label={`Retry ${entry.file.name}`}>
        Retry
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
    <section aria-label="Uploads" className="upload-grid-section">
      {anyPending ? (
        <div className="bulk-fields">
          <label>
            Title for all photos (optional)
            <input
              value={title}
              maxLength={200}
              placeholder="each photo's file name"
              onChange={(e) => {
                setTitle(e.target.value);
                actions.onChangeAll({ title: e.target.value });
              }}
            />
          </label>
          <label>
            Description for all photos (optional)
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
        <progress max={100} value={Math.round(overall * 100)} aria-label="overall upload progress" />
        <span>
          {done} of {entries.length} uploaded{failed > 0 ? `, ${failed} failed` : ''}
        </span>
      </div>
      <ul className="upload-grid">
        {entries.map((entry) => (
          <li key={entry.id} className={`tile ${entry.state}`} data-testid="upload-item">
            <Thumbnail file={entry.file} />
            <span className="file-name">{entry.file.name}</span>
            <span className="state" data-state={entry.state}>
              {stateLabel(entry)}
            </span>
            {entry.state === 'pending' ? (
              <button type="button" onClick={() => actions.onDiscard(entry)} aria-label={`Remove ${entry.file.name}`}>
                Remove
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
