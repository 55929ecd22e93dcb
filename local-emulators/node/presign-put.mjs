// Presigns a PutObject with AWS's own JavaScript SDK (v3), the way the original design's Node service did:
// PutObjectCommand with Metadata and ContentType, getSignedUrl, which hoists the x-amz-meta-* headers into the
// signed query string. An independent signer for the tests: prints {"url": "..."} for the JSON request on stdin.
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const client = new S3Client({
  endpoint: request.endpoint,
  region: request.region,
  forcePathStyle: true,
  credentials: { accessKeyId: request.accessKeyId, secretAccessKey: request.secretAccessKey },
});
const command = new PutObjectCommand({
  Bucket: request.bucket,
  Key: request.key,
  ContentType: request.contentType,
  Metadata: request.metadata,
});
const url = await getSignedUrl(client, command, { expiresIn: request.expiresInSeconds ?? 300 });
process.stdout.write(JSON.stringify({ url }));
