// Screenshots of the built client (`npm run build`, then `npx vite preview --port 4173`) with the API mocked by
// page.route: the guest page, the event page and the photo viewer, at 390x844 and 1280x800, in Korean and English.
// Also checks each state with axe-core and for sideways scrolling. Usage: node e2e/screenshots.mjs [outDir] [baseUrl]
// It needs no running stack: nothing leaves the machine (every other request is aborted).
import { mkdirSync } from 'node:fs';
import { PNG } from 'pngjs';
import { axeViolations, keyboardWalk } from './accessibility.mjs';
import { launch } from './browser.mjs';

const out = process.argv[2] ?? '../docs/screenshots';
const web = process.argv[3] ?? 'http://127.0.0.1:4173';
const API = 'http://api.test';
const CDN = 'http://cdn.test';
const IDP = 'http://idp.test/realms/event-photos';
mkdirSync(out, { recursive: true });

/** A photo-like picture: a sky, a horizon and a sun, in this photo's colours. */
function picture(width, height, seed) {
  const png = new PNG({ width, height });
  const hue = (seed * 47) % 360;
  const rgb = (h, s, l) => {
    const a = s * Math.min(l, 1 - l);
    const f = (n) => {
      const k = (n + h / 30) % 12;
      return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
    };
    return [f(0), f(8), f(4)];
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (width * y + x) << 2;
      const ground = y > height * 0.62;
      const sun = Math.hypot(x - width * 0.7, y - height * 0.35) < height * 0.12;
      const [r, g, b] = sun
        ? [255, 236, 170]
        : ground
          ? rgb((hue + 120) % 360, 0.35, 0.25 + 0.1 * (x / width))
          : rgb(hue, 0.55, 0.45 + 0.35 * (y / height));
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

const TITLES = {
  en: [
    'First dance',
    'The cake',
    'Garden toast',
    'Fireworks',
    'Grandma and me',
    'Group photo',
    'Sparklers',
    'Last song',
  ],
  ko: ['첫 춤', '케이크 자르기', '정원에서 건배', '불꽃놀이', '할머니와 함께', '단체 사진', '반짝이는 밤', '마지막 곡'],
};
const NAMES = { en: ['Minji', 'Junho', 'Sara'], ko: ['민지', '준호', '사라'] };

function photos(language) {
  return TITLES[language].map((title, n) => {
    const id = `p${n + 1}`;
    const tall = n % 3 === 1;
    const renditions = [320, 640, 1920].map((w) => ({
      url: `${CDN}/${id}/w${w}.png`,
      webpUrl: `${CDN}/${id}/w${w}.png`,
      width: w,
      height: tall ? Math.round((w * 4) / 3) : Math.round((w * 3) / 4),
      bytes: w * 100,
      webpBytes: w * 70,
    }));
    return {
      photoId: id,
      eventId: 'e1',
      status: 'READY',
      createdAt: `2026-12-05T1${n}:00:00Z`,
      title,
      uploaderName: NAMES[language][n % 3],
      uploadedBy: n % 2 === 0 ? 'owner-1' : 'guest:g1',
      url: renditions[2].url,
      renditions,
      reviewStatus: 'APPROVED',
      hidden: n === 5,
    };
  });
}

const images = new Map();
function image(url) {
  const [, id, w] = /\/(p\d+)\/w(\d+)\.png$/.exec(url) ?? [];
  const key = `${id}-${w}`;
  if (!images.has(key)) {
    const width = Math.min(Number(w), 960); // drawn smaller than named: enough for a screenshot, quick to make
    const n = Number(id.slice(1));
    const height = n % 3 === 2 ? Math.round((width * 4) / 3) : Math.round((width * 3) / 4);
    images.set(key, picture(width, height, n));
  }
  return images.get(key);
}

async function mock(page, language) {
  const list = photos(language);
  const eventName = language === 'ko' ? '민지 & 준호 결혼식' : "Minji & Junho's wedding";
  await page.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    const json = (body, status = 200) =>
      route.fulfill({
        status,
        contentType: 'application/json',
        headers: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' },
        body: JSON.stringify(body),
      });
    if (url.origin === web.replace(/\/$/, '') || url.href.startsWith(web)) {
      if (url.pathname === '/config.json') {
        return json({ apiBaseUrl: API, oidcAuthority: IDP, oidcClientId: 'event-photos-web' });
      }
      return route.continue();
    }
    if (url.origin === CDN) return route.fulfill({ status: 200, contentType: 'image/png', body: image(url.href) });
    if (url.origin !== API) return route.abort();
    if (route.request().method() === 'OPTIONS') return json({});
    const path = url.pathname;
    if (path === '/upload-policy')
      return json({
        contentTypes: [
          { mimeType: 'image/jpeg', suffixes: ['.jpg', '.jpeg'] },
          { mimeType: 'image/png', suffixes: ['.png'] },
          { mimeType: 'image/heic', suffixes: ['.heic'] },
        ],
        maxContentLength: 50 * 1024 * 1024,
        renditionWidths: [320, 640, 1920],
        multipart: { threshold: 16 * 1024 * 1024, partSize: 8 * 1024 * 1024 },
      });
    if (path === '/events/e1') return json({ eventId: 'e1', name: eventName, role: 'OWNER' });
    if (path === '/events/e1/photos') {
      const show = url.searchParams.get('show');
      if (show === 'pending') return json({ items: [{ ...list[7], photoId: 'p9', reviewStatus: 'PENDING' }] });
      if (show === 'mine') return json({ items: list.filter((p) => p.uploadedBy === 'guest:g1'), nextToken: null });
      return json({ items: list, nextToken: null });
    }
    const one = /^\/events\/e1\/photos\/(p\d+)$/.exec(path);
    if (one)
      return json(list.find((p) => p.photoId === one[1]) ?? {}, list.some((p) => p.photoId === one[1]) ? 200 : 404);
    if (path === '/events/e1/invites') return json({ items: [] });
    if (path === '/events/e1/walls') return json({ items: [] });
    if (path === '/events/e1/exports') return json({ items: [] });
    if (path === '/events/e1/live') return json({ message: 'not here', code: 'NOT_FOUND' }, 404);
    return json({ message: 'not mocked', code: 'NOT_FOUND' }, 404);
  });
  return { eventName };
}

