import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DropZone, typeNames } from './DropZone';
import { Gallery, gridRenditions } from './Gallery';
import { UploadList, type UploadEntry } from './UploadList';
import { mergeNewestFirst } from './EventPage';
import type { Photo, UploadPolicy } from '../api';

const policy: UploadPolicy = {
  contentTypes: [
    { mimeType: 'image/jpeg', suffixes: ['.jpg', '.jpeg'] },
    { mimeType: 'image/png', suffixes: ['.png'] },
  ],
  maxContentLength: 10,
  renditionWidths: [320, 640, 1920],
};

function photo(id: string, createdAt: string): Photo {
  return { photoId: id, eventId: 'e', status: 'READY', createdAt, title: id };
}

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
    expect(screen.getByText(/big.jpg: larger than 10 B/)).toBeInTheDocument();
  });

  it('can be reached with the keyboard', () => {
    render(<DropZone policy={policy} onFiles={() => {}} />);
    expect(screen.getByLabelText('Add photos')).toHaveAttribute('tabindex', '0');
  });
});

describe('typeNames', () => {
  it('names the types the policy accepts', () => {
    expect(typeNames(policy)).toBe('JPEG, PNG');
  });
});

describe('Gallery', () => {
  const renditions = [320, 640, 1920].map((width) => ({
    url: `https://cdn/photos/e/p/w${width}.jpg`, width, height: width * 3 / 4, bytes: width * 10,
    webpUrl: `https://cdn/photos/e/p/w${width}.webp`, webpBytes: width * 7,
  }));
  const ready: Photo = { ...photo('p', '2026-01-01T00:00:00.000Z'), url: renditions[2].url, renditions };

  it('puts the 320 and 640 renditions in srcset, WebP first, and links the largest, never the original', () => {
    const { container } = render(<Gallery photos={[ready]} error={null} loading={false} hasMore={false} onLoadMore={() => {}} />);
    const img = screen.getByRole('img');
    expect(img).toHaveAttribute('src', renditions[0].url);
    expect(img).toHaveAttribute('srcset', `${renditions[0].url} 320w, ${renditions[1].url} 640w`);
    expect(img.getAttribute('srcset')).not.toContain('w1920');
    const webp = container.querySelector('source[type="image/webp"]');
    expect(webp).toHaveAttribute('srcset', `${renditions[0].webpUrl} 320w, ${renditions[1].webpUrl} 640w`);
    expect(screen.getByRole('link')).toHaveAttribute('href', renditions[2].url);
  });

  it('uses the smallest rendition when a small original has no 320 or 640 one', () => {
    const small = { url: 'https://cdn/photos/e/p/w200.jpg', width: 200, height: 150, bytes: 900, webpUrl: 'https://cdn/photos/e/p/w200.webp', webpBytes: 600 };
    expect(gridRenditions({ ...ready, renditions: [small] })).toEqual([small]);
  });
});

describe('UploadList', () => {
  const entry = (change: Partial<UploadEntry>): UploadEntry => ({
    id: '1', file: new File(['x'], 'a.png', { type: 'image/png' }), title: '한강', description: '',
    state: 'pending', progress: 0, ...change,
  });

  it('shows progress while uploading', () => {
    render(<UploadList entries={[entry({ state: 'uploading', progress: 0.42 })]} onChange={() => {}} onRetry={() => {}} />);
    expect(screen.getByText('uploading 42%')).toBeInTheDocument();
    expect(screen.getByLabelText('upload progress of a.png')).toHaveAttribute('value', '42');
  });

  it('shows the server message and a retry button when an upload failed', () => {
    const onRetry = vi.fn();
    render(<UploadList entries={[entry({ state: 'failed', error: 'title: must not be blank' })]} onChange={() => {}} onRetry={onRetry} />);
    expect(screen.getByRole('alert')).toHaveTextContent('title: must not be blank');
    fireEvent.click(screen.getByText('Retry'));
    expect(onRetry).toHaveBeenCalled();
  });
});

describe('mergeNewestFirst', () => {
  it('keeps one entry per photo, newest first', () => {
    const merged = mergeNewestFirst([photo('a', '2026-01-01T00:00:00.000Z'), photo('b', '2026-01-02T00:00:00.000Z')],
      [photo('c', '2026-01-03T00:00:00.000Z'), photo('a', '2026-01-01T00:00:00.000Z')]);
    expect(merged.map((p) => p.photoId)).toEqual(['c', 'b', 'a']);
  });
});
