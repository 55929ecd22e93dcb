import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { PhotoExport, PhotosApi } from '../api';
import { ExportPanel } from './ExportPanel';
import { formatBytes } from '../i18n';

const queued: PhotoExport = {
  exportId: 'x1',
  status: 'QUEUED',
  createdAt: '2026-12-03T10:00:00Z',
  photos: 0,
  bytes: 0,
  progress: 0,
  archives: [],
};

function fakeApi(methods: Partial<Record<keyof PhotosApi, unknown>>): PhotosApi {
  return { listExports: vi.fn(async () => ({ items: [] })), ...methods } as unknown as PhotosApi;
}

describe('ExportPanel', () => {
  it('says when the last export was withdrawn because a photo in it was deleted, and offers a fresh one', async () => {
    const withdrawn: PhotoExport = {
      ...queued,
      status: 'WITHDRAWN',
      photos: 3,
      progress: 1,
      withdrawnReason: 'a photo in it was deleted',
    };
    const api = fakeApi({ listExports: vi.fn(async () => ({ items: [withdrawn] })) });
    render(<ExportPanel api={api} eventId="wedding" pollMs={5} />);

    expect(await screen.findByTestId('export-withdrawn')).toHaveTextContent('a photo in it was deleted');
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByRole('button', { name: 'Download all photos' })).toBeEnabled();
  });

  it('starts an export, shows its progress, then one link per archive', async () => {
    const startExport = vi.fn(async () => queued);
    const getExport = vi
      .fn()
      .mockResolvedValueOnce({ ...queued, status: 'RUNNING', photos: 2400, bytes: 5e9, progress: 0.25 })
      .mockResolvedValueOnce({
        ...queued,
        status: 'READY',
        photos: 2400,
        bytes: 5e9,
        progress: 1,
        archives: [
          {
            url: 'https://s3.example.com/a-1-of-2.zip?sig',
            bytes: 4e9,
            photos: 1900,
            expiresAt: '2026-12-03T11:00:00Z',
          },
          {
            url: 'https://s3.example.com/a-2-of-2.zip?sig',
            bytes: 1e9,
            photos: 500,
            expiresAt: '2026-12-03T11:00:00Z',
          },
        ],
      });
    render(<ExportPanel api={fakeApi({ startExport, getExport })} eventId="wedding" pollMs={5} />);

    fireEvent.click(screen.getByRole('button', { name: 'Download all photos' }));

    expect(await screen.findByLabelText('Export progress')).toBeInTheDocument();
    const links = await screen.findAllByTestId('archive-link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://s3.example.com/a-1-of-2.zip?sig',
      'https://s3.example.com/a-2-of-2.zip?sig',
    ]);
    expect(links[0]).toHaveTextContent('Part 1 of 2 (ZIP, 1900 photos, 3.7 GB)');
    expect(startExport).toHaveBeenCalledWith('wedding');
    expect(getExport).toHaveBeenCalledWith('wedding', 'x1');
    expect(screen.getByRole('button', { name: 'Download all photos' })).toBeEnabled();
  });

  it('follows the export already running when the page opens, and says when one failed', async () => {
    const listExports = vi.fn(async () => ({ items: [{ ...queued, status: 'RUNNING', progress: 0.5 }] }));
    const getExport = vi.fn(async () => ({ ...queued, status: 'FAILED', error: 'the export could not be built' }));
    render(<ExportPanel api={fakeApi({ listExports, getExport })} eventId="wedding" pollMs={300} />);

    expect(await screen.findByRole('button', { name: 'Preparing…' })).toBeDisabled();
    expect(await screen.findByRole('alert')).toHaveTextContent('The export failed: the export could not be built');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Download all photos' })).toBeEnabled());
  });

  it('formats sizes as people read them', () => {
    expect(formatBytes(5 * 1024 ** 3, 'en')).toBe('5 GB');
    expect(formatBytes(5 * 1024 ** 3, 'ko')).toBe('5GB');
    expect(formatBytes(3.5 * 1024 ** 2, 'en')).toBe('3.5 MB');
    expect(formatBytes(100, 'en')).toBe('1 kB');
  });
  it('fetches the export as soon as the live channel says it finished, without waiting for a poll', async () => {
    const startExport = vi.fn(async () => queued);
    const ready: PhotoExport = {
      ...queued,
      status: 'READY',
      photos: 1,
      bytes: 10,
      progress: 1,
      archives: [{ url: 'https://s3.example.com/a.zip?sig', bytes: 10, photos: 1, expiresAt: '2026-12-03T11:00:00Z' }],
    };
    const getExport = vi.fn(async () => ready);
    const api = fakeApi({ startExport, getExport });
    const { rerender } = render(<ExportPanel api={api} eventId="wedding" live />);
    fireEvent.click(screen.getByRole('button', { name: 'Download all photos' }));
    expect(await screen.findByLabelText('Export progress')).toBeInTheDocument();
    expect(getExport).not.toHaveBeenCalled();

    rerender(<ExportPanel api={api} eventId="wedding" live finished={{ exportId: 'x1', seen: 1 }} />);

    expect(await screen.findByTestId('archive-link')).toHaveAttribute('href', 'https://s3.example.com/a.zip?sig');
    expect(getExport).toHaveBeenCalledTimes(1);
  });
});
