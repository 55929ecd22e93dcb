import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { GuestSession } from '../api';
import { guestSessions } from '../guestSessions';
import { GuestPage } from './GuestPage';

const session: GuestSession = {
  token: 'h.p.s',
  expiresAt: '2099-01-01T00:00:00Z',
  eventId: 'wedding',
  eventName: '민지 & 준호 결혼식',
  guestId: 'g1',
  name: '순자',
  allowView: true,
  requireReview: true,
};
const policy = {
  contentTypes: [{ mimeType: 'image/jpeg', suffixes: ['.jpg'] }],
  maxContentLength: 50_000_000,
  renditionWidths: [320],
  multipart: { threshold: 8_000_000, partSize: 5_000_000 },
};

function respond(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

function openGuestLink(fetchMock: typeof fetch) {
  vi.stubGlobal('fetch', fetchMock);
  render(
    <MemoryRouter initialEntries={['/g/wedding~abc']}>
      <Routes>
        <Route path="/g/:code" element={<GuestPage apiBaseUrl="http://api" />} />
      </Routes>
    </MemoryRouter>,
  );
}

describe('GuestPage', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.unstubAllGlobals());

  it('asks for a name once, starts a session without a token, keeps it, and offers the add-photos button', async () => {
    const calls: { url: string; init?: RequestInit }[] = [];
    openGuestLink(
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push({ url, init });
        if (url.endsWith('/guest-sessions')) return respond(201, session);
        if (url.endsWith('/upload-policy')) return respond(200, policy);
        return respond(200, { items: [], nextToken: null });
      }) as unknown as typeof fetch,
    );

    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: '  순자 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('heading', { name: '민지 & 준호 결혼식' })).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Add photos' })).toBeInTheDocument();
    expect(screen.getByText(/approves each photo/)).toBeInTheDocument();
    const start = calls[0];
    expect(start.url).toBe('http://api/invites/wedding~abc/guest-sessions');
    expect(new Headers(start.init?.headers).has('Authorization')).toBe(false);
    expect(JSON.parse(String(start.init?.body))).toEqual({ name: '순자' });
    expect(guestSessions.load('wedding~abc')).toEqual(session);
    const listing = calls.find((call) => call.url.includes('show=mine'))!;
    expect(new Headers(listing.init?.headers).get('Authorization')).toBe('Bearer h.p.s');
  });

  it('says a link that has ended cannot be used', async () => {
    openGuestLink(
      vi.fn(async () => respond(410, { message: 'this guest link was revoked' })) as unknown as typeof fetch,
    );

    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Kim' } });
    fireEvent.click(screen.getByRole('button', { name: 'Continue' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('This guest link can no longer be used');
  });

  it('goes back to the name prompt, saying why, when the API no longer takes the kept token', async () => {
    guestSessions.save('wedding~abc', session);
    openGuestLink(vi.fn(async () => respond(401, {})) as unknown as typeof fetch);

    expect(await screen.findByRole('alert')).toHaveTextContent('This guest link has ended');
    expect(screen.getByLabelText('Your name')).toBeInTheDocument();
    expect(guestSessions.load('wedding~abc')).toBeNull();
  });
});
