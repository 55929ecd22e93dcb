import type { UploadEntry } from './uploadEntry';

/**
 * What a screen reader hears about the uploads (the page's live region): how many of the started ones are done,
 * and the newest failure with its reason. Empty until an upload starts.
 */
export function uploadAnnouncement(entries: UploadEntry[]): string {
  const started = entries.filter((entry) => entry.state !== 'pending');
  if (started.length === 0) return '';
  const ready = started.filter((entry) => entry.state === 'ready').length;
  const noun = started.length === 1 ? 'photo' : 'photos';
  const failed = started.filter((entry) => entry.state === 'failed');
  const progress = `${ready} of ${started.length} ${noun} uploaded`;
  const lastFailure = failed.at(-1);
  return lastFailure
    ? `${progress}; ${lastFailure.file.name} failed: ${lastFailure.error ?? 'unknown error'}`
    : progress;
}
