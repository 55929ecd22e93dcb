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
  return LABELS[entry.state];
}

export function UploadList({ entries, actions }: { entries: UploadEntry[]; actions: UploadActions }) {
  if (entries.length === 0) return null;
  return (
    <ul className="uploads">
      {entries.map((entry) => (
        <li key={entry.id} className={`upload ${entry.state}`} data-testid="upload-item">
          <div className="fields">
            <label>
              Title
              <input value={entry.title} maxLength={200} disabled={entry.state !== 'pending'}
                     onChange={(e) => actions.onChange(entry.id, { title: e.target.value })} />
            </label>
            <label>
              Description
              <textarea value={entry.description} maxLength={1000} disabled={entry.state !== 'pending'}
                        onChange={(e) => actions.onChange(entry.id, { description: e.target.value })} />
            </label>
          </div>
          <div className="status">
            <span className="file-name">{entry.file.name}</span>
            <progress max={100} value={Math.round(entry.progress * 100)} aria-label={`upload progress of ${entry.file.name}`} />
            <span className="state" data-state={entry.state}>{stateLabel(entry)}</span>
            {entry.state === 'uploading' && entry.photoId ? (
              <button type="button" onClick={() => actions.onPause(entry)}>Pause {entry.file.name}</button>
            ) : null}
            {entry.state === 'paused' && entry.needsFile ? (
              <label className="reselect">
                Select {entry.file.name}
                <input type="file" accept={entry.file.type || 'image/*'}
                       onChange={(e) => { const file = e.target.files?.[0]; if (file) actions.onReselect(entry, file); }} />
              </label>
            ) : null}
            {entry.state === 'paused' && !entry.needsFile ? (
              <button type="button" onClick={() => actions.onResume(entry)}>Resume {entry.file.name}</button>
            ) : null}
            {entry.state === 'paused' ? (
              <button type="button" onClick={() => actions.onDiscard(entry)}>Discard {entry.file.name}</button>
            ) : null}
            {entry.state === 'failed' ? (
              <>
                <span role="alert" className="error">{entry.error}</span>
                <button type="button" onClick={() => actions.onRetry(entry)}>Retry</button>
              </>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
