'use strict';
// S3's conditional writes, which @20minutes/s3rver 4.0.4 ignores: a PutObject or CompleteMultipartUpload that
// carries `If-None-Match: *` writes the object only if the key holds none. As S3 documents it
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/conditional-writes.html):
//  - the key holds an object when the write completes: 412 PreconditionFailed (Condition: If-None-Match);
//  - another conditional write to the same key is in progress: 409 ConditionalRequestConflict;
//  - any other If-None-Match value on a write: 501 NotImplemented.
// The header is checked after s3rver's authentication, so on a presigned URL that signed it a client can neither
// drop nor change it (403 SignatureDoesNotMatch). Writes without the header behave as before.
const objectController = require('@20minutes/s3rver/lib/controllers/object');
const S3Error = require('@20minutes/s3rver/lib/models/error');

const inProgress = new Set();

function preconditionFailed() {
  return new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', {
    Condition: 'If-None-Match',
  });
}

function conflict() {
  const error = new S3Error(
    'ConditionalRequestConflict',
    'A conflicting conditional operation is currently in progress against this resource. Please try again.',
  );
  error.status = 409; // not in s3rver's table of codes
  error.expose = true;
  return error;
}

/** Wraps a write so that `If-None-Match: *` makes it write-once. */
function writeOnce(write) {
  return async function conditionalWrite(ctx) {
    const condition = ctx.get('if-none-match');
    if (!condition) return write(ctx);
    if (condition.trim() !== '*') {
      throw new S3Error('NotImplemented', 'A header you provided implies functionality that is not implemented', {
        Header: 'If-None-Match',
      });
    }
    const id = `${ctx.params.bucket}/${ctx.params.key}`;
    const refusal = inProgress.has(id)
      ? conflict()
      : (await ctx.store.existsObject(ctx.params.bucket, ctx.params.key)) && preconditionFailed();
    if (refusal) {
      // S3 answers once it has the request: a client still sending its body gets the answer, not a reset
      for await (const chunk of ctx.req) void chunk;
      throw refusal;
    }
    inProgress.add(id);
    try {
      return await write(ctx);
    } finally {
      inProgress.delete(id);
    }
  };
}

/** Call after the multipart operations were added, so completion is wrapped too. */
function addConditionalWrites() {
  objectController.putObject = writeOnce(objectController.putObject);
  objectController.completeMultipartUpload = writeOnce(objectController.completeMultipartUpload);
}

module.exports = { addConditionalWrites };
