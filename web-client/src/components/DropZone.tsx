import { useEffect, useState } from 'react';
import { useDropzone, type FileRejection } from 'react-dropzone';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { UploadPolicy } from '../api';
import { formatBytes } from '../i18n';

/** A touch screen (no mouse to drag with): the page speaks of tapping, not of dragging. */
const TOUCH = '(pointer: coarse), (hover: none)';

export function useTouchScreen(): boolean {
  const [touch, setTouch] = useState(() => window.matchMedia?.(TOUCH).matches ?? false);
  useEffect(() => {
    const query = window.matchMedia?.(TOUCH);
    if (!query) return;
    const changed = () => setTouch(query.matches);
    query.addEventListener?.('change', changed);
    return () => query.removeEventListener?.('change', changed);
  }, []);
  return touch;
}

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
  const { t } = useTranslation();
  const touch = useTouchScreen();
  const maxBytes = policy.maxContentLength;
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({
    noClick: button,
    noKeyboard: button,
    accept: Object.fromEntries(policy.contentTypes.map((type) => [type.mimeType, type.suffixes])),
    maxSize: maxBytes,
    multiple: true,
    onDrop: (accepted: File[], rejected: FileRejection[]) => {
      setRejections(rejected.map((r) => t('upload.refused', { name: r.file.name, why: describe(t, r, maxBytes) })));
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
        <input {...getInputProps({ 'aria-label': t('upload.choose') })} data-testid="file-input" />
        <button type="button" className="primary add-photos-button" onClick={open}>
          {t('upload.addPhotos')}
        </button>
        <p className="muted">{t('upload.limits', { types: typeNames(policy), size: formatBytes(maxBytes) })}</p>
        {refused}
      </div>
    );
  }
  return (
    <>
      <div
        {...getRootProps({
          className: `dropzone${isDragActive ? ' active' : ''}`,
          'aria-label': t('upload.addPhotos'),
        })}
      >
        <input {...getInputProps({ 'aria-label': t('upload.choose') })} data-testid="file-input" />
        {touch ? (
          <p className="dropzone-title">{t('upload.addPhotos')}</p>
        ) : (
          <p>{isDragActive ? t('upload.drop') : t('upload.dragOrPress')}</p>
        )}
        <p className="muted">
          {touch ? `${t('upload.tapToChoose')} · ` : ''}
          {t('upload.limits', { types: typeNames(policy), size: formatBytes(maxBytes) })}
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

function describe(t: TFunction, rejection: FileRejection, maxBytes: number): string {
  const codes = rejection.errors.map((e) => e.code);
  if (codes.includes('file-too-large')) return t('upload.tooLarge', { size: formatBytes(maxBytes) });
  if (codes.includes('file-invalid-type')) return t('upload.badType');
  return rejection.errors.map((e) => e.message).join(', ');
}
