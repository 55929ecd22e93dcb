import { useState } from 'react';
import { useDropzone, type FileRejection } from 'react-dropzone';
import type { UploadPolicy } from '../api';
import { formatBytes } from '../upload/upload';

/**
 * Keyboard accessible (Tab to it, Enter or Space opens the file picker); refuses, before any request, the types
 * and sizes the API's upload policy does not allow. As a {@code button} (the guest page, made for phones): one
 * large "Add photos" button that opens the picker, nothing to drag onto.
 */
export function DropZone({
  policy,
  onFiles,
  button = false,
}: {
  policy: UploadPolicy;
  onFiles: (files: File[]) => void;
  button?: boolean;
}) {
  const [rejections, setRejections] = useState<string[]>([]);
  const maxBytes = policy.maxContentLength;
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    noClick: button,
    noKeyboard: button,
    accept: Object.fromEntries(policy.contentTypes.map((type) => [type.mimeType, type.suffixes])),
    maxSize: maxBytes,
    multiple: true,
    onDrop: (accepted: File[], rejected: FileRejection[]) => {
      setRejections(rejected.map((r) => `${r.file.name}: ${describe(r, maxBytes)}`));
      if (accepted.length > 0) onFiles(accepted);
    },
  });
  const refused =
    rejections.length > 0 ? (
      <ul role="alert" className="rejections">
        {rejections.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    ) : null;
  if (button) {
    return (
      <div {...getRootProps({ className: 'add-photos' })}>
        <input {...getInputProps({ 'aria-label': 'Choose photos to upload' })} data-testid="file-input" />
        <button type="button" className="primary add-photos-button" onClick={open}>
          Add photos
        </button>
        <p className="muted">
          {typeNames(policy)} · up to {formatBytes(maxBytes)} each
        </p>
        {refused}
      </div>
    );
  }
  return (
    <>
      <div {...getRootProps({ className: `dropzone${isDragActive ? ' active' : ''}`, 'aria-label': 'Add photos' })}>
        <input {...getInputProps({ 'aria-label': 'Choose photos to upload' })} data-testid="file-input" />
        <p>{isDragActive ? 'Drop the photos here' : 'Drag photos here, or press Enter to choose'}</p>
        <p className="muted">
          {typeNames(policy)} · up to {formatBytes(maxBytes)} each
        </p>
      </div>
      {refused}
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
