import { useState } from 'react';
import { useDropzone, type FileRejection } from 'react-dropzone';
import type { UploadPolicy } from '../api';
import { formatBytes } from '../upload/upload';

/**
 * Keyboard accessible (Tab to it, Enter or Space opens the file picker); refuses, before any request, the types
 * and sizes the API's upload policy does not allow.
 */
export function DropZone({ policy, onFiles }: { policy: UploadPolicy; onFiles: (files: File[]) => void }) {
  const [rejections, setRejections] = useState<string[]>([]);
  const maxBytes = policy.maxContentLength;
  const { getRootProps, getInputProps, isDragActive } = useDropzone({
    accept: Object.fromEntries(policy.contentTypes.map((type) => [type.mimeType, type.suffixes])),
    maxSize: maxBytes,
    multiple: true,
    onDrop: (accepted: File[], rejected: FileRejection[]) => {
      setRejections(rejected.map((r) => `${r.file.name}: ${describe(r, maxBytes)}`));
      if (accepted.length > 0) onFiles(accepted);
    },
  });
  return (
    <>
      <div {...getRootProps({ className: `dropzone${isDragActive ? ' active' : ''}`, 'aria-label': 'Add photos' })}>
        <input {...getInputProps({ 'aria-label': 'Choose photos to upload' })} data-testid="file-input" />
        <p>{isDragActive ? 'Drop the photos here' : 'Drag photos here, or press Enter to choose'}</p>
        <p className="muted">{typeNames(policy)} · up to {formatBytes(maxBytes)} each</p>
      </div>
      {rejections.length > 0 ? (
        <ul role="alert" className="rejections">
          {rejections.map((message) => <li key={message}>{message}</li>)}
        </ul>
      ) : null}
    </>
  );
}

/** "JPEG, PNG, WEBP, …" from the media types. */
export function typeNames(policy: UploadPolicy): string {
  return policy.contentTypes.map((type) => type.mimeType.replace('image/', '').toUpperCase()).join(', ');
}

function describe(rejection: FileRejection, maxBytes: number): string {
  const codes = rejection.errors.map((e) => e.code);
  if (codes.includes('file-too-large')) return `larger than ${formatBytes(maxBytes)}`;
  if (codes.includes('file-invalid-type')) return 'not a supported image type';
  return rejection.errors.map((e) => e.message).join(', ');
}
