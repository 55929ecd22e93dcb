import { act, renderHook } from '@testing-library/react';
import { useState } from 'react';
import type { ExportEvent, Photo, PhotoEvent, PhotosApi } from '../api';
import { mergeNewestFirst } from '../photos';
import { headerSubprotocol } from './liveEvents';
import { useLiveGallery } from './useLiveGallery';

/**
 * A server that speaks the AppSync Events protocol to one client at a time, as the local event server does: checks
 * the subprotocols, acks connection_init, answers subscribe, sends data; a test can cut the connection.
 */
class FakeEventServer {
  sockets: FakeSocket[] = [];
  subscribed: string[] = [];
  /** The API now refuses this caller: subscribes answer subscribe_error. */
  refusing = false;

  /** The server's re-check found the open subscription refused (revoked, or only its token expired). */
  drop() {
    const socket = this.current;
    socket.subscribed = false;
    socket.receive({
      type: 'subscribe_error',
      id: socket.subscriptionId,
      errors: [{ errorType: 'UnauthorizedException' }],
    });
  }

  get current() {
    return this.sockets[this.sockets.length - 1];
  }

  publish(event: PhotoEvent | ExportEvent) {
    this.sockets
      .filter((s) => s.subscribed)
      .forEach((s) => s.receive({ type: 'data', id: s.subscriptionId, event: JSON.stringify(event) }));
  }
}

class FakeSocket {
  static server: FakeEventServer;
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  subscribed = false;
  subscriptionId = '';
  closed = false;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeSocket.server.sockets.push(this);
    setTimeout(() => this.onopen?.(), 0);
  }

  send(text: string) {
    const msg = JSON.parse(text);
    if (msg.type === 'connection_init') this.receive({ type: 'connection_ack', connectionTimeoutMs: 300000 });
    if (msg.type === 'subscribe' && FakeSocket.server.refusing) {
      this.receive({ type: 'subscribe_error', id: msg.id, errors: [{ errorType: 'UnauthorizedException' }] });
      return;
    }
    if (msg.type === 'subscribe') {
      this.subscribed = true;
      this.subscriptionId = msg.id;
      FakeSocket.server.subscribed.push(msg.channel);
      this.receive({ type: 'subscribe_success', id: msg.id });
    }
  }

  receive(message: unknown) {
    if (!this.closed) this.onmessage?.({ data: JSON.stringify(message) });
  }

  close() {
    if (this.closed) return;
    this.closed = true;
    this.subscribed = false;
    setTimeout(() => this.onclose?.(), 0);
  }
}

const photo = (n: number): Photo =>
  ({
    photoId: `p${n}`,
    eventId: 'e1',
    status: 'READY',
    title: `photo ${n}`,
    contentType: 'image/jpeg',
    createdAt: new Date(Date.UTC(2026, 11, 2, 10, 0, n)).toISOString(),
    url: `https://cdn/p${n}`,
  }) as Photo;

/** What the API answers this viewer: the listing, and each photo by id (null: not found for them, e.g. access ended). */
function fakeApi(listed: () => Photo[], photoById: (id: string) => Photo | null = (id) => photo(Number(id.slice(1)))) {
  return {
    liveChannel: vi.fn(async () => ({
      eventId: 'e1',
      channel: '/gallery/e1',
      realtimeUrl: 'ws://127.0.0.1:1/event/realtime',
    })),
    liveAuthorization: vi.fn(async () => 'Bearer t'),
    listPhotos: vi.fn(async () => ({ items: listed(), nextToken: null })),
    getPhoto: vi.fn(async (_eventId: string, id: string) => photoById(id)),
  } as unknown as PhotosApi;
}

function renderGallery(api: PhotosApi, initial: Photo[]) {
  return renderHook(() => {
    const [photos, setPhotos] = useState<Photo[]>(initial);
    const add = (added: Photo[]) => setPhotos((current) => mergeNewestFirst(current, added));
    const status = useLiveGallery(
      api,
      'e1',
      { photos, add, setPhotos },
      { webSocket: FakeSocket as unknown as typeof WebSocket },
    );
    return { photos, status };
  });
}

const settle = () =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(10);
  });

