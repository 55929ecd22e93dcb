/** One file on its way: chosen, waiting for a slot, uploading, paused, processing, and how it ended. */
export type UploadState = 'pending' | 'queued' | 'uploading' | 'paused' | 'processing' | 'ready' | 'failed';

/** Why an upload failed, in terms the page can put in its own language. */
export type UploadFailure =
  | { kind: 'rejected'; reason?: string }
  | { kind: 'not-processed' }
  | { kind: 'error'; error: unknown }
  | { kind: 'not-same-file'; name: string };

export interface UploadEntry {
  id: string;
  file: File;
  title: string;
  description: string;
  state: UploadState;
  progress: number;
  /** The failure in English (logs, tests); what the page shows comes from {@code failure}. */
  error?: string;
  failure?: UploadFailure;
  /** Not an error: S3 already held this photo when it was sent again (an earlier try got through). */
  notice?: 'already-uploaded';
  /** Set once an upload in parts has started: pausing keeps it, resuming continues it. */
  photoId?: string;
  /** Why it is paused: the user, or the browser going offline (it resumes by itself when back online). */
  pausedBy?: 'user' | 'offline';
  /** Restored after a reload without its file: the user selects it again (checked by size and first part). */
  needsFile?: { size: number; firstPartSha256: string; partSize: number };
}

/** What the upload list lets the user do with each entry. */
export interface UploadActions {
  onChange: (id: string, change: Partial<UploadEntry>) => void;
  /** The same title or description for every photo not started yet (an empty title: each its file name again). */
  onChangeAll: (change: { title?: string; description?: string }) => void;
  onRetry: (entry: UploadEntry) => void;
  onPause: (entry: UploadEntry) => void;
  onResume: (entry: UploadEntry) => void;
  onDiscard: (entry: UploadEntry) => void;
  onReselect: (entry: UploadEntry, file: File) => void;
}
