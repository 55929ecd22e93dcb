import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { Invite, PhotosApi } from '../api';
import { InvitePanel } from './InvitePanel';

const guestLink: Invite = {
  code: 'wedding~abc',
  link: 'https://photos.example.com/g/wedding~abc',
  role: 'CONTRIBUTOR',
  expiresAt: '2026-12-09T10:00:00Z',
  maxUses: 500,
  uses: 0,
  revoked: false,
  signInRequired: false,
  allowView: true,
  requireReview: true,
};

function fakeApi(methods: Partial<Record<keyof PhotosApi, unknown>>): PhotosApi {
  return { listInvites: vi.fn(async () => ({ items: [] })), ...methods } as unknown as PhotosApi;
}

describe('InvitePanel', () => {
  it('lists the links in use and revokes one', async () => {
    const revokeInvite = vi.fn(async () => undefined);
    const revoked = { ...guestLink, code: 'wedding~old', revoked: true };
    const listInvites = vi.fn(async () => ({ items: [guestLink, revoked] }));
    render(<InvitePanel api={fakeApi({ listInvites, revokeInvite })} eventId="wedding" eventName="W" />);

    fireEvent.click(await screen.findByText('Links in use (1)'));
    fireEvent.click(screen.getByRole('button', { name: 'Revoke Guest link (you approve photos) ending ~abc' }));

    await waitFor(() => expect(screen.queryByText(/Links in use/)).not.toBeInTheDocument());
    expect(revokeInvite).toHaveBeenCalledWith('wedding', 'wedding~abc');
  });

  it('makes a guest link with the options chosen and shows it as a QR code on a printable card', async () => {
    const createInvite = vi.fn(async () => guestLink);
    render(<InvitePanel api={fakeApi({ createInvite })} eventId="wedding" eventName="민지 & 준호" />);

    fireEvent.change(screen.getByLabelText('They may'), { target: { value: 'GUEST' } });
    fireEvent.click(screen.getByLabelText(/Guests see the event/));
    fireEvent.click(screen.getByRole('button', { name: 'Create invite link' }));

    const qr = await screen.findByRole('img', { name: 'QR code of the guest link for 민지 & 준호' });
    expect(createInvite).toHaveBeenCalledWith('wedding', {
      signInRequired: false,
      allowView: false,
      requireReview: true,
    });
    expect(qr.tagName.toLowerCase()).toBe('svg');
    expect(screen.getByTestId('guest-card')).toHaveTextContent('민지 & 준호');
    expect(screen.getByTestId('guest-card')).toHaveTextContent(guestLink.link);
    expect(screen.getByRole('button', { name: 'Print card' })).toBeInTheDocument();
  });

  it('makes a sign-in invite by role, without a QR card', async () => {
    const createInvite = vi.fn(async () => ({
      ...guestLink,
      link: 'https://photos.example.com/join/x',
      signInRequired: true,
    }));
    render(<InvitePanel api={fakeApi({ createInvite })} eventId="wedding" eventName="W" />);

    fireEvent.change(screen.getByLabelText('They may'), { target: { value: 'VIEWER' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create invite link' }));

    expect(await screen.findByTestId('invite-link')).toHaveValue('https://photos.example.com/join/x');
    expect(createInvite).toHaveBeenCalledWith('wedding', { role: 'VIEWER' });
    expect(screen.queryByTestId('guest-card')).not.toBeInTheDocument();
  });
});
