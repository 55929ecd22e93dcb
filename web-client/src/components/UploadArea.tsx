import { useTranslation } from 'react-i18next';
import type { UploadPolicy } from '../api';
import { uploadAnnouncement } from '../upload/announcement';
import type { useUploads } from '../upload/useUploads';
import { DropZone } from './DropZone';
import { UploadList } from './UploadList';

/**
 * Where photos are picked and followed: the picker (a drop zone, or one large button on the guest page), what a
 * screen reader hears, the picked files, and the button that starts them.
 */
export function UploadArea({
  policy,
  uploads,
  button = false,
}: {
  policy: UploadPolicy;
  uploads: ReturnType<typeof useUploads>;
  button?: boolean;
}) {
  const { entries, addFiles, start, actions } = uploads;
  const { t } = useTranslation();
  const pending = entries.filter((e) => e.state === 'pending');
  return (
    <>
      <DropZone policy={policy} onFiles={addFiles} button={button} />
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="upload-announcement">
        {uploadAnnouncement(entries, t)}
      </p>
      <UploadList entries={entries} actions={actions} />
      {pending.length > 0 ? (
        <button type="button" className="primary" onClick={() => pending.forEach(start)}>
          {t('upload.start', { count: pending.length })}
        </button>
      ) : null}
    </>
  );
}
