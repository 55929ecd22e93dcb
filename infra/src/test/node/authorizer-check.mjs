// Runs the API Gateway authorizer's decision on tokens made here, as Cognito and this API make them: every case must
// come out as expected, or this exits with 1 (AuthorizerTest runs it).
import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { decide } from '../../main/resources/authorizer/index.mjs';

const cognito = generateKeyPairSync('rsa', { modulusLength: 2048 });
const guest = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const settings = { cognitoIssuer: 'https://cognito-idp.eu-central-1.amazonaws.com/pool', clientIds: ['web'], guestIssuer: 'event-photos-test-guests' };
const keys = { cognito: async (kid) => (kid === 'c1' ? cognito.publicKey : undefined), guest: async () => guest.publicKey };
const now = Math.floor(Date.now() / 1000);

function jwt(claims, privateKey, header = { alg: 'RS256', kid: 'c1' }) {
  const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part(header)}.${part(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(privateKey).toString('base64url')}`;
}

const cases = [
  ['Cognito access token of the web client', jwt({ iss: settings.cognitoIssuer, token_use: 'access', client_id: 'web', exp: now + 60 }, cognito.privateKey), true],
  ['Cognito ID token for the web client, bare', jwt({ iss: settings.cognitoIssuer, token_use: 'id', aud: 'web', exp: now + 60 }, cognito.privateKey), true],
  ['guest token', jwt({ iss: settings.guestIssuer, aud: 'event-photos-guest', exp: now + 60 }, guest.privateKey), true],
  ['Cognito token of another client', jwt({ iss: settings.cognitoIssuer, token_use: 'access', client_id: 'other', exp: now + 60 }, cognito.privateKey), false],
  ['expired guest token', jwt({ iss: settings.guestIssuer, aud: 'event-photos-guest', exp: now - 1 }, guest.privateKey), false],
  ['guest token signed with another key', jwt({ iss: settings.guestIssuer, aud: 'event-photos-guest', exp: now + 60 }, stranger.privateKey), false],
  ['guest token for another audience', jwt({ iss: settings.guestIssuer, aud: 'web', exp: now + 60 }, guest.privateKey), false],
  ['token of an unknown issuer', jwt({ iss: 'https://evil.example.com', token_use: 'access', client_id: 'web', exp: now + 60 }, stranger.privateKey), false],
  ['alg none', `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ iss: settings.guestIssuer, aud: 'event-photos-guest', exp: now + 60 })).toString('base64url')}.`, false],
  ['no token', undefined, false],
];
for (const [what, token, expected] of cases) {
  const decision = await decide(token && (what.endsWith('bare') ? token : `Bearer ${token}`), settings, keys);
  assert.equal(decision.ok, expected, `${what}: ${decision.reason}`);
  console.log(`${expected ? 'allowed' : 'refused'}: ${what} (${decision.reason})`);
}