describe('useLiveGallery', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.server = new FakeEventServer();
  });
  afterEach(() => vi.useRealTimers());

  it("connects with the AppSync subprotocols and subscribes to the event's channel", async () => {
    const { result } = renderGallery(
      fakeApi(() => []),
      [],
    );
    await settle();

    const socket = FakeSocket.server.current;
    expect(socket.protocols[0]).toBe('aws-appsync-event-ws');
    expect(socket.protocols[1]).toBe(headerSubprotocol({ host: '127.0.0.1:1', Authorization: 'Bearer t' }));
    expect(FakeSocket.server.subscribed).toEqual(['/gallery/e1']);
    expect(result.current.status).toBe('live');
  });

  it('shows a new photo at the top and takes a removed one out, without a reload', async () => {
    const { result } = renderGallery(
      fakeApi(() => []),
      [photo(1)],
    );
    await settle();

    act(() => FakeSocket.server.publish({ type: 'photo.visible', eventId: 'e1', photoId: 'p2', at: '' }));
    await settle();
    expect(result.current.photos.map((p) => p.photoId)).toEqual(['p2', 'p1']);

    act(() => FakeSocket.server.publish({ type: 'photo.removed', eventId: 'e1', photoId: 'p1', at: '' }));
    await settle();
    expect(result.current.photos.map((p) => p.photoId)).toEqual(['p2']);
  });

  it('after a 60 s cut, catches up on what it missed: every photo once, newest first', async () => {
    const server: Photo[] = [photo(1), photo(2)];
    const api = fakeApi(() => [...server].reverse());
    const { result } = renderGallery(api, [photo(2), photo(1)]);
    await settle();

    FakeSocket.server.current.close(); // the network goes
    server.push(photo(3), photo(4)); // uploaded meanwhile: their events reach nobody
    FakeSocket.server.publish({ type: 'photo.visible', eventId: 'e1', photoId: 'p3', at: '' });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60_000);
    });
    await settle();

    expect(FakeSocket.server.sockets.length).toBeGreaterThan(1);
    expect(result.current.status).toBe('live');
    // one event arriving again after the catch-up changes nothing
    act(() => FakeSocket.server.publish({ type: 'photo.visible', eventId: 'e1', photoId: 'p4', at: '' }));
    await settle();
    expect(result.current.photos.map((p) => p.photoId)).toEqual(['p4', 'p3', 'p2', 'p1']);
  });

  it('after the server drops a live subscription, reconnects once: live again with a fresh token, refused if revoked', async () => {
    const api = fakeApi(() => []);
    const { result } = renderGallery(api, []);
    await settle();
    expect(result.current.status).toBe('live');

    act(() => FakeSocket.server.drop()); // only the token had expired
    await act(async () => {
      await vi.advanceTimersByTimeAsync(35_000);
    });
    expect(FakeSocket.server.sockets.length).toBe(2);
    expect(result.current.status).toBe('live');

    FakeSocket.server.refusing = true; // now revoked: the reconnection is refused, and it stays so
    act(() => FakeSocket.server.drop());
    await act(async () => {
      await vi.advanceTimersByTimeAsync(35_000);
    });
    expect(result.current.status).toBe('refused');
    const sockets = FakeSocket.server.sockets.length;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(120_000);
    });
    expect(FakeSocket.server.sockets.length).toBe(sockets);
  });

  it('ignores events of another event', async () => {
    const { result } = renderGallery(
      fakeApi(() => []),
      [],
    );
    await settle();

    act(() => FakeSocket.server.publish({ type: 'photo.visible', eventId: 'other', photoId: 'x', at: '' }));
    await settle();
    expect(result.current.photos).toEqual([]);
  });

  it("fetches a new photo with the viewer's own token: a viewer whose access ended learns nothing from the channel", async () => {
    const api = fakeApi(
      () => [],
      () => null,
    ); // the API no longer answers this viewer
    const { result } = renderGallery(api, [photo(1)]);
    await settle();

    act(() => FakeSocket.server.publish({ type: 'photo.visible', eventId: 'e1', photoId: 'p2', at: '' }));
    await settle();

    expect(api.getPhoto).toHaveBeenCalledWith('e1', 'p2');
    expect(result.current.photos.map((p) => p.photoId)).toEqual(['p1']);
  });

  it('tells the page of a finished export of this event, and leaves the photos alone', async () => {
    const finished: string[] = [];
    const api = fakeApi(() => []);
    const { result } = renderHook(() => {
      const [photos, setPhotos] = useState<Photo[]>([photo(1)]);
      const add = (added: Photo[]) => setPhotos((current) => mergeNewestFirst(current, added));
      useLiveGallery(
        api,
        'e1',
        { photos, add, setPhotos },
        { webSocket: FakeSocket as unknown as typeof WebSocket, onExportFinished: (id) => finished.push(id) },
      );
      return photos;
    });
    await settle();

    act(() =>
      FakeSocket.server.publish({ type: 'export.finished', eventId: 'other', exportId: 'x0', status: 'READY', at: '' }),
    );
    act(() =>
      FakeSocket.server.publish({ type: 'export.finished', eventId: 'e1', exportId: 'x1', status: 'READY', at: '' }),
    );

    expect(finished).toEqual(['x1']);
    expect(result.current.map((p) => p.photoId)).toEqual(['p1']);
  });
});
