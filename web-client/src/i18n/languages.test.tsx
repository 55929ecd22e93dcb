import { act, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import type { ReactElement } from 'react';
import { ApiError, type GuestSession, type Invite, type Photo, type PhotosApi } from '../api';
import { EventPage } from '../components/EventPage';
import { EventsPage } from '../components/EventsPage';
import { ExportPanel } from '../components/ExportPanel';
import { GuestPage } from '../components/GuestPage';
import { JoinPage } from '../components/JoinPage';
import { UploadList } from '../components/UploadList';
import { WallPage } from '../components/WallPage';
import { guestSessions } from '../guestSessions';
import type { UploadEntry } from '../upload/uploadEntry';
import { detectLanguage, errorText, i18n, LANGUAGE_KEY } from '.';
import en from './en.json';
import ko from './ko.json';

/**
 * Every page in each language holds no word of the other: no Hangul in English, no English word in Korean but
 * for names that stay as they are. What people typed (event names, titles, guest names) is taken out first.
 */
const KEPT_IN_KOREAN = ['event-photos', 'ZIP', 'QR', 'GPS', 'GiB', 'TV', 'JPEG', 'PNG', 'kB', 'MB', 'GB'];
const DATA = ['Party 파티', '손님 Guest', 'Photo 사진', 'photo.jpg', 'e1', 'wedding~abc', 'IMG_1.jpg', 'IMG_2.jpg'];

/** All that a person reads or hears: text, and the names, labels and descriptions of elements. */
function readable(root: HTMLElement, language: string): string {
  const copy = root.cloneNode(true) as HTMLElement;
  // a part marked as another language (the language switch naming each language in itself) is not a mix
  copy.querySelectorAll('[lang]').forEach((el) => {
    if (el.getAttribute('lang') !== language) el.remove();
  });
  const attributes = [...copy.querySelectorAll('*')].flatMap((el) =>
    ['aria-label', 'alt', 'placeholder', 'title', 'aria-description'].map((name) => el.getAttribute(name) ?? ''),
  );
  let text = [copy.textContent ?? '', ...attributes].join(' \n ');
  for (const value of DATA) text = text.split(value).join(' ');
  return text;
}

function expectOnly(language: 'en' | 'ko', root: HTMLElement = document.body) {
  const text = readable(root, language);
  if (language === 'en') {
    expect(text.match(/[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]+/g) ?? []).toEqual([]);
  } else {
    let rest = text;
    for (const name of KEPT_IN_KOREAN) rest = rest.split(name).join(' ');
    expect(rest.match(/[A-Za-z]{2,}/g) ?? []).toEqual([]);
    expect(text).toMatch(/[\uac00-\ud7af]/);
  }
}

const photo = (id: string, change: Partial<Photo> = {}): Photo => ({
  photoId: id,
  eventId: 'e1',
  status: 'READY',
  createdAt: '2026-12-05T10:00:00Z',
  title: 'Photo 사진',
  uploaderName: '손님 Guest',
  uploadedBy: 'me',
  ...change,
});
const guestLink: Invite = {
  code: '12~345678',
  link: 'https://photos.example.com/g/12~345678',
  role: 'CONTRIBUTOR',
  expiresAt: '2026-12-09T10:00:00Z',
  maxUses: 500,
  uses: 3,
  revoked: false,
  signInRequired: false,
  allowView: true,
  requireReview: true,
};
const policy = {
  contentTypes: [
    { mimeType: 'image/jpeg', suffixes: ['.jpg'] },
    { mimeType: 'image/png', suffixes: ['.png'] },
  ],
  maxContentLength: 50_000_000,
  renditionWidths: [320],
  multipart: { threshold: 8_000_000, partSize: 5_000_000 },
};

function fakeApi(): PhotosApi {
  return {
    getEvent: vi.fn(async () => ({ eventId: 'e1', name: 'Party 파티', role: 'OWNER' })),
    listEvents: vi.fn(async () => ({ items: [{ eventId: 'e1', name: 'Party 파티', role: 'OWNER' }] })),
    uploadPolicy: vi.fn(async () => policy),
    listPhotos: vi.fn(async (_e: string, _t: unknown, _l: unknown, show?: string) => ({
      items: show === 'pending' ? [photo('p2', { reviewStatus: 'PENDING' })] : [photo('p1', { hidden: true })],
      nextToken: show === 'pending' ? null : 'more',
    })),
    listInvites: vi.fn(async () => ({ items: [guestLink] })),
    listWalls: vi.fn(async () => ({ items: [] })),
    listExports: vi.fn(async () => ({ items: [] })),
    liveChannel: vi.fn(async () => {
      throw new ApiError(403, 'no');
    }),
    liveAuthorization: vi.fn(async () => undefined),
    acceptInvite: vi.fn(async () => {
      throw new ApiError(410, 'this invite expired', undefined, 'GONE');
    }),
    wallPage: vi.fn(async () => ({ eventId: 'e1', eventName: 'Party 파티' })),
  } as unknown as PhotosApi;
}

function at(path: string, routes: ReactElement) {
  return render(<MemoryRouter initialEntries={[path]}>{routes}</MemoryRouter>);
}

const entry = (name: string, change: Partial<UploadEntry>): UploadEntry => ({
  id: name,
  file: new File(['x'], name, { type: 'image/jpeg' }),
  title: name,
  description: '',
  state: 'pending',
  progress: 0,
  ...change,
});

describe.each(['en', 'ko'] as const)('in %s', (language) => {
  beforeEach(async () => {
    localStorage.clear();
    await act(() => i18n.changeLanguage(language));
  });
  afterAll(async () => {
    await act(() => i18n.changeLanguage('en'));
  });

  it('sets <html lang>', () => {
    expect(document.documentElement.lang).toBe(language);
  });

  it('the event page, with every organiser tab', async () => {
    at(
      '/events/e1',
      <Routes>
        <Route path="/events/:eventId" element={<EventPage api={fakeApi()} userId="me" />} />
      </Routes>,
    );
    await screen.findAllByTestId('gallery-item');
    await screen.findAllByTestId('review-item');
    await waitFor(() => expect(document.body.textContent).toContain('345678'));
    expectOnly(language);
  });

  it('the guest page: the name prompt, then the event', async () => {
    const { unmount } = at(
      '/g/wedding~abc',
      <Routes>
        <Route path="/g/:code" element={<GuestPage apiBaseUrl="http://api" />} />
      </Routes>,
    );
    expectOnly(language);
    unmount();

    const session: GuestSession = {
      token: 'h.p.s',
      expiresAt: '2099-01-01T00:00:00Z',
      eventId: 'e1',
      eventName: 'Party 파티',
      guestId: 'g1',
      name: '손님 Guest',
      allowView: true,
      requireReview: true,
    };
    guestSessions.save('wedding~abc', session);
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        const body = url.endsWith('/upload-policy') ? policy : { items: [photo('p3')], nextToken: null };
        return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
      }),
    );
    at(
      '/g/wedding~abc',
      <Routes>
        <Route path="/g/:code" element={<GuestPage apiBaseUrl="http://api" />} />
      </Routes>,
    );
    await screen.findAllByTestId('gallery-item');
    await screen.findByTestId('file-input');
    expectOnly(language);
    vi.unstubAllGlobals();
  });

  it('uploads in every state', () => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
    const failed = entry('IMG_2.jpg', { state: 'failed', failure: { kind: 'error', error: new ApiError(429, 'x') } });
    const actions = {
      onChange: vi.fn(),
      onChangeAll: vi.fn(),
      onRetry: vi.fn(),
      onPause: vi.fn(),
      onResume: vi.fn(),
      onDiscard: vi.fn(),
      onReselect: vi.fn(),
    };
    const { unmount } = render(
      <UploadList
        entries={[
          entry('IMG_1.jpg', { state: 'uploading', progress: 0.4, photoId: 'x' }),
          entry('IMG_2.jpg', { state: 'paused', progress: 0.4, pausedBy: 'offline' }),
          failed,
        ]}
        actions={actions}
      />,
    );
    expectOnly(language);
    unmount();
    render(
      <UploadList
        entries={Array.from({ length: 7 }, (_, n) => entry('IMG_1.jpg', { id: String(n), state: 'processing' }))}
        actions={actions}
      />,
    );
    expectOnly(language);
  });

  it('my events, an invite that cannot be used, the wall, and an export that is ready', async () => {
    const api = fakeApi();
    const { unmount } = at(
      '/',
      <Routes>
        <Route path="/" element={<EventsPage api={api} />} />
      </Routes>,
    );
    await screen.findByRole('link', { name: 'Party 파티' });
    expectOnly(language);
    unmount();

    const join = at(
      '/join/x',
      <Routes>
        <Route path="/join/:code" element={<JoinPage api={api} />} />
      </Routes>,
    );
    await screen.findByRole('alert');
    expectOnly(language);
    join.unmount();

    window.location.hash = '#token=t';
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ items: [], nextToken: null }), { status: 200 })),
    );
    const wall = at(
      '/events/e1/wall',
      <Routes>
        <Route path="/events/:eventId/wall" element={<WallPage apiBaseUrl="http://api" />} />
      </Routes>,
    );
    await waitFor(() => expect(document.querySelector('.wall')).not.toBeNull());
    expectOnly(language);
    wall.unmount();
    vi.unstubAllGlobals();
    window.location.hash = '';

    const ready = {
      exportId: 'x1',
      status: 'READY',
      progress: 1,
      photos: 3,
      archives: [{ url: 'https://s3/x.zip', photos: 3, bytes: 5_000_000 }],
      createdAt: '2026-12-05T10:00:00Z',
    };
    render(
      <ExportPanel
        api={{ ...api, listExports: vi.fn(async () => ({ items: [ready] })) } as unknown as PhotosApi}
        eventId="e1"
      />,
    );
    await screen.findByTestId('archive-link');
    expectOnly(language);
  });

  it("the API's errors in the client's own words, whatever the server said", () => {
    for (const code of ['UPLOAD_CONFLICT', 'TOO_MANY_REQUESTS', 'NOT_FOUND', 'GONE', 'BAD_REQUEST']) {
      const said = errorText(i18n.t, new ApiError(400, 'server words', 3, code));
      expect(said).not.toContain('server words');
      expect(said).toBe(i18n.t(`errors.${code}`, { seconds: 3 }));
    }
    // an unknown code: the server's message as the detail
    expect(errorText(i18n.t, new ApiError(418, 'teapot', undefined, 'TEAPOT'))).toContain('teapot');
  });
});

describe('the language chosen', () => {
  it('is the one picked on this device, else the link’s, else the first the browser asks for that we speak', () => {
    expect(detectLanguage('', null, ['fr-FR', 'ko-KR', 'en'])).toBe('ko');
    expect(detectLanguage('', null, ['en-GB', 'ko'])).toBe('en');
    expect(detectLanguage('?lang=ko', null, ['en-US'])).toBe('ko');
    expect(detectLanguage('?lang=ko', 'en', ['en-US'])).toBe('en');
    expect(detectLanguage('?lang=xx', null, ['de'])).toBe('en');
    expect(LANGUAGE_KEY).toBeTruthy();
  });

  it('has every key in both languages', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(ko).sort()).toEqual(keys(en).sort());
  });
});
