// What every browser test shares: Debian's Chromium (playwright-core), the list of failures, console errors that
// count as failures, and signing in through the provider's real login page.
import { chromium } from 'playwright-core';
import { axeViolations, keyboardWalk } from './accessibility.mjs';

export const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
};

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Chromium logs each 404 of the client polling a photo's record before it is processed: expected, not a failure. */
export const pollingNotProcessedYet = (m) =>
  m.text().includes('404') && /\/events\/[^/]+\/photos\/[0-9a-f-]{36}$/.test(m.location().url);

/** Failures collected along the way (a test goes on after one, to report them all), with the page checks. */
export function failureLog() {
  const failures = [];
  return {
    failures,
    check: (condition, message) => {
      if (!condition) failures.push(message);
    },
    /** axe-core on the page's current state at desktop and phone width; every violation is a failure. */
    accessible: async (page, state) => failures.push(...(await axeViolations(page, state))),
    keyboardOnly: async (page, state) => failures.push(...(await keyboardWalk(page, state)).problems),
    /** Console errors of the page, but for {@code expected} ones (and polling 404s), become failures. */
    watchConsole: (page, who, expected = () => false) => {
      page.on('console', (m) => {
        if (m.type() === 'error' && !pollingNotProcessedYet(m) && !expected(m)) {
          failures.push(`${who}: console error ${m.text()} (${m.location().url})`);
        }
      });
      page.on('pageerror', (e) => failures.push(`${who}: ${e.message}`));
    },
    /** Exits 1 listing every failure, or says the test passed. */
    finish: (name) => {
      if (failures.length) {
        console.error('FAILED:\n- ' + failures.join('\n- '));
        process.exit(1);
      }
      console.log(`${name}: 1 passed, 0 failed`);
    },
  };
}

/** Opens one of the event page's tabs (an owner's tools: 'Guests and links', 'Review', 'Wall', 'Downloads'). */
export async function openTab(page, name) {
  await page.getByRole('tab', { name }).click();
}

/** A photo's actions button ("Actions for {title}") in {@code scope}; its menu's items are menuitems. */
export const actionsOf = (scope, title) => scope.getByRole('button', { name: `Actions for ${title}`, exact: true });

/** Picks an action ('Delete', 'Hide', 'Download original') from a photo's actions menu. */
export async function photoAction(page, scope, title, action) {
  await actionsOf(scope, title).click();
  await page.getByRole('menuitem', { name: action, exact: true }).click();
}

/** Signs in on the provider's login page from the app's Sign in button; ends back at {@code url}. */
export async function signIn(page, url, username, password) {
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForSelector('#username', { timeout: 30000 });
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  await page.waitForURL(url, { timeout: 30000 });
}
