// Runs the Event API authorizer's decision: every case must come out as expected, or this exits with 1
// (LiveEventsTest runs it). Connecting is checked on the table of token cases (token-cases.json, the "live" verdict),
// and a subscription with each of its tokens must follow the API's answer (the table's "api" verdict); the channels
// and operations are this authorizer's own. The channel spellings are LiveChannels' (upload-contract), checked there
// the same way.
import assert from 'node:assert/strict';
import { channelOf, decide, eventIdOf } from '../../main/resources/live-authorizer/index.mjs';
import { fixture, header, table, tokenOf } from './token-cases.mjs';

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
  ['connect with garbage', await decide({ authorizationToken: 'garbage', requestContext: { operation: 'EVENT_CONNECT' } }, api), false],
];
const made = fixture({
  issuers: { members: 'https://cognito-idp.eu-central-1.amazonaws.com/pool', guests: 'event-photos-test-guests', unknown: 'https://evil.example.com' },
  client: 'web',
  other: 'other',
});
for (const { name, token, sent, expect } of table.cases) {
  const jwt = tokenOf(token, made);
  for (const way of sent) {
    const authorizationToken = header(jwt, way) ?? '';
    cases.push([`connect: ${name}, ${way}`, await decide({ authorizationToken, requestContext: { operation: 'EVENT_CONNECT' } }, api), expect.live === 'allow']);
    // the API decides a subscription (mocked here as the table says the API answers)
    const theApi = async () => (expect.api === 'accept' ? 200 : 401);
    cases.push([`subscribe: ${name}, ${way}`, await decide({ authorizationToken, requestContext: { operation: 'EVENT_SUBSCRIBE', channel: '/gallery/partyzd2026' } }, theApi), expect.api === 'accept']);
  }
}
let failed = 0;
for (const [name, answer, expected] of cases) {
  const ok = answer.isAuthorized === expected && answer.ttlOverride === 0;
  console.log(`${ok ? 'ok' : 'FAILED'}: ${name}: ${answer.isAuthorized ? 'allowed' : `refused: ${answer.reason}`}`);
  if (!ok) failed++;
}
assert.deepEqual(asked.filter(([id]) => id !== 'party-2026').map(([id]) => id), ['other']);
process.exit(failed === 0 ? 0 : 1);
