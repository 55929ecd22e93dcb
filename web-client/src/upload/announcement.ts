import type { TFunction } from 'i18next';
import { errorText, i18n } from '../i18n';
import type { UploadEntry } from './uploadEntry';

/**
 * What a screen reader hears about the uploads (the page's live region): how many of the started ones are done,
 * and the newest failure with its reason. Empty until an upload starts.
 */
export function uploadAnnouncement(entries: UploadEntry[], t: TFunction = i18n.t): string {
  const started = entries.filter((entry) => entry.state !== 'pending');
  if (started.length === 0) return '';
  const ready = started.filter((entry) => entry.state === 'ready').length;
  const failed = started.filter((entry) => entry.state === 'failed');
  const progress = t('upload.announce', { ready, count: started.length });
  const lastFailure = failed.at(-1);
  return lastFailure
    ? t('upload.announceFailed', { progress, name: lastFailure.file.name, why: failureText(t, lastFailure) })
    : progress;
}

/** Why an upload failed, in the page's language: the client's words, the server's only where it has none. */
export function failureText(t: TFunction, entry: UploadEntry): string {
  const failure = entry.failure;
  if (!failure) return entry.error ?? t('upload.unknownError');
  switch (failure.kind) {
    case 'rejected':
      return t('upload.rejected', { reason: failure.reason ?? t('upload.refusedPhoto') });
    case 'not-processed':
      return t('upload.notProcessed');
    case 'not-same-file':
      return t('upload.notSameFile', { name: failure.name });
    case 'error':
      return errorText(t, failure.error);
  }
}