const failures = [];
const browser = await launch();
try {
  for (const language of ['ko', 'en']) {
    for (const [size, viewport] of [
      ['390', { width: 390, height: 844 }],
      ['1280', { width: 1280, height: 800 }],
    ]) {
      const phone = viewport.width < 600;
      const context = await browser.newContext({
        viewport,
        locale: language === 'ko' ? 'ko-KR' : 'en-US',
        isMobile: phone,
        hasTouch: phone,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      page.on('pageerror', (e) => failures.push(`${language} ${size}: ${e.message}`));
      const { eventName } = await mock(page, language);
      await page.addInitScript(
        ({ idp, eventName, language }) => {
          const now = Math.floor(Date.now() / 1000);
          sessionStorage.setItem(
            `oidc.user:${idp}:event-photos-web`,
            JSON.stringify({
              access_token: 'a.b.c',
              token_type: 'Bearer',
              scope: 'openid profile email',
              profile: { sub: 'owner-1', preferred_username: language === 'ko' ? '민지' : 'minji' },
              expires_at: now + 3600,
            }),
          );
          localStorage.setItem(
            'event-photos.guest-session.e1~guest',
            JSON.stringify({
              token: 'h.p.s',
              expiresAt: '2099-01-01T00:00:00Z',
              eventId: 'e1',
              eventName,
              guestId: 'g1',
              name: language === 'ko' ? '사라' : 'Sara',
              allowView: true,
              requireReview: false,
            }),
          );
        },
        { idp: IDP, eventName, language },
      );
      const shoot = async (name) => {
        const lang = await page.evaluate(() => document.documentElement.lang);
        if (lang !== language) failures.push(`${name} ${language} ${size}: <html lang="${lang}">`);
        const wide = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
        if (wide) failures.push(`${name} ${language} ${size}: scrolls sideways`);
        await page.screenshot({ path: `${out}/${name}-${language}-${size}.png` });
      };

      await page.goto(`${web}/g/e1~guest`);
      await page.getByTestId('gallery-item').first().waitFor();
      await page.waitForTimeout(800);
      await shoot('guest');
      if (size === '1280') {
        failures.push(...(await axeViolations(page, `guest page ${language}`)));
        failures.push(...(await keyboardWalk(page, `guest page ${language}`)).problems);
        await page.setViewportSize(viewport);
      }

      await page.goto(`${web}/events/e1`);
      await page.getByTestId('gallery-item').nth(7).waitFor();
      await page.waitForTimeout(800);
      await shoot('event');
      if (size === '1280') {
        failures.push(...(await axeViolations(page, `event page ${language}`)));
        failures.push(...(await keyboardWalk(page, `event page ${language}`)).problems);
        await page.setViewportSize(viewport);
        await page.evaluate(() => window.scrollTo(0, 0));
      }
      // a photo's actions menu, open
      await page.getByTestId('gallery-item').first().locator('.actions-trigger').click();
      await page.locator('.actions-menu').waitFor();
      await shoot('event-menu');
      await page.keyboard.press('Escape');

      // the viewer, opened from the gallery; then its own URL, reloaded
      await page.getByTestId('gallery-item').nth(2).locator('.photo-link').click();
      await page.locator('.pswp--open').waitFor();
      await page.waitForTimeout(600);
      const opened = new URL(page.url()).pathname;
      if (opened !== '/events/e1/photos/p6') failures.push(`viewer ${language} ${size}: the URL is ${opened}`);
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(400);
      const next = new URL(page.url()).pathname;
      if (next !== '/events/e1/photos/p5') failures.push(`viewer ${language} ${size}: after → the URL is ${next}`);
      await page.reload();
      await page.locator('.pswp--open').waitFor();
      await page.waitForTimeout(1500);
      if (size === '1280') {
        failures.push(...(await axeViolations(page, `viewer ${language}`)));
        await page.setViewportSize(viewport);
        await page.waitForTimeout(500);
      }
      await shoot('viewer');
      await page.keyboard.press('Escape');
      await page.locator('.pswp').waitFor({ state: 'detached' });
      await page.waitForTimeout(300);
      const closed = new URL(page.url()).pathname;
      if (closed !== '/events/e1') failures.push(`viewer ${language} ${size}: closed at ${closed}`);
      // Back closes it too
      await page.getByTestId('gallery-item').first().locator('.photo-link').click();
      await page.locator('.pswp--open').waitFor();
      await page.goBack();
      await page.locator('.pswp').waitFor({ state: 'detached' });
      if (new URL(page.url()).pathname !== '/events/e1')
        failures.push(`viewer ${language} ${size}: Back did not close it`);
      await context.close();
    }
  }
} finally {
  await browser.close();
}
if (failures.length) {
  console.error('FAILED:\n- ' + failures.join('\n- '));
  process.exit(1);
}
console.log('screenshots: 1 passed, 0 failed');
