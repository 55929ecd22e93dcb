'use strict';
// Makes @20minutes/s3rver 4.0.4 canonicalise SigV4 query strings as S3 does (RFC 3986): it encodes each query
// parameter with encodeURIComponent, which leaves !'()* as they are, so a correctly presigned URL whose metadata
// holds an apostrophe or parentheses ("Mom's 60th (garden)!") was refused with SignatureDoesNotMatch, while real S3
// (and every AWS SDK's presigner) encodes them as %21 %27 %28 %29 %2A. The module is compiled from its own source
// with that one call replaced, before s3rver loads it; if the source ever changes, this fails loudly instead of
// silently checking signatures the old way. Require this before '@20minutes/s3rver'.
const fs = require('fs');
const path = require('path');
const Module = require('module');

const file = require.resolve('@20minutes/s3rver/lib/middleware/authentication');
const source = fs.readFileSync(file, 'utf8');
const asShipped = "[param, value].map(encodeURIComponent).join('=')";
if (!source.includes(asShipped)) {
  throw new Error(`s3-fidelity: ${file} no longer canonicalises query strings as 4.0.4 did; review the patch`);
}
const patched = source.replace(asShipped, "[param, value].map(encodeURIComponentRFC3986).join('=')");

const fixed = new Module(file, module);
fixed.filename = file;
fixed.paths = Module._nodeModulePaths(path.dirname(file));
fixed._compile(patched, file);
fixed.loaded = true;
require.cache[file] = fixed;
