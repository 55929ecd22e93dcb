/**
 * Uploads in parts that have not finished, kept in IndexedDB so that a reload or a reopened tab resumes them: the
 * photo id (S3 keeps the parts, the API lists them) and, where the browser allows, the file itself. Without the file
 * the user selects it again; it is recognised by its size and the SHA-256 of its first part.
 */
export interface UnfinishedUpload {
  photoId: string;
  eventId: string;
  fileName: string;
  size: number;
  contentType: string;
  /** Base64 SHA-256 of the first part: tells the same file from another of the same size. */
  firstPartSha256: string;
  partSize: number;
  title: string;
  description: string;
  /** The file itself, when the browser could store it. */
  file?: File;
}

export interface ResumeStore {
  save(upload: UnfinishedUpload): Promise<void>;
  remove(photoId: string): Promise<void>;
  forEvent(eventId: string): Promise<UnfinishedUpload[]>;
}

const DATABASE = 'event-photos';
const STORE = 'unfinished-uploads';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'photoId' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = action(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** The browser's IndexedDB; where there is none (old or private browsers), uploads simply do not survive a reload. */
export function browserResumeStore(): ResumeStore {
  if (typeof indexedDB === 'undefined') return memoryResumeStore();
  return {
    async save(upload) {
      try {
        await run('readwrite', (store) => store.put(upload));
      } catch {
        // some browsers refuse to store files: keep the rest, the user will select the file again
        await run('readwrite', (store) => store.put({ ...upload, file: undefined }));
      }
    },
    async remove(photoId) {
      await run('readwrite', (store) => store.delete(photoId));
    },
    async forEvent(eventId) {
      const all = await run<UnfinishedUpload[]>('readonly', (store) => store.getAll());
      return all.filter((upload) => upload.eventId === eventId);
    },
  };
}

export function memoryResumeStore(): ResumeStore {
  const uploads = new Map<string, UnfinishedUpload>();
  return {
    async save(upload) {
      uploads.set(upload.photoId, upload);
    },
    async remove(photoId) {
      uploads.delete(photoId);
    },
    async forEvent(eventId) {
      return [...uploads.values()].filter((upload) => upload.eventId === eventId);
    },
  };
}
