/**
 * A small client of the AppSync Events WebSocket protocol: the deployed Event API and the local stack's event
 * server speak it alike. (Amplify's `events` client always connects with wss://, which the local server on plain
 * loopback HTTP does not offer: docs/live.md.) One subscription per connection; on any loss (network change,
 * laptop sleep, no keep-alive in time) it reconnects with back-off and tells the caller to catch up.
 */

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'refused';

export interface LiveOptions {
  realtimeUrl: string;
  channel: string;
  /** The caller's Authorization value, asked at each (re)connection: tokens renew meanwhile. */
  authorization: () => Promise<string | undefined>;
  onEvent: (event: unknown) => void;
  /** After a reconnection is subscribed again: events sent meanwhile were missed. */
  onResync: () => void;
  onStatus?: (status: LiveStatus, detail?: string) => void;
  /** For tests: a WebSocket constructor, and a timer scale. */
  webSocket?: typeof WebSocket;
  backoffMs?: (attempt: number) => number;
}

export interface LiveSubscription {
  close(): void;
}

const PROTOCOL = 'aws-appsync-event-ws';
const SUBSCRIPTION_ID = 'gallery';

/** AppSync reads the authorization from the host of its HTTP endpoint, which the realtime one names differently. */
export function authorizationHost(realtimeUrl: string): string {
  return new URL(realtimeUrl).host.replace('appsync-realtime-api', 'appsync-api');
}

/** `header-` + base64url, without padding, of the JSON authorization. */
export function headerSubprotocol(header: Record<string, string>): string {
  const bytes = new TextEncoder().encode(JSON.stringify(header));
  let binary = '';
  bytes.forEach((b) => {
    binary += String.fromCharCode(b);
  });
  return `header-${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

const defaultBackoff = (attempt: number) => Math.min(30_000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);

export function subscribe(options: LiveOptions): LiveSubscription {
  const Socket = options.webSocket ?? WebSocket;
  const backoff = options.backoffMs ?? defaultBackoff;
  let socket: WebSocket | null = null;
  let closed = false;
  let attempt = 0;
  let everSubscribed = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let keepAliveTimer: ReturnType<typeof setTimeout> | undefined;
  let connectionTimeoutMs = 300_000;

  const status = (s: LiveStatus, detail?: string) => options.onStatus?.(s, detail);

  const watchKeepAlive = () => {
    clearTimeout(keepAliveTimer);
    // the server promised a ka within this; silence means the connection is dead even if the socket is not closed
    keepAliveTimer = setTimeout(() => socket?.close(), connectionTimeoutMs);
  };

  const retry = () => {
    if (closed) return;
    clearTimeout(keepAliveTimer);
    status('reconnecting');
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => void connect(), backoff(attempt++));
  };

  const connect = async () => {
    if (closed) return;
    status(everSubscribed ? 'reconnecting' : 'connecting');
    let authorization: string | undefined;
    try {
      authorization = await options.authorization();
    } catch {
      authorization = undefined;
    }
    if (closed) return;
    if (!authorization) {
      status('refused', 'not signed in');
      return;
    }
    const header = { host: authorizationHost(options.realtimeUrl), Authorization: authorization };
    const ws = new Socket(options.realtimeUrl, [PROTOCOL, headerSubprotocol(header)]);
    socket = ws;
    let refused = false;
    let subscribedHere = false;
    ws.onopen = () => ws.send(JSON.stringify({ type: 'connection_init' }));
    ws.onmessage = (message) => {
      let msg: {
        type?: string;
        id?: string;
        event?: string;
        connectionTimeoutMs?: number;
        errors?: { errorType?: string; message?: string }[];
      };
      try {
        msg = JSON.parse(String(message.data));
      } catch {
        return;
      }
      switch (msg.type) {
        case 'connection_ack':
          connectionTimeoutMs = msg.connectionTimeoutMs ?? connectionTimeoutMs;
          watchKeepAlive();
          ws.send(
            JSON.stringify({ type: 'subscribe', id: SUBSCRIPTION_ID, channel: options.channel, authorization: header }),
          );
          break;
        case 'ka':
          watchKeepAlive();
          break;
        case 'subscribe_success':
          subscribedHere = true;
          attempt = 0;
          status('live');
          if (everSubscribed) options.onResync();
          everSubscribed = true;
          break;
        case 'subscribe_error':
        case 'connection_error':
          // Dropped after it was live: the server asked again and the answer changed, which is a revocation or
          // only this token expiring. Reconnecting with a fresh token tells which: a revoked caller is refused then.
          if (!subscribedHere) {
            refused = true;
            status('refused', msg.errors?.map((e) => e.message).join('; '));
          }
          ws.close();
          break;
        case 'data':
          if (msg.id === SUBSCRIPTION_ID && typeof msg.event === 'string') {
            try {
              options.onEvent(JSON.parse(msg.event));
            } catch {
              // not JSON: not one of ours
            }
          }
          break;
        default:
          break;
      }
    };
    ws.onclose = () => {
      if (socket === ws) socket = null;
      if (!refused) retry();
    };
  };

  const reconnectNow = () => {
    if (closed || socket) return;
    attempt = 0;
    clearTimeout(retryTimer);
    void connect();
  };
  // back online after a network change: no need to wait for the back-off
  globalThis.addEventListener?.('online', reconnectNow);

  void connect();
  return {
    close() {
      closed = true;
      clearTimeout(retryTimer);
      clearTimeout(keepAliveTimer);
      globalThis.removeEventListener?.('online', reconnectNow);
      socket?.close();
    },
  };
}
