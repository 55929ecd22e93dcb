'use strict';
// Starts @20minutes/s3rver on loopback with credentials handed over by the Java side (never the
// package's well-known default keys), and reports the port it listens on through READY_FILE.
// Exits when its parent closes stdin, so a killed test JVM never leaves a server listening.
const fs = require('fs');
const path = require('path');
require('./s3-fidelity'); // before s3rver loads: SigV4 query canonicalisation as S3 does it (RFC 3986)
const S3rver = require('@20minutes/s3rver');
const AWSAccount = require('@20minutes/s3rver/lib/models/account');
const { addMultipartOperations } = require('./multipart');
const { addConditionalWrites } = require('./conditional-writes');

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} must be set`);
    process.exit(2);
  }
  return value;
}

const accessKey = required('S3_ACCESS_KEY');
const secretKey = required('S3_SECRET_KEY');
const directory = required('S3_DATA_DIR');
const readyFile = required('READY_FILE');
const port = Number(process.env.S3_PORT || 0);
const address = process.env.S3_ADDRESS || '127.0.0.1';

AWSAccount.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
AWSAccount.DUMMY_ACCOUNT.createKeyPair(accessKey, secretKey);

const configureBuckets = (process.env.S3_BUCKETS || '')
  .split(',')
  .filter(Boolean)
  .map((name) => ({
    name,
    configs: process.env.S3_CORS_FILE ? [fs.readFileSync(process.env.S3_CORS_FILE)] : [],
  }));

fs.mkdirSync(directory, { recursive: true });
const server = new S3rver({
  address,
  port,
  directory,
  silent: process.env.S3_SILENT === 'true',
  vhostBuckets: false,
  configureBuckets,
});
addMultipartOperations(server);
addConditionalWrites();

// S3 event notifications carry URL-encoded keys (form encoding: space as '+'); s3rver emits raw keys.
function s3EventKey(key) {
  return encodeURIComponent(key).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()).replace(/%2F/g, '/');
}

const webhook = process.env.S3_EVENT_WEBHOOK_URL;
if (webhook) {
  server.on('event', (event) => {
    for (const record of event.Records) {
      record.s3.object.key = s3EventKey(record.s3.object.key);
      record.s3.bucket.arn = `arn:aws:s3:::${record.s3.bucket.name}`;
    }
    fetch(webhook, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(event) })
      .then((res) => { if (!res.ok) console.error(`event webhook answered ${res.status}`); })
      .catch((err) => console.error(`event webhook failed: ${err.message}`));
  });
}

server.run().then(({ port: boundPort }) => {
  const tmp = readyFile + '.tmp';
  fs.writeFileSync(tmp, JSON.stringify({ port: boundPort, address }));
  fs.renameSync(tmp, readyFile);
  console.log(`s3 server listening on http://${address}:${boundPort}, data in ${path.resolve(directory)}`);
}, (err) => {
  console.error(`s3 server failed to start: ${err.message}`);
  process.exit(1);
});

process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
