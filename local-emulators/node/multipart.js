'use strict';
// What @20minutes/s3rver 4.0.4 lacks of S3's multipart upload API, added as S3 documents it, so that
// resumable uploads are tested against a server that checks every request's signature:
//  - ListParts (GET ?uploadId=) and AbortMultipartUpload (DELETE ?uploadId=), signature-checked by
//    s3rver's own authentication middleware; anonymous requests are refused;
//  - UploadPart: NoSuchUpload for an unknown, completed or aborted upload (s3rver created one on the fly);
//    x-amz-checksum-sha256 checked against the bytes (BadDigest, the earlier part is kept), and required
//    when the upload was created with ChecksumAlgorithm=SHA256;
//  - CompleteMultipartUpload: InvalidPartOrder, InvalidPart (unknown part, ETag or checksum that differs),
//    EntityTooSmall (every part but the last at least 5 MiB), and its event named
//    ObjectCreated:CompleteMultipartUpload (s3rver called it ObjectCreated:Post).
// Everything else is s3rver's own. Real S3's limits this does not imitate are listed in docs/api.md (Uploads in parts).
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { XMLParser, XMLValidator } = require('fast-xml-parser');
const authentication = require('@20minutes/s3rver/lib/middleware/authentication');
const objectController = require('@20minutes/s3rver/lib/controllers/object');
const S3Error = require('@20minutes/s3rver/lib/models/error');
const S3Event = require('@20minutes/s3rver/lib/models/event');
const S3Object = require('@20minutes/s3rver/lib/models/object');

const MIN_PART_SIZE = 5 * 1024 * 1024;
const UPLOAD_ID = /^[0-9a-f]{32}$/;

function noSuchUpload() {
  return new S3Error(
    'NoSuchUpload',
    'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
  );
}

/** The directory s3rver keeps an unfinished upload in, or an error S3 would give for it. */
function openUpload(ctx) {
  const uploadId = String(ctx.query.uploadId || '');
  if (!UPLOAD_ID.test(uploadId)) throw noSuchUpload();
  const dir = path.join(ctx.store.getResourcePath(ctx.params.bucket, undefined, 'uploads'), uploadId);
  let key;
  let metadata;
  try {
    key = fs.readFileSync(path.join(dir, 'key'), 'utf8');
    metadata = JSON.parse(fs.readFileSync(path.join(dir, 'metadata'), 'utf8'));
  } catch (err) {
    if (err.code === 'ENOENT') throw noSuchUpload();
    throw err;
  }
  if (key !== ctx.params.key) throw noSuchUpload();
  const checksumAlgorithm = String(metadata['x-amz-checksum-algorithm'] || '').toUpperCase();
  return { uploadId, dir, key, metadata, sha256Required: checksumAlgorithm === 'SHA256' };
}

function partNumbers(dir) {
  return fs
    .readdirSync(dir)
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .sort((a, b) => a - b);
}

function storedPart(upload, number) {
  const file = path.join(upload.dir, String(number));
  try {
    const stat = fs.statSync(file);
    return {
      number,
      size: stat.size,
      lastModified: stat.mtime,
      md5: fs.readFileSync(`${file}.md5`, 'utf8'),
      sha256: fs.existsSync(`${file}.sha256`) ? fs.readFileSync(`${file}.sha256`, 'utf8') : undefined,
    };
  } catch (err) {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  }
}

function sha256Base64(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('base64');
}

async function listParts(ctx) {
  const upload = openUpload(ctx);
  const marker = Number(ctx.query['part-number-marker'] || 0);
  const maxParts = Math.min(Number(ctx.query['max-parts'] || 1000), 1000);
  const numbers = partNumbers(upload.dir).filter((n) => n > marker);
  // a part whose PUT was cut off mid-way has bytes but no checksum file yet: S3 would not list it either
  const page = numbers.slice(0, maxParts).map((n) => storedPart(upload, n)).filter(Boolean);
  const truncated = numbers.length > maxParts;
  ctx.body = {
    ListPartsResult: {
      Bucket: ctx.params.bucket,
      Key: upload.key,
      UploadId: upload.uploadId,
      PartNumberMarker: marker,
      NextPartNumberMarker: page.length ? page[page.length - 1].number : marker,
      MaxParts: maxParts,
      IsTruncated: truncated,
      ...(upload.sha256Required ? { ChecksumAlgorithm: 'SHA256' } : {}),
      Part: page.map((part) => ({
        PartNumber: part.number,
        LastModified: part.lastModified.toISOString(),
        ETag: JSON.stringify(part.md5),
        Size: part.size,
        ...(part.sha256 ? { ChecksumSHA256: part.sha256 } : {}),
      })),
    },
  };
}

async function abortUpload(ctx) {
  const upload = openUpload(ctx);
  fs.rmSync(upload.dir, { recursive: true, force: true });
  ctx.status = 204;
}

/** GET and DELETE with ?uploadId=, handled before s3rver's router (which answers them "method not allowed"). */
function listAndAbortMiddleware() {
  const authenticate = authentication();
  return async function multipartListAndAbort(ctx, next) {
    const match = /^\/([^/]+)\/(.+)$/.exec(ctx.path);
    if (!match || !('uploadId' in ctx.query) || !['GET', 'DELETE'].includes(ctx.method)) {
      return next();
    }
    ctx.params = { bucket: decodeURIComponent(match[1]), key: decodeURIComponent(match[2]) };
    if (!ctx.get('authorization') && !('X-Amz-Algorithm' in ctx.query)) {
      throw new S3Error('AccessDenied', 'Access Denied');
    }
    if (!(await ctx.store.getBucket(ctx.params.bucket))) {
      throw new S3Error('NoSuchBucket', 'The specified bucket does not exist', { BucketName: ctx.params.bucket });
    }
    await authenticate(ctx, () => (ctx.method === 'GET' ? listParts(ctx) : abortUpload(ctx)));
  };
}

