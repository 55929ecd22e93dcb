import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { UploadPolicy } from '../api';
import { DropZone, typeNames } from './DropZone';

const policy: UploadPolicy = {
  contentTypes: [
    { mimeType: 'image/jpeg', suffixes: ['.jpg', '.jpeg'] },
    { mimeType: 'image/png', suffixes: ['.png'] },
  ],
  maxContentLength: 10,
  renditionWidths: [320, 640, 1920],
  multipart: { threshold: 8, partSize: 5 },
};

describe('DropZone', () => {
  it('accepts supported images and refuses other types and oversized files before any request', async () => {
    const onFiles = vi.fn();
    render(<DropZone policy={policy} onFiles={onFiles} />);
    const input = screen.getByTestId('file-input');
    const ok = new File(['12345'], '사진.png', { type: 'image/png' });
    const pdf = new File(['x'], 'doc.pdf', { type: 'application/pdf' });
    const big = new File(['x'.repeat(11)], 'big.jpg', { type: 'image/jpeg' });
    const heic = new File(['x'], 'iphone.heic', { type: 'image/heic' });
    fireEvent.change(input, { target: { files: [ok, pdf, big, heic] } });

    await waitFor(() => expect(onFiles).toHaveBeenCalledWith([ok]));
    expect(screen.getByText(/doc.pdf: not a supported image type/)).toBeInTheDocument();
    expect(screen.getByText(/iphone.heic: not a supported image type/)).toBeInTheDocument();
    expect(screen.getByText(/big.jpg: larger than 1 kB/)).toBeInTheDocument();
  });

  it('can be reached with the keyboard', () => {
    render(<DropZone policy={policy} onFiles={() => {}} />);
    expect(screen.getByLabelText('Add photos')).toHaveAttribute('tabindex', '0');
  });

  it('gives its file input an accessible name', () => {
    render(<DropZone policy={policy} onFiles={() => {}} />);
    expect(screen.getByLabelText('Choose photos to upload')).toBe(screen.getByTestId('file-input'));
  });
});

describe('typeNames', () => {
  it('names the types the policy accepts', () => {
    expect(typeNames(policy)).toBe('JPEG, PNG');
  });
});
