// API Gateway's authorizer for the routes that take a member's token or a guest's (the OpenAPI document lists both
// security schemes on them). A JWT authorizer takes one issuer only, so this checks either, as the API itself does:
// RS256, not expired, and then
//   - Cognito (COGNITO_ISSUER): an access token of one of CLIENT_IDS (token_use=access, client_id) or an ID token
//     for one of them (token_use=id, aud); keys from the pool's JWKS;
//   - a guest token (GUEST_ISSUER): aud event-photos-guest; the key is the KMS key's public key (GUEST_KMS_KEY_ID).
// The API checks every token again (and a guest's link and session); this only keeps bad tokens off the function.
import { createPublicKey, verify } from 'node:crypto';

const GUEST_AUDIENCE = 'event-photos-guest';

function base64url(text) {
  return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

function json(part) {
  return JSON.parse(base64url(part).toString('utf8'));
}

function audiences(claims) {
  return Array.isArray(claims.aud) ? claims.aud : claims.aud ? [claims.aud] : [];
}

/**
 * @param authorization the Authorization header: "Bearer <jwt>" or the bare JWT
 * @param settings { cognitoIssuer, clientIds, guestIssuer }
 * @param keys { cognito: async (kid) => KeyObject | undefined, guest: async () => KeyObject }
 * @returns { ok: boolean, reason: string }
 */
export async function decide(authorization, settings, keys, nowSeconds = Date.now() / 1000) {
  const token = (authorization || '').replace(/^Bearer\s+/i, '').trim();
  const parts = token.split('.');
  if (parts.length !== 3) return { ok: false, reason: 'not a JWT' };
  let header;
  let claims;
  try {
    header = json(parts[0]);
    claims = json(parts[1]);
  } catch {
    return { ok: false, reason: 'not a JWT' };
  }
  if (header.alg !== 'RS256') return { ok: false, reason: `algorithm ${header.alg} is not RS256` };
  if (typeof claims.exp !== 'number' || claims.exp <= nowSeconds) return { ok: false, reason: 'expired' };
  let key;
  if (claims.iss === settings.guestIssuer) {
    if (!audiences(claims).includes(GUEST_AUDIENCE)) return { ok: false, reason: 'guest token for another audience' };
    key = await keys.guest();
  } else if (claims.iss === settings.cognitoIssuer) {
    // as the API's AppClientCheck: an access token's client_id is ours and an azp it also carries agrees with it; an
    // ID token is for one of ours and an azp it carries is one of ours (an extra claim cannot speak for another client)
    const ours = claims.token_use === 'access'
      ? settings.clientIds.includes(claims.client_id) && (claims.azp === undefined || claims.azp === claims.client_id)
      : claims.token_use === 'id' && audiences(claims).some((aud) => settings.clientIds.includes(aud))
        && (claims.azp === undefined || settings.clientIds.includes(claims.azp));
    if (!ours) return { ok: false, reason: 'not a token of this app\'s clients' };
    key = await keys.cognito(header.kid);
  } else {
    return { ok: false, reason: 'unknown issuer' };
  }
  if (!key) return { ok: false, reason: 'unknown key' };
  const signed = verify('RSA-SHA256', Buffer.from(`${parts[0]}.${parts[1]}`), key, base64url(parts[2]));
  return signed ? { ok: true, reason: 'ok' } : { ok: false, reason: 'bad signature' };
}

const settings = {
  cognitoIssuer: process.env.COGNITO_ISSUER,
  clientIds: (process.env.CLIENT_IDS || '').split(',').filter(Boolean),
  guestIssuer: process.env.GUEST_ISSUER,
};

let cognitoKeys;
let guestKey;

const keys = {
  async cognito(kid) {
    cognitoKeys ??= fetch(`${settings.cognitoIssuer}/.well-known/jwks.json`, { signal: AbortSignal.timeout(3000) })
      .then((response) => response.json())
      .then((jwks) => new Map(jwks.keys.map((jwk) => [jwk.kid, createPublicKey({ key: jwk, format: 'jwk' })])))
      .catch((error) => { cognitoKeys = undefined; throw error; });
    return (await cognitoKeys).get(kid);
  },
  async guest() {
    guestKey ??= import('@aws-sdk/client-kms')
      .then(({ KMSClient, GetPublicKeyCommand }) => new KMSClient({}).send(
        new GetPublicKeyCommand({ KeyId: process.env.GUEST_KMS_KEY_ID })))
      .then((answer) => createPublicKey({ key: Buffer.from(answer.PublicKey), format: 'der', type: 'spki' }))
      .catch((error) => { guestKey = undefined; throw error; });
    return guestKey;
  },
};

export const handler = async (event) => {
  const authorization = event.headers?.authorization ?? event.headers?.Authorization;
  const decision = await decide(authorization, settings, keys);
  if (!decision.ok) console.log(JSON.stringify({ message: 'token refused', reason: decision.reason }));
  return { isAuthorized: decision.ok };
};
