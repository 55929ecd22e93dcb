import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Photo } from '../api';
import { ReviewQueue } from './ReviewQueue';

function pending(id: string): Photo {
  return {
    photoId: id,
    eventId: 'e',
    status: 'READY',
    createdAt: '2026-12-01T10:00:00Z',
    title: `사진 ${id}`,
    uploaderName: '순자',
    reviewStatus: 'PENDING',
  };
}

describe('ReviewQueue', () => {
  it('approves the photos selected, several at once', async () => {
    const onApprove = vi.fn(async () => undefined);
    const photos = ['a', 'b', 'c'].map(pending);
    render(<ReviewQueue photos={photos} onApprove={onApprove} onDelete={vi.fn()} />);

    fireEvent.click(screen.getByLabelText('사진 a'));
    fireEvent.click(screen.getByLabelText('사진 c'));
    fireEvent.click(screen.getByRole('button', { name: 'Approve 2 selected' }));

    await waitFor(() => expect(onApprove).toHaveBeenCalledWith([photos[0], photos[2]]));
  });

  it('selects every photo at once, and deletes one on its own', async () => {
    const onDelete = vi.fn(async () => undefined);
    const onApprove = vi.fn(async () => undefined);
    const photos = ['a', 'b'].map(pending);
    render(<ReviewQueue photos={photos} onApprove={onApprove} onDelete={onDelete} />);

    fireEvent.click(screen.getByLabelText('Select all'));
    expect(screen.getByRole('button', { name: 'Approve 2 selected' })).toBeEnabled();
    fireEvent.click(screen.getByRole('button', { name: 'Delete 사진 b' }));

    await waitFor(() => expect(onDelete).toHaveBeenCalledWith([photos[1]]));
    expect(onApprove).not.toHaveBeenCalled();
    // each name isolated in its own <bdi>, so a right-to-left or hostile name cannot reorder the text around it
    const names = screen.getAllByText('순자');
    expect(names).toHaveLength(2);
    names.forEach((name) => {
      expect(name.tagName).toBe('BDI');
      expect(name.parentElement?.textContent).toBe('by 순자');
    });
  });

  it('says so when no photo waits', () => {
    render(<ReviewQueue photos={[]} onApprove={vi.fn()} onDelete={vi.fn()} />);
    expect(screen.getByText('No photos are waiting for your approval.')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox')).toBeNull();
  });
});
