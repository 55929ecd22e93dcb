import type { GuestSession } from './api';
import { guestSessions } from './guestSessions';

describe('guestSessions', () => {
  const session: GuestSession = {
    token: 'a.b.c',
    expiresAt: '2026-12-09T10:00:00Z',
    eventId: 'wedding',
    eventName: '결혼식',
    guestId: 'g1',
    name: '순자',
    allowView: true,
    requireReview: true,
  };
  beforeEach(() => localStorage.clear());

  it('gives back the session saved for the same link, and none for another link', () => {
    guestSessions.save('wedding~abc', session);
    expect(guestSessions.load('wedding~abc', localStorage, Date.parse('2026-12-02T10:00:00Z'))).toEqual(session);
    expect(guestSessions.load('wedding~other', localStorage, Date.parse('2026-12-02T10:00:00Z'))).toBeNull();
  });

  it('forgets a session once it has expired, and anything that is not a session', () => {
    guestSessions.save('wedding~abc', session);
    expect(guestSessions.load('wedding~abc', localStorage, Date.parse('2026-12-09T10:00:01Z'))).toBeNull();
    expect(localStorage.length).toBe(0);
    localStorage.setItem('event-photos.guest-session.x', '{not json');
    expect(guestSessions.load('x')).toBeNull();
  });
});
