// The table of token cases both authorizers' checks run (and the API's AppClientCheckTableTest):
// upload-contract/src/test/resources/token-cases.json, its format described in its "about".
import { readFileSync } from 'node:fs';
import { createSign, generateKeyPairSync } from 'node:crypto';

export const table = JSON.parse(readFileSync(
  new URL('../../../../upload-contract/src/test/resources/token-cases.json', import.meta.url), 'utf8'));

const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWT of the claims, RS256 with kid c1 unless the header says otherwise. */
export function jwt(claims, privateKey, header = { alg: 'RS256', kid: 'c1' }) {
  const input = `${part(header)}.${part(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
}

const newKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

/**
 * The keys and names a check makes its tokens with: { members, guests, stranger } key pairs, and settings
 * { issuers: { members, guests, unknown }, client, other }.
 */
export function fixture(settings) {
  return { settings, keys: { members: newKey(), guests: newKey(), unknown: newKey(), stranger: newKey() } };
}

function resolve(value, settings) {
  if (Array.isArray(value)) return value.map((v) => resolve(v, settings));
  if (value === '$client') return settings.client;
  if (value === '$other') return settings.other;
  return value;
}

/** The token of a case ({raw} as is, null as undefined), made with the fixture's keys. */
export function tokenOf(token, { settings, keys }, nowSeconds = Math.floor(Date.now() / 1000)) {
  if (token == null) return undefined;
  if (token.raw !== undefined) return token.raw;
  const claims = { iss: settings.issuers[token.issuer] };
  for (const [name, value] of Object.entries(token.claims)) claims[name] = resolve(value, settings);
  claims.exp = nowSeconds + token.exp;
  switch (token.signature) {
    case 'good': return jwt(claims, keys[token.issuer].privateKey);
    case 'other-key': return jwt(claims, keys.stranger.privateKey);
    case 'alg-none': return `${part({ alg: 'none' })}.${part(claims)}.`;
    default: throw new Error(`unknown signature ${token.signature}`);
  }
}

/** The Authorization header a case's token is sent in, one way ('bearer' or 'bare'). */
export function header(token, sent) {
  return token === undefined ? undefined : sent === 'bare' ? token : `Bearer ${token}`;
}
