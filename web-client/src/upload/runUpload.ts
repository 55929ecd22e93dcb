import { ApiError, type Photo, type PhotosApi } from '../api';
import { putToS3 } from './upload';
import type { UploadEntry } from './uploadEntry';

const POLL_INTERVAL_MS = 1000;
const POLL_LIMIT_MS = 60_000;

/**
 * initiate-upload → PUT to S3 with the returned headers → wait until the processor made it READY.
 * Waiting polls the event's listing (a new photo is the newest): polling GET /photos/{id} would log a
 * 404 in the browser console until the record exists. That endpoint is asked once, at the end, for the
 * reason of a photo that never became READY.
 */
export async function runUpload(api: PhotosApi, eventId: string, entry: UploadEntry,
                                update: (change: Partial<UploadEntry>) => void): Promise<Photo | null> {
  update({ state: 'uploading', progress: 0, error: undefined });
  try {
    const upload = await api.initiateUpload(eventId, {
      title: entry.title,
      description: entry.description,
      contentType: entry.file.type,
      contentLength: entry.file.size,
    });
    await putToS3(upload, entry.file, (progress) => update({ progress }));
    update({ state: 'processing', progress: 1 });
    const deadline = Date.now() + POLL_LIMIT_MS;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
      const listed = (await api.listPhotos(eventId, null, 50)).items.find((p) => p.photoId === upload.photoId);
      if (listed) {
        update({ state: 'ready' });
        return listed;
      }
      if (Date.now() + POLL_INTERVAL_MS >= deadline) break;
    }
    const record = await api.getPhoto(eventId, upload.photoId);
    update({
      state: 'failed',
      error: record?.status === 'REJECTED'
        ? record.rejectionReason ?? 'the upload was rejected'
        : 'the photo was not processed within a minute',
    });
  } catch (e) {
    update({ state: 'failed', error: e instanceof ApiError || e instanceof Error ? e.message : String(e) });
  }
  return null;
}
