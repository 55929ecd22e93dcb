// The Event API's Lambda authorizer: who may subscribe to an event's gallery channel is exactly who the upload API
// lets read that event's live channel (GET {API_URL}/events/{eventId}/live answers 200 for the caller's token), so
// EventAccessPolicy decides here too: members, guests allowed to view, wall tokens. Publishing is IAM only (the
// functions' roles); this never allows it. Answers are not cached: a decision is per token *and* channel, and a
// revoked token must stop subscribing at once.
const NAMESPACE = 'gallery';

/** The event whose gallery a channel is (LiveChannels in upload-contract: z escapes, segments of 50), or null. */
export function eventIdOf(channel) {
  const segments = String(channel ?? '').replace(/^\//, '').split('/');
  if (segments.length < 2 || segments[0] !== NAMESPACE) return null;
  const encoded = segments.slice(1).join('');
  let id = '';
  for (let i = 0; i < encoded.length; i++) {
    const c = encoded[i];
    if (c === 'z') {
      const next = encoded[++i];
      if (next === 'z') id += 'z';
      else if (next === 'd') id += '-';
      else if (next === 'u') id += '_';
      else return null;
    } else if (/[A-Za-z0-9]/.test(c)) {
      id += c;
    } else {
      return null;
    }
  }
  return /^[A-Za-z0-9_-]{1,64}$/.test(id) && channelOf(id) === `/${segments.join('/')}` ? id : null;
}

export function channelOf(eventId) {
  const encoded = eventId.replace(/[z_-]/g, (c) => ({ z: 'zz', '-': 'zd', _: 'zu' })[c]);
  const parts = encoded.match(/.{1,50}/g) ?? [];
  return `/${NAMESPACE}/${parts.join('/')}`;
}

function looksLikeJwt(token) {
  const parts = token.replace(/^Bearer\s+/i, '').split('.');
  if (parts.length !== 3) return false;
  try {
    const claims = JSON.parse(Buffer.from(parts[1].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
    return typeof claims.exp === 'number' && claims.exp > Date.now() / 1000;
  } catch {
    return false;
  }
}

/**
 * @param event the authorizer request: { authorizationToken, requestContext: { operation, channel } }
 * @param mayView async (eventId, authorization) => HTTP status of GET /events/{eventId}/live
 */
export async function decide(event, mayView) {
  const token = String(event?.authorizationToken ?? '');
  const context = event?.requestContext ?? {};
  const deny = (reason) => ({ isAuthorized: false, ttlOverride: 0, reason });
  if (!token) return deny('no token');
  if (context.operation === 'EVENT_CONNECT') {
    // the subscription is what is checked; connecting needs a token that is not plainly unusable
    return looksLikeJwt(token) ? { isAuthorized: true, ttlOverride: 0 } : deny('not an unexpired JWT');
  }
  if (context.operation !== 'EVENT_SUBSCRIBE') return deny(`${context.operation} is not allowed with a token`);
  const eventId = eventIdOf(context.channel);
  if (!eventId) return deny(`not an event's gallery channel: ${context.channel}`);
  const authorization = /^Bearer\s/i.test(token) ? token : `Bearer ${token}`;
  const status = await mayView(eventId, authorization);
  return status === 200 ? { isAuthorized: true, ttlOverride: 0 } : deny(`the API answered ${status}`);
}

async function askApi(eventId, authorization) {
  try {
    const response = await fetch(`${process.env.API_URL}/events/${encodeURIComponent(eventId)}/live`, {
      headers: { Authorization: authorization }, signal: AbortSignal.timeout(3000),
    });
    return response.status;
  } catch {
    return 503;
  }
}

export async function handler(event) {
  const { reason, ...answer } = await decide(event, askApi);
  console.log(JSON.stringify({ operation: event?.requestContext?.operation, channel: event?.requestContext?.channel,
    isAuthorized: answer.isAuthorized, reason }));
  return answer;
}
