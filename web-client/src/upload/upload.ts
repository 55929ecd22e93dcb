import type { InitiatedUpload } from '../api';

/** Headers a browser refuses to set itself; it sends them anyway (Content-Length from the body). */
const FORBIDDEN = new Set(['content-length', 'host']);

/** PUTs the file to the presigned URL with exactly the returned headers, reporting progress (0..1). */
export function putToS3(upload: InitiatedUpload, file: Blob, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method || 'PUT', upload.s3PutObjectUrl);
    Object.entries(upload.headers).forEach(([name, value]) => {
      if (!FORBIDDEN.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    });
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
      } else {
        reject(new Error(`S3 refused the upload (${xhr.status})`));
      }
    };
    xhr.onerror = () => reject(new Error('network error while uploading to S3'));
    xhr.send(file);
  });
}

export function titleFromFileName(name: string): string {
  const dot = name.lastIndexOf('.');
  return (dot > 0 ? name.slice(0, dot) : name).slice(0, 200);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
