// Runs the Event API authorizer's decision: every case must come out as expected, or this exits with 1
// (LiveEventsTest runs it). The channel spellings are LiveChannels' (upload-contract), checked there the same way.
import assert from 'node:assert/strict';
import { channelOf, decide, eventIdOf } from '../../main/resources/live-authorizer/index.mjs';

const now = Math.floor(Date.now() / 1000);
const part = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (exp) => `${part({ alg: 'RS256' })}.${part({ exp })}.sig`;

// the same spellings LiveChannelsTest expects of the Java side
assert.equal(channelOf('party-2026'), '/gallery/partyzd2026');
assert.equal(channelOf('a_b'), '/gallery/azub');
assert.equal(channelOf('zz'), '/gallery/zzzz');
assert.equal(channelOf('_'.repeat(64)), `/gallery/${'zu'.repeat(25)}/${'zu'.repeat(25)}/${'zu'.repeat(14)}`);
for (const id of ['party', 'party-2026', 'a_b', 'zz', 'z-_z', '-', '_', 'Z9', '_'.repeat(64)]) {
  assert.equal(eventIdOf(channelOf(id)), id, id);
  assert.equal(eventIdOf(channelOf(id).slice(1)), id, `${id} without the leading slash`);
}
for (const channel of ['/gallery', '/gallery/*', '/gallery/party_2026', '/other/party', '/gallery/zq', '/gallery/pa/rty']) {
  assert.equal(eventIdOf(channel), null, channel);
}

const asked = [];
const api = async (eventId, authorization) => {
  asked.push([eventId, authorization]);
  return authorization === 'Bearer member' && eventId === 'party-2026' ? 200 : 404;
};
const subscribe = (token, channel) => decide({ authorizationToken: token, requestContext: { operation: 'EVENT_SUBSCRIBE', channel } }, api);
const cases = [
  ['member on their event', await subscribe('Bearer member', '/gallery/partyzd2026'), true],
  ['bare token is sent as a bearer token', await subscribe('member', '/gallery/partyzd2026'), true],
  ['member on another event', await subscribe('Bearer member', '/gallery/other'), false],
  ['stranger', await subscribe('Bearer stranger', '/gallery/partyzd2026'), false],
  ['wildcard over every event', await subscribe('Bearer member', '/gallery/*'), false],
  ['no token', await subscribe('', '/gallery/partyzd2026'), false],
  ['publish with a token', await decide({ authorizationToken: 'Bearer member', requestContext: { operation: 'EVENT_PUBLISH', channel: '/gallery/partyzd2026' } }, api), false],
  ['connect with an unexpired JWT', await decide({ authorizationToken: `Bearer ${jwt(now + 60)}`, requestContext: { operation: 'EVENT_CONNECT' } }, api), true],
  ['connect with an expired JWT', await decide({ authorizationToken: jwt(now - 1), requestContext: { operation: 'EVENT_CONNECT' } }, api), false],
  ['connect with garbage', await decide({ authorizationToken: 'garbage', requestContext: { operation: 'EVENT_CONNECT' } }, api), false],
];
let failed = 0;
for (const [name, answer, expected] of cases) {
  const ok = answer.isAuthorized === expected && answer.ttlOverride === 0;
  console.log(`${ok ? 'ok' : 'FAILED'}: ${name}: ${answer.isAuthorized ? 'allowed' : `refused: ${answer.reason}`}`);
  if (!ok) failed++;
}
assert.deepEqual(asked.filter(([id]) => id !== 'party-2026').map(([id]) => id), ['other']);
process.exit(failed === 0 ? 0 : 1);
