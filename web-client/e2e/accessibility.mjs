// Accessibility checks for the browser test: axe-core (WCAG 2.2 A/AA and best practice) on a page state, at
// desktop and phone width, and a keyboard walk that fails on a trap or an invisible focus.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * Rules waived, each with the element it is waived for and why. Nothing is waived today; a waiver added here
 * applies to the named selector only.
 * @type {{ rule: string, selector: string, why: string }[]}
 */
export const WAIVERS = [];

const waived = (rule, target) => WAIVERS.some((w) => w.rule === rule && target.includes(w.selector));

/** Violations of the page as it is now, at both widths, as readable lines ('' parts left out). */
export async function axeViolations(page, state) {
  const found = [];
  const original = page.viewportSize();
  for (const [name, size] of [['desktop', DESKTOP], ['phone', PHONE]]) {
    await page.setViewportSize(size);
    await page.addScriptTag({ path: AXE_SOURCE });
    const result = await page.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
    }, TAGS);
    for (const violation of result) {
      const targets = violation.targets.filter((target) => !waived(violation.id, target));
      if (targets.length > 0) {
        found.push(`${state} (${name}): ${violation.impact} ${violation.id} — ${violation.help} — ${targets.join(', ')}`);
      }
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) found.push(`${state} (${name}): the page scrolls sideways by ${overflow}px`);
  }
  await page.setViewportSize(original ?? DESKTOP);
  return found;
}

/**
 * Tabs through the page from the top: every stop must show a focus indicator, and focus must move on (a trap
 * keeps it on one element or cycles inside a part of the page). Returns the problems and the stops visited.
 */
export async function keyboardWalk(page, state, maxStops = 40) {
  const problems = [];
  const stops = [];
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      const name = el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 30) || '';
      const position = [...document.querySelectorAll('*')].indexOf(el);
      return { id: `${el.tagName.toLowerCase()}#${position} ${name}`.trim(), visible };
    });
    if (stop === null) return { problems, stops }; // focus left the page: no trap
    if (!stop.visible) problems.push(`${state}: no visible focus indicator on ${stop.id}`);
    if (stops.length >= 2 && stops.at(-1) === stop.id && stops.at(-2) === stop.id) {
      problems.push(`${state}: keyboard trap on ${stop.id}`);
      return { problems, stops };
    }
    stops.push(stop.id);
  }
  problems.push(`${state}: focus never left the page after ${maxStops} Tab presses (trap?): ${stops.slice(-5).join(' → ')}`);
  return { problems, stops };
}
