// Runs the API Gateway authorizer's decision on the table of token cases (token-cases.json), tokens made here as
// Cognito and this API make them: every case must come out as the table's "http" verdict, or this exits with 1
// (TokenAuthorizerTest runs it).
import assert from 'node:assert/strict';
import { decide } from '../../main/resources/authorizer/index.mjs';
import { fixture, header, table, tokenOf } from './token-cases.mjs';

const settings = { cognitoIssuer: 'https://cognito-idp.eu-central-1.amazonaws.com/pool', clientIds: ['web'], guestIssuer: 'event-photos-test-guests' };
const made = fixture({
  issuers: { members: settings.cognitoIssuer, guests: settings.guestIssuer, unknown: 'https://evil.example.com' },
  client: 'web',
  other: 'other',
});
const keys = {
  cognito: async (kid) => (kid === 'c1' ? made.keys.members.publicKey : undefined),
  guest: async () => made.keys.guests.publicKey,
};

for (const { name, token, sent, expect } of table.cases) {
  const jwt = tokenOf(token, made);
  for (const way of sent) {
    const decision = await decide(header(jwt, way), settings, keys);
    assert.equal(decision.ok ? 'allow' : 'deny', expect.http, `${name} (${way}): ${decision.reason}`);
    console.log(`${decision.ok ? 'allowed' : 'refused'}: ${name}, ${way} (${decision.reason})`);
  }
}