const s3rverUploadPart = objectController.uploadPart;

async function uploadPart(ctx) {
  const upload = openUpload(ctx);
  const number = Number(ctx.query.partNumber);
  if (!Number.isInteger(number) || number < 1 || number > 10000) {
    throw new S3Error('InvalidArgument', 'Part number must be an integer between 1 and 10000, inclusive', {
      ArgumentName: 'partNumber',
      ArgumentValue: ctx.query.partNumber,
    });
  }
  const expected = ctx.get('x-amz-checksum-sha256');
  if (upload.sha256Required && !expected) {
    throw new S3Error(
      'InvalidRequest',
      'The upload was created using a sha256 checksum. The part must include the x-amz-checksum-sha256 header.',
    );
  }
  const file = path.join(upload.dir, String(number));
  const earlier = storedPart(upload, number);
  if (earlier) {
    fs.renameSync(file, `${file}.earlier`);
    fs.renameSync(`${file}.md5`, `${file}.md5.earlier`);
  }
  await s3rverUploadPart(ctx);
  const actual = sha256Base64(file);
  if (expected && expected !== actual) {
    fs.rmSync(file, { force: true });
    fs.rmSync(`${file}.md5`, { force: true });
    if (earlier) {
      fs.renameSync(`${file}.earlier`, file);
      fs.renameSync(`${file}.md5.earlier`, `${file}.md5`);
    }
    ctx.remove('ETag');
    throw new S3Error('BadDigest', 'The sha256 you specified did not match the calculated checksum.');
  }
  fs.rmSync(`${file}.earlier`, { force: true });
  fs.rmSync(`${file}.md5.earlier`, { force: true });
  if (expected) {
    fs.writeFileSync(`${file}.sha256`, actual);
    ctx.set('x-amz-checksum-sha256', actual);
  } else {
    fs.rmSync(`${file}.sha256`, { force: true });
  }
}

async function readXml(ctx) {
  const chunks = [];
  for await (const chunk of ctx.req) chunks.push(chunk);
  const xml = Buffer.concat(chunks).toString('utf8');
  if (XMLValidator.validate(xml) !== true) {
    throw new S3Error(
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema.',
    );
  }
  return new XMLParser({ parseTagValue: false }).parse(xml);
}

async function completeMultipartUpload(ctx) {
  const upload = openUpload(ctx);
  const body = await readXml(ctx);
  const requested = body.CompleteMultipartUpload && body.CompleteMultipartUpload.Part;
  if (!requested) {
    throw new S3Error(
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema.',
    );
  }
  const parts = [].concat(requested).map((part) => ({
    number: Number(part.PartNumber),
    etag: String(part.ETag || '').replace(/"/g, ''),
    sha256: part.ChecksumSHA256 === undefined ? undefined : String(part.ChecksumSHA256),
  }));
  parts.forEach((part, i) => {
    if (i > 0 && part.number <= parts[i - 1].number) {
      throw new S3Error('InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.');
    }
  });
  const stored = parts.map((part) => {
    const found = storedPart(upload, part.number);
    const checksumDiffers = (upload.sha256Required || part.sha256 !== undefined) && part.sha256 !== (found && found.sha256);
    if (!found || found.md5 !== part.etag || checksumDiffers) {
      throw new S3Error(
        'InvalidPart',
        "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag or checksum may not match the part's.",
        { UploadId: upload.uploadId, PartNumber: part.number, ETag: part.etag },
      );
    }
    return found;
  });
  stored.slice(0, -1).forEach((part) => {
    if (part.size < MIN_PART_SIZE) {
      throw new S3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.', {
        ProposedSize: part.size,
        MinSizeAllowed: MIN_PART_SIZE,
        PartNumber: part.number,
      });
    }
  });
  // Parts not named in the request are discarded, as S3 does.
  partNumbers(upload.dir)
    .filter((n) => !parts.some((part) => part.number === n))
    .forEach((n) => ['', '.md5', '.sha256'].forEach((suffix) => fs.rmSync(path.join(upload.dir, n + suffix), { force: true })));
  const { md5, size } = await ctx.store.putObjectMultipart(ctx.params.bucket, upload.uploadId, parts);
  const event = new S3Event(
    {
      bucket: ctx.params.bucket,
      eventType: 'Post',
      S3Item: new S3Object(ctx.params.bucket, ctx.params.key, null, { etag: JSON.stringify(md5), 'content-length': size }),
    },
    { reqHeaders: ctx.headers, sourceIp: ctx.ip },
  );
  event.Records[0].eventName = 'ObjectCreated:CompleteMultipartUpload';
  ctx.app.emit('event', event);
  ctx.body = {
    CompleteMultipartUploadResult: {
      Location: ctx.href.split('?')[0],
      Bucket: ctx.params.bucket,
      Key: ctx.params.key,
      ETag: JSON.stringify(md5),
    },
  };
}

/** Adds the operations to a constructed, not yet running, S3rver. */
function addMultipartOperations(server) {
  objectController.uploadPart = uploadPart;
  objectController.completeMultipartUpload = completeMultipartUpload;
  // s3rver's router is the last middleware; list and abort go just before it
  server.middleware.splice(server.middleware.length - 1, 0, listAndAbortMiddleware());
}

module.exports = { addMultipartOperations };
