/** One file on its way: chosen, waiting for a slot, uploading, processing, and how it ended. */
export type UploadState = 'pending' | 'queued' | 'uploading' | 'processing' | 'ready' | 'failed';

export interface UploadEntry {
  id: string;
  file: File;
  title: string;
  description: string;
  state: UploadState;
  progress: number;
  error?: string;
}
