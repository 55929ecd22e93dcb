// The renditions the processor makes (widths 320/640/1920, never upscaled, auto-oriented, each as JPEG q80 and
// WebP q80, metadata stripped, sRGB), made with sharp: what a Node user would pick. Run by the rendition benchmark (Java), one
// process per measurement, so its peak RSS is its own.
//   node renditions.mjs webp <png> <webp>         make the WebP input (once, not timed)
//   node renditions.mjs run <input> <inFlight> <seconds> <threads> <variant>
//     variant "pipelines":   one sharp pipeline per width from the upload, run together (sharp's usual way)
//     variant "decode-once": decode and resize to the largest width once, derive the smaller ones from it
import fs from 'node:fs';
import sharp from 'sharp';

const STANDARD_WIDTHS = [320, 640, 1920];

function widthsFor(originalWidth) {
  const largest = STANDARD_WIDTHS[STANDARD_WIDTHS.length - 1];
  const widths = new Set(STANDARD_WIDTHS.filter((w) => w < originalWidth));
  widths.add(Math.min(originalWidth, largest));
  return [...widths].sort((a, b) => a - b);
}

const jpeg = { quality: 80 }; // sharp's defaults otherwise: 4:2:0, optimised Huffman coding, no metadata
const webp = { quality: 80 }; // effort 4, no metadata

/** One width as JPEG and WebP from one resize pipeline (clone() shares the input). */
async function bothFormats(resized) {
  const [j, w] = await Promise.all([
    resized.clone().jpeg(jpeg).toBuffer({ resolveWithObject: true }),
    resized.clone().webp(webp).toBuffer(),
  ]);
  return { ...j, webpBytes: w.length };
}

async function pipelines(input) {
  const meta = await sharp(input).metadata();
  const width = (meta.orientation ?? 1) >= 5 ? meta.height : meta.width;
  return Promise.all(widthsFor(width).map((w) =>
    bothFormats(sharp(input).rotate().resize({ width: w, withoutEnlargement: true }))));
}

async function decodeOnce(input) {
  const meta = await sharp(input).metadata();
  const widths = widthsFor((meta.orientation ?? 1) >= 5 ? meta.height : meta.width);
  const largest = await sharp(input).rotate().resize({ width: widths[widths.length - 1], withoutEnlargement: true })
    .raw().toBuffer({ resolveWithObject: true });
  const raw = { raw: { width: largest.info.width, height: largest.info.height, channels: largest.info.channels } };
  return Promise.all(widths.map((w) => bothFormats(sharp(largest.data, raw).resize({ width: w, withoutEnlargement: true }))));
}

function peakRssMiB() {
  const match = fs.readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return match ? Number(match[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

const [command, ...args] = process.argv.slice(2);
sharp.cache(false); // every upload is new: the processor does not cache either
if (command === 'webp') {
  await sharp(args[0]).webp({ quality: 90 }).toFile(args[1]);
} else if (command === 'run') {
  const [file, inFlightText, secondsText, threadsText, variant] = args;
  const inFlight = Number(inFlightText);
  sharp.concurrency(Number(threadsText));
  const render = variant === 'decode-once' ? decodeOnce : pipelines;
  const input = fs.readFileSync(file);
  let outputs = await render(input); // warm-up, not counted
  await render(input);
  let images = 0;
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(Number(secondsText) * 1e9));
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (process.hrtime.bigint() < deadline) {
      outputs = await render(input);
      images++;
    }
  }));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(JSON.stringify({
    images, seconds, imagesPerSecond: images / seconds, peakRssMiB: peakRssMiB(),
    outputs: outputs.map((o) => ({ width: o.info.width, height: o.info.height, bytes: o.data.length, webpBytes: o.webpBytes })),
    libvips: sharp.versions.vips, sharp: sharp.versions.sharp,
  }));
} else {
  console.error('usage: renditions.mjs webp <png> <webp> | run <input> <inFlight> <seconds> <threads> <variant>');
  process.exit(2);
}
