import type { UploadEntry, UploadState } from '../upload/uploadEntry';

export type { UploadEntry } from '../upload/uploadEntry';

const LABELS: Record<UploadState, string> = {
  pending: 'ready to upload',
  queued: 'waiting',
  uploading: 'uploading',
  processing: 'processing',
  ready: 'ready',
  failed: 'failed',
};

export function UploadList({ entries, onChange, onRetry }: {
  entries: UploadEntry[];
  onChange: (id: string, change: Partial<UploadEntry>) => void;
  onRetry: (entry: UploadEntry) => void;
}) {
  if (entries.length === 0) return null;
  return (
    <ul className="uploads">
      {entries.map((entry) => (
        <li key={entry.id} className={`upload ${entry.state}`} data-testid="upload-item">
          <div className="fields">
            <label>
              Title
              <input value={entry.title} maxLength={200} disabled={entry.state !== 'pending'}
                     onChange={(e) => onChange(entry.id, { title: e.target.value })} />
            </label>
            <label>
              Description
              <textarea value={entry.description} maxLength={1000} disabled={entry.state !== 'pending'}
                        onChange={(e) => onChange(entry.id, { description: e.target.value })} />
            </label>
          </div>
          <div className="status">
            <span className="file-name">{entry.file.name}</span>
            <progress max={100} value={Math.round(entry.progress * 100)} aria-label={`upload progress of ${entry.file.name}`} />
            <span className="state" data-state={entry.state}>
              {LABELS[entry.state]}{entry.state === 'uploading' ? ` ${Math.round(entry.progress * 100)}%` : ''}
            </span>
            {entry.state === 'failed' ? (
              <>
                <span role="alert" className="error">{entry.error}</span>
                <button type="button" onClick={() => onRetry(entry)}>Retry</button>
              </>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
