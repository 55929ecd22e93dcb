// Browser test of a guest link: the organiser makes one; the test reads its QR code from a screenshot, opens it in
// a fresh browser (no account) on a phone-sized screen, gives a name, picks 30 photos at once and uploads them; the
// organiser approves them in the review queue, and the guest sees them approved.
// Env: WEB_URL, EVENT_ID (an empty event the organiser owns), DEMO_USERNAME, DEMO_PASSWORD (the organiser),
// GUEST_PHOTOS (a directory of JPEGs, 30 of them), SCREENSHOT_DIR, CHROMIUM (optional).
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { PHONE } from './accessibility.mjs';
import { env, failureLog, launch, openTab, signIn } from './browser.mjs';

const webUrl = env('WEB_URL');
const eventId = env('EVENT_ID');
const screenshots = env('SCREENSHOT_DIR');
mkdirSync(screenshots, { recursive: true });
const photos = readdirSync(env('GUEST_PHOTOS'))
  .filter((name) => name.endsWith('.jpg'))
  .sort()
  .map((name) => join(env('GUEST_PHOTOS'), name));
const guestName = '할머니 순자';
const description = "Mom's 60th (garden)!";

const browser = await launch();
const { check, accessible, keyboardOnly, watchConsole, finish } = failureLog();
try {
  check(photos.length === 30, `expected 30 photos to pick, found ${photos.length}`);

  // 1. the organiser makes a guest link (guests see the photos, the organiser approves each first)
  const organiser = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  watchConsole(organiser, 'organiser');
  await organiser.goto(`${webUrl}/events/${eventId}`);
  await signIn(organiser, `${webUrl}/events/${eventId}`, env('DEMO_USERNAME'), env('DEMO_PASSWORD'));
  await openTab(organiser, 'Guests and links');
  await organiser.getByLabel('They may').selectOption('GUEST');
  await organiser.getByRole('button', { name: 'Create invite link' }).click();
  const qr = organiser.getByTestId('guest-qr');
  await qr.waitFor();
  const link = await organiser.getByTestId('invite-link').inputValue();
  check(link.startsWith(`${webUrl}/g/`), `the guest link is ${link}`);
  await accessible(organiser, 'event page, guest link card');
  await organiser.screenshot({ path: `${screenshots}/guest-card.png`, fullPage: true });

  // 2. what a phone's camera would do: read the QR code from the pixels on the screen
  const png = PNG.sync.read(await qr.screenshot());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  check(decoded?.data === link, `the QR code reads "${decoded?.data}", the link is ${link}`);
  const scanned = decoded?.data ?? link;

  // 3. a guest without an account opens it on a phone, in a browser that has never seen this site
  const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, locale: 'en-US' });
  const guest = await phone.newPage();
  watchConsole(guest, 'guest');
  await guest.goto(scanned);
  await guest.getByLabel('Your name').waitFor();
  check((await guest.getByRole('button', { name: 'Sign in' }).count()) === 0, 'the guest page asks to sign in');
  await accessible(guest, 'guest page, name prompt');
  await guest.getByLabel('Your name').fill(guestName);
  await guest.getByRole('button', { name: 'Continue' }).click();
  await guest.getByRole('button', { name: 'Add photos' }).waitFor();
  check((await guest.getByText(`Adding photos as ${guestName}.`).count()) === 1, 'the guest page names the guest');
  await accessible(guest, 'guest page, before upload');
  await keyboardOnly(guest, 'guest page, before upload');

  // 4. thirty photos at once: a compact grid, one description for all, one tap to upload them all
  await guest.setInputFiles('[data-testid=file-input]', photos);
  await guest.getByTestId('upload-item').nth(29).waitFor();
  check((await guest.getByLabel('Title', { exact: true }).count()) === 0, 'thirty photos shown as thirty forms');
  await guest.getByLabel('Description for all photos (optional)').fill(description);
  await accessible(guest, 'guest page, 30 photos picked');
  await guest.getByRole('button', { name: 'Upload 30 photos' }).click();
  await guest.waitForFunction(
    () => {
      const states = [...document.querySelectorAll('[data-testid=upload-item] [data-state]')];
      return states.length === 30 && states.every((s) => s.dataset.state === 'ready' || s.dataset.state === 'failed');
    },
    null,
    { timeout: 180000 },
  );
  const failed = await guest.locator('[data-state=failed]').count();
  check(failed === 0, `${failed} of 30 uploads failed: ${await guest.locator('.tile.failed').allTextContents()}`);
  check(
    (await guest.getByLabel('overall upload progress').getAttribute('value')) === '100',
    'overall progress short of 100 %',
  );
  const mine = guest.getByRole('region', { name: 'Your photos' }).getByTestId('gallery-item');
  check((await mine.count()) === 30, `the guest's own photos list ${await mine.count()}`);
  check(
    (await mine.filter({ hasText: 'Waiting for the organiser' }).count()) === 30,
    'own photos not marked as waiting',
  );
  await accessible(guest, 'guest page, 30 photos waiting for approval');
  await guest.screenshot({ path: `${screenshots}/guest-phone.png`, fullPage: true });

  // 5. the organiser approves all thirty at once in the review queue
  await organiser.reload();
  await openTab(organiser, /^Review/);
  const queue = organiser.getByRole('region', { name: 'Review queue' });
  await queue.getByTestId('review-item').nth(29).waitFor();
  check((await queue.getByTestId('review-item').count()) === 30, 'the review queue holds the 30 photos');
  check((await queue.getByText(`by ${guestName}`).count()) === 30, 'the review queue names the guest');
  await accessible(organiser, 'event page, review queue');
  await queue.getByLabel('Select all').check();
  await queue.getByRole('button', { name: 'Approve 30 selected' }).click();
  await queue.getByTestId('review-item').first().waitFor({ state: 'detached', timeout: 30000 });

  // 6. the event's gallery holds all thirty, approved, with the guest's name and description
  await organiser.reload();
  const gallery = organiser.getByRole('region', { name: 'Photos' });
  await gallery.getByTestId('gallery-item').first().waitFor();
  while ((await gallery.getByRole('button', { name: 'Load more' }).count()) > 0) {
    const before = await gallery.getByTestId('gallery-item').count();
    await gallery.getByRole('button', { name: 'Load more' }).click();
    await organiser.waitForFunction((n) => document.querySelectorAll('[data-testid=gallery-item]').length > n, before);
  }
  const theirs = gallery.getByTestId('gallery-item').filter({ hasText: `by ${guestName}` });
  check(
    (await theirs.count()) === 30,
    `the organiser's gallery shows ${await theirs.count()} of the guest's 30 photos`,
  );
  check((await theirs.filter({ hasText: description }).count()) === 30, 'the description for all was not kept');
  check(
    (await theirs.filter({ hasText: 'Waiting for the organiser' }).count()) === 0,
    'a photo still waits for review',
  );

  // 7. and the guest, reopening the link later, is the same guest and sees them approved
  await guest.goto(scanned);
  const approved = guest.getByRole('region', { name: 'Your photos' }).getByTestId('gallery-item');
  await approved.nth(29).waitFor();
  check((await guest.getByLabel('Your name').count()) === 0, 'the guest was asked for a name again');
  check(
    (await approved.filter({ hasText: 'Waiting for the organiser' }).count()) === 0,
    'approved photos still waiting',
  );
  await keyboardOnly(guest, 'guest page, approved photos');
  await phone.close();
} finally {
  await browser.close();
}
finish('guest link end-to-end');
