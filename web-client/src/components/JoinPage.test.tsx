import { render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { ApiError, type PhotosApi } from '../api';
import { JoinPage } from './JoinPage';

function joinWith(acceptInvite: PhotosApi['acceptInvite']) {
  const api = { acceptInvite } as unknown as PhotosApi;
  render(
    <MemoryRouter initialEntries={['/join/wedding~abc']}>
      <Routes>
        <Route path="/join/:code" element={<JoinPage api={api} />} />
        <Route path="/events/:eventId" element={<p>event page</p>} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('JoinPage', () => {
  it('accepts the code from the link and opens the event', async () => {
    const accept = vi.fn(async () => ({
      eventId: 'wedding',
      name: 'Wedding',
      role: 'CONTRIBUTOR' as const,
      alreadyMember: false,
    }));
    joinWith(accept);

    expect(await screen.findByText('event page')).toBeInTheDocument();
    expect(accept).toHaveBeenCalledWith('wedding~abc');
  });

  it('says why an invite cannot be used', async () => {
    joinWith(async () => {
      throw new ApiError(410, "this invite expired at 2026-11-01T00:00:00.000Z; ask the event's owner for a new one");
    });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This invite cannot be used: This link can no longer be used.',
    );
  });
});
