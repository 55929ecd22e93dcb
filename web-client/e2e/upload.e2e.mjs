// Browser end-to-end test: Debian's Chromium driven by playwright-core against the local stack.
// Env: WEB_URL, EVENT_ID (an event the organiser owns, and its "-keyboard" twin), DEMO_USERNAME, DEMO_PASSWORD
// (the organiser), GUEST_USERNAME, GUEST_PASSWORD, PHOTO_1, PHOTO_2, PHOTO_LARGE (over the threshold of uploads in
// parts), SCREENSHOT_DIR, CHROMIUM (optional).
import { mkdirSync } from 'node:fs';
import {
  actionsOf,
  env,
  failureLog,
  launch,
  openTab,
  photoAction,
  pollingNotProcessedYet,
  signIn,
} from './browser.mjs';

const webUrl = env('WEB_URL');
const eventId = env('EVENT_ID');
const screenshots = env('SCREENSHOT_DIR');
mkdirSync(screenshots, { recursive: true });
const koreanTitle = '서울 불꽃축제 🎆 2026';

const browser = await launch();
const { failures, check, accessible, keyboardOnly, finish } = failureLog();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && page.url().startsWith(webUrl) && !pollingNotProcessedYet(m)) {
      consoleErrors.push(`${m.text()} (${m.location().url})`);
    }
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  // Listening from the start keeps file-chooser interception on before any key is pressed (a listener added just
  // before the key press can lose the race with the dialog).
  let onFileChooser = () => {};
  page.on('filechooser', (chooser) => onFileChooser(chooser));
  const fileChooserOpenedBy = async (action) => {
    const opened = new Promise((resolve) => {
      onFileChooser = resolve;
      setTimeout(() => resolve(null), 15000);
    });
    await action();
    return opened;
  };

  // 1. sign in through the provider's real login page
  await page.goto(`${webUrl}/events/${eventId}`);
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  await accessible(page, 'signed out');
  await signIn(page, `${webUrl}/events/${eventId}`, env('DEMO_USERNAME'), env('DEMO_PASSWORD'));
  await page.getByText('Sign out').waitFor();

  await page.locator('.dropzone').waitFor();
  await accessible(page, 'event page, empty');
  await keyboardOnly(page, 'event page, empty');

  // 2. two images on the drop zone's input, one titled in Korean
  await page.setInputFiles('[data-testid=file-input]', [env('PHOTO_1'), env('PHOTO_2')]);
  const items = page.getByTestId('upload-item');
  await items.nth(1).waitFor();
  await accessible(page, 'event page, uploads chosen');
  check((await items.count()) === 2, `expected 2 upload items, saw ${await items.count()}`);
  await items.nth(0).getByLabel('Title').fill(koreanTitle);
  await items.nth(0).getByLabel('Description').fill('밤하늘 + 친구들');
  const secondTitle = await items.nth(1).getByLabel('Title').inputValue();
  await page.getByRole('button', { name: 'Upload 2 photos' }).click();
  await accessible(page, 'event page, uploads in progress');

  // 3. progress reaches 100 % and both become ready
  await page.waitForFunction(
    () => {
      const bars = [...document.querySelectorAll('progress')];
      return bars.length === 2 && bars.every((bar) => bar.value === 100);
    },
    null,
    { timeout: 60000 },
  );
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-testid=upload-item] [data-state]')].every(
        (s) => s.dataset.state === 'ready',
      ),
    null,
    { timeout: 60000 },
  );

  // 4. both in the gallery with their titles, images loaded
  const gallery = page.getByTestId('gallery-item');
  await page.getByTestId('gallery-item').filter({ hasText: koreanTitle }).waitFor();
  await page.getByTestId('gallery-item').filter({ hasText: secondTitle }).waitFor();
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-testid=gallery-item] img')].every(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    null,
    { timeout: 30000 },
  );
  check((await gallery.count()) >= 2, 'gallery shows both photos');
  const announced = await page.getByTestId('upload-announcement').textContent();
  check(announced === '2 of 2 photos uploaded', `live region says "${announced}"`);
  await accessible(page, 'event page, gallery');
  await keyboardOnly(page, 'event page, gallery');
  await page.screenshot({ path: `${screenshots}/gallery.png`, fullPage: true });

  // 5. the gallery shows renditions (never an original) and the photo URL serves an image
  const images = await page.evaluate(() =>
    [...document.querySelectorAll('[data-testid=gallery-item] img')].map((img) => ({
      src: img.currentSrc || img.src,
      srcset: img.getAttribute('srcset') || '',
    })),
  );
  for (const image of images) {
    check(
      image.src.includes('/photos/') && !image.src.includes('/uploads/'),
      `gallery image is not a rendition: ${image.src}`,
    );
    check(
      image.srcset.includes(' 320w') || /w\d+\.jpg \d+w$/.test(image.srcset),
      `no srcset of renditions: ${image.srcset}`,
    );
  }
  // (the PUTs of the upload itself go to uploads/; no image may be loaded from there)
  const originals = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.initiatorType === 'img' && entry.name.includes('/uploads/'))
      .map((entry) => entry.name),
  );
  check(originals.length === 0, `the page downloaded originals: ${originals.join(', ')}`);
  const src = await gallery.filter({ hasText: koreanTitle }).locator('img').getAttribute('src');
  const photo = await page.request.get(src);
  check(photo.status() === 200, `photo URL answered ${photo.status()}`);
  check(
    (photo.headers()['content-type'] || '').startsWith('image/'),
    `photo URL content-type ${photo.headers()['content-type']}`,
  );

  // 6. usable on a phone-sized screen
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${screenshots}/gallery-phone.png`, fullPage: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 0, `page scrolls sideways on a phone by ${overflow}px`);

  // 7. one upload by keyboard alone: Tab to the drop zone, Enter opens the file chooser, Tab to Upload, Enter
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${webUrl}/events/${eventId}-keyboard`);
  await page.locator('.dropzone').waitFor();
  const focusOn = async (matches, what) => {
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(matches)) return true;
    }
    failures.push(`keyboard: could not reach ${what} with Tab`);
    return false;
  };
  if (await focusOn(() => document.activeElement?.getAttribute('aria-label') === 'Add photos', 'the drop zone')) {
    const chooser = await fileChooserOpenedBy(() => page.keyboard.press('Enter'));
    check(chooser !== null, 'keyboard: Enter on the drop zone did not open the file chooser');
    await chooser?.setFiles(env('PHOTO_2'));
    await page.getByTestId('upload-item').waitFor();
    if (await focusOn(() => document.activeElement?.textContent === 'Upload 1 photo', 'the Upload button')) {
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => document.querySelector('[data-testid=upload-item] [data-state]')?.dataset.state === 'ready',
        null,
        {
          timeout: 60000,
        },
      );
      const said = await page.getByTestId('upload-announcement').textContent();
      check(said === '1 of 1 photo uploaded', `keyboard upload: live region says "${said}"`);
    }
  }

  // 8. my events: both events listed with the organiser's role
  await page.goto(`${webUrl}/`);
  await page.getByRole('heading', { name: 'My events' }).waitFor();
  await page.getByRole('link', { name: `End-to-end ${eventId}`, exact: true }).waitFor();
  check(
    (
      await page
        .locator('.event-list li')
        .filter({ hasText: `End-to-end ${eventId}` })
        .first()
        .textContent()
    ).includes('owner'),
    'my events: the organiser is owner',
  );
  await accessible(page, 'my events');

  // 9. the organiser makes two invite links: one to contribute to the event, one to view its -keyboard twin
  const inviteLink = async (event, role) => {
    await page.goto(`${webUrl}/events/${event}`);
    await openTab(page, 'Guests and links');
    await page.getByLabel('They may').selectOption(role);
    await page.getByRole('button', { name: 'Create invite link' }).click();
    await page.getByTestId('invite-link').waitFor();
    return page.getByTestId('invite-link').inputValue();
  };
  const contributeLink = await inviteLink(eventId, 'CONTRIBUTOR');
  await accessible(page, 'event page, invite link');
  const viewLink = await inviteLink(`${eventId}-keyboard`, 'VIEWER');
  check(contributeLink.startsWith(`${webUrl}/join/${eventId}~`), `invite link ${contributeLink}`);

  // 10. the guest (a second user, own browser session) follows the link, signs in, joins and uploads
  const guestContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const guest = await guestContext.newPage();
  // besides polling, one error is expected: the 403 of the upload the test tries as a viewer (step 11)
  const refusedAsViewer = (m) =>
    m.text().includes('403') && m.location().url.endsWith('-keyboard/photos/initiate-upload');
  guest.on('console', (m) => {
    if (m.type() === 'error' && !pollingNotProcessedYet(m) && !refusedAsViewer(m)) {
      consoleErrors.push(`guest: ${m.text()} (${m.location().url})`);
    }
  });
  await guest.goto(contributeLink);
  await guest.getByText('Sign in to join the event you were invited to.').waitFor();
  await accessible(guest, 'invite link, signed out');
  await signIn(guest, `${webUrl}/events/${eventId}`, env('GUEST_USERNAME'), env('GUEST_PASSWORD'));
  await guest.getByText('You are a contributor of this event.').waitFor();
  const guestTitle = '하객 사진 guest';
  await guest.setInputFiles('[data-testid=file-input]', env('PHOTO_2'));
  await guest.getByTestId('upload-item').getByLabel('Title').fill(guestTitle);
  await guest.getByRole('button', { name: 'Upload 1 photo' }).click();
  await guest.getByTestId('gallery-item').filter({ hasText: guestTitle }).waitFor({ timeout: 60000 });
  check(
    (await guest.getByTestId('gallery-item').filter({ hasText: koreanTitle }).count()) === 1,
    "the guest sees the organiser's photos",
  );
  check(
    (await actionsOf(guest, koreanTitle).count()) === 0,
    "a contributor has no actions (delete, original) on others' photos",
  );
  await actionsOf(guest, guestTitle).click();
  check(
    (await guest.getByRole('menuitem', { name: 'Delete', exact: true }).count()) === 1,
    'a contributor may delete their own photo',
  );
  await guest.keyboard.press('Escape');
  await accessible(guest, 'event page as contributor');

  // 11. through the viewer link the guest may only look: no upload area, and the API refuses an upload
  await guest.goto(viewLink);
  await guest.waitForURL(`${webUrl}/events/${eventId}-keyboard`, { timeout: 30000 });
  await guest.getByText('You are a viewer of this event.').waitFor();
  await guest.getByTestId('gallery-item').first().waitFor();
  check((await guest.locator('.dropzone').count()) === 0, 'a viewer sees no upload area');
  const refused = await guest.evaluate(async (event) => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
    const token = JSON.parse(sessionStorage.getItem(key)).access_token;
    const config = await (await fetch('/config.json')).json();
    const response = await fetch(`${config.apiBaseUrl}/events/${event}/photos/initiate-upload`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'sneaky', contentType: 'image/png' }),
    });
    return { status: response.status, body: await response.json() };
  }, `${eventId}-keyboard`);
  check(
    refused.status === 403 && refused.body.message.includes('UPLOAD_PHOTOS'),
    `the API let a viewer upload: ${JSON.stringify(refused)}`,
  );
  await accessible(guest, 'event page as viewer');

  // 12. the organiser deletes the guest's photo; it is gone from the guest's gallery
  await page.goto(`${webUrl}/events/${eventId}`);
  const guestPhotoUrl = await page
    .getByTestId('gallery-item')
    .filter({ hasText: guestTitle })
    .locator('img')
    .getAttribute('src');
  check((await page.request.get(guestPhotoUrl)).status() === 200, "the guest's photo is served before deletion");
  await photoAction(page, page, guestTitle, 'Delete');
  await page.getByTestId('gallery-item').filter({ hasText: guestTitle }).waitFor({ state: 'detached' });
  const afterDelete = (await page.request.get(guestPhotoUrl)).status();
  check(afterDelete === 404, `the CDN stand-in still serves a deleted photo (${afterDelete})`);
  await guest.goto(`${webUrl}/events/${eventId}`);
  await guest.getByTestId('gallery-item').filter({ hasText: koreanTitle }).waitFor();
  check(
    (await guest.getByTestId('gallery-item').filter({ hasText: guestTitle }).count()) === 0,
    "the deleted photo is still in the guest's gallery",
  );
  await guestContext.close();

  check(consoleErrors.length === 0, `console errors: ${consoleErrors.join(' | ')}`);

  // 13. a large photo goes in parts; going offline pauses it and coming back resumes it; a reload mid-way resumes
  // it from IndexedDB, and only the part S3 does not hold is sent again (the network errors of this step are the
  // point of it: the console check is above)
  await page.goto(`${webUrl}/events/${eventId}`);
  await page.locator('.dropzone').waitFor();
  let phase = 'first visit';
  const partPuts = [];
  page.on('response', (response) => {
    const request = response.request();
    if (request.method() === 'PUT' && request.url().includes('partNumber=')) {
      partPuts.push({
        part: Number(new URL(request.url()).searchParams.get('partNumber')),
        phase,
        status: response.status(),
      });
    }
  });
  const held = [];
  const holdPartThree = (route) => (route.request().method() === 'PUT' ? held.push(route) : route.continue());
  await page.route(/[?&]partNumber=3(&|$)/, holdPartThree);
  const until = async (condition, what, ms = 60000) => {
    const deadline = Date.now() + ms;
    while (!condition()) {
      if (Date.now() > deadline)
        throw new Error(`timed out waiting for ${what}; part PUTs: ${JSON.stringify(partPuts)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const stored = () =>
    page.evaluate(
      () =>
        new Promise((resolve) => {
          const open = indexedDB.open('event-photos');
          open.onsuccess = () => {
            const all = open.result.transaction('unfinished-uploads').objectStore('unfinished-uploads').getAll();
            all.onsuccess = () => resolve(all.result.map((upload) => upload.fileName));
          };
        }),
    );
  await page.setInputFiles('[data-testid=file-input]', env('PHOTO_LARGE'));
  const large = page.getByTestId('upload-item').last();
  const largeTitle = await large.getByLabel('Title').inputValue();
  await page.getByRole('button', { name: 'Upload 1 photo' }).click();
  await until(() => partPuts.filter((put) => put.status === 200).length === 2 && held.length === 1, 'parts 1 and 2');
  check(
    JSON.stringify(await stored()) === '["party-panorama.jpg"]',
    `IndexedDB keeps ${JSON.stringify(await stored())}`,
  );
  await large.getByRole('button', { name: 'Pause party-panorama.jpg' }).waitFor();
  await accessible(page, 'event page, upload in parts');

  await page.context().setOffline(true);
  await large.locator('[data-state=paused]').waitFor();
  const offlineText = await large.locator('.state').textContent();
  check(offlineText.includes('offline'), `paused offline, the page says "${offlineText}"`);
  await page.context().setOffline(false);
  await until(() => held.length === 2, 'part 3 asked for again once back online', 30000);

  // the held PUTs of part 3 fail as a dropped connection would; then the page is reloaded
  await Promise.all(held.map((route) => route.abort('connectionreset').catch(() => undefined)));
  await page.unroute(/[?&]partNumber=3(&|$)/, holdPartThree);
  const beforeReload = partPuts
    .filter((put) => put.status === 200)
    .map((put) => put.part)
    .sort();
  phase = 'after reload';
  await page.reload();
  await page.getByTestId('gallery-item').filter({ hasText: largeTitle }).waitFor({ timeout: 90000 });
  const afterReload = partPuts.filter((put) => put.phase === 'after reload').map((put) => `${put.part}:${put.status}`);
  check(JSON.stringify(beforeReload) === '[1,2]', `before the reload S3 took parts ${beforeReload}`);
  check(
    JSON.stringify(afterReload) === '["3:200"]',
    `after the reload the client sent ${afterReload}, expected only part 3; all part PUTs: ${JSON.stringify(partPuts)}`,
  );
  check(JSON.stringify(await stored()) === '[]', 'the finished upload is still in IndexedDB');
  await page.screenshot({ path: `${screenshots}/resumed-upload.png`, fullPage: true });
} finally {
  await browser.close();
}
finish('web client end-to-end');
