// Browser test of the live gallery: two browsers on one event; one uploads a photo, the other's open gallery shows
// it without a reload (its page never navigates), and takes it out when the first deletes it. A third browser, not
// signed in, runs the event's wall (a wall URL the owner made): it shows the new photo as it arrives.
// Env: WEB_URL, EVENT_ID (an event the organiser owns), DEMO_USERNAME, DEMO_PASSWORD, PHOTO_1 (a JPEG),
// CHROMIUM (optional).
import { actionsOf, env, failureLog, launch, openTab, photoAction, signIn } from './browser.mjs';

const webUrl = env('WEB_URL');
const eventId = env('EVENT_ID');
const title = "Mom's 60th (garden)! 생일 🎂";

const browser = await launch();
const { check, accessible, watchConsole, finish } = failureLog();
try {
  const open = async (name) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    watchConsole(page, name);
    await page.goto(`${webUrl}/events/${eventId}`);
    await signIn(page, `${webUrl}/events/${eventId}`, env('DEMO_USERNAME'), env('DEMO_PASSWORD'));
    await page.getByRole('region', { name: 'Photos' }).getByRole('status').filter({ hasText: 'Live' }).waitFor();
    return page;
  };
  const watcher = await open('watcher');
  const uploader = await open('uploader');
  // the owner makes a wall; a TV's browser (no account) opens its URL
  await openTab(uploader, 'Wall');
  await uploader.getByRole('button', { name: 'Create wall URL' }).click();
  const wallUrl = await uploader.getByTestId('wall-url').first().inputValue();
  await openTab(uploader, 'Photos');
  check(wallUrl.startsWith(`${webUrl}/events/${eventId}/wall#token=`), `the wall URL is ${wallUrl}`);
  const tv = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
  const wall = await tv.newPage();
  watchConsole(wall, 'wall');
  await wall.goto(wallUrl.replace('/wall#', '/wall?interval=3000#'));
  await wall.getByText('no photos yet').waitFor();
  check((await wall.getByRole('button', { name: 'Sign in' }).count()) === 0, 'the wall asks to sign in');
  await accessible(wall, 'wall, empty');

  let navigations = 0;
  watcher.on('framenavigated', (frame) => {
    if (frame === watcher.mainFrame()) navigations++;
  });
  await accessible(watcher, 'event page, live gallery');

  // 1. one browser uploads
  await uploader.setInputFiles('[data-testid=file-input]', [env('PHOTO_1')]);
  await uploader.getByTestId('upload-item').getByLabel('Title').fill(title);
  await uploader.getByRole('button', { name: 'Upload 1 photo' }).click();

  // 2. the other, which has done nothing, shows it
  const shown = watcher.getByRole('region', { name: 'Photos' }).getByTestId('gallery-item').filter({ hasText: title });
  await shown.waitFor({ timeout: 60000 });
  await watcher.waitForFunction(
    () =>
      [...document.querySelectorAll('[data-testid=gallery-item] img')].every(
        (img) => img.complete && img.naturalWidth > 0,
      ),
    null,
    { timeout: 30000 },
  );
  check((await shown.count()) === 1, `the photo is shown ${await shown.count()} times`);
  await wall.locator(`[data-testid=wall-photo][alt="${title}"]`).waitFor({ timeout: 30000 });
  check((await wall.locator('.wall-caption').textContent()) === title, "the wall's caption is not the title");
  await accessible(wall, 'wall, showing a photo');

  // 3. the uploader deletes it: it goes from the other gallery too
  await openTab(uploader, 'Photos');
  const photos = uploader.getByRole('region', { name: 'Photos' });
  await actionsOf(photos, title).waitFor({ timeout: 60000 });
  await photoAction(uploader, photos, title, 'Delete');
  await shown.waitFor({ state: 'detached', timeout: 30000 });
  check(navigations === 0, `the watching page navigated ${navigations} times`);
  await wall.locator('[data-testid=wall-photo]').waitFor({ state: 'detached', timeout: 30000 });
  await tv.close();
} finally {
  await browser.close();
}
finish('live gallery end-to-end');
