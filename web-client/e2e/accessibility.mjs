// Accessibility checks for the browser test: axe-core (WCAG 2.2 A/AA and best practice) on a page state, at
// desktop and phone width, and a keyboard walk that fails on a trap or an invisible focus.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

/**
 * Rules waived, each with the element it is waived for (axe's selector of it, exactly) and why. Nothing is
 * waived today.
 * @type {{ rule: string, selector: string, why: string }[]}
 */
export const WAIVERS = [];

const waived = (rule, target) => WAIVERS.some((w) => w.rule === rule && target === w.selector);

/** Violations of the page as it is now, at both widths, as readable lines ('' parts left out). */
export async function axeViolations(page, state) {
  const found = [];
  const original = page.viewportSize();
  for (const [name, size] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ]) {
    await page.setViewportSize(size);
    await page.addScriptTag({ path: AXE_SOURCE });
    const result = await page.evaluate(async (tags) => {
      // eslint-disable-next-line no-undef
      const r = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
    }, TAGS);
    for (const violation of result) {
      const targets = violation.targets.filter((target) => !waived(violation.id, target));
      if (targets.length > 0) {
        found.push(
          `${state} (${name}): ${violation.impact} ${violation.id} — ${violation.help} — ${targets.join(', ')}`,
        );
      }
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) found.push(`${state} (${name}): the page scrolls sideways by ${overflow}px`);
  }
  await page.setViewportSize(original ?? DESKTOP);
  return found;
}

/**
 * Tabs through the page from the top: every stop must show a focus indicator, and focus must reach the end of
 * the page (a trap keeps it on one element or cycles inside a part of the page: an element comes round again).
 * Returns the problems and the stops visited.
 */
export async function keyboardWalk(page, state, maxStops = 200) {
  const problems = [];
  const stops = [];
  await page.evaluate(() => document.activeElement instanceof HTMLElement && document.activeElement.blur());
  for (let i = 0; i < maxStops; i++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const visible =
        (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      // a stable name for the element across Tab presses, even while the page updates
      el.dataset.tabStop ??= String(document.querySelectorAll('[data-tab-stop]').length + 1);
      const name = el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 30) || '';
      return { id: `${el.tagName.toLowerCase()}#${el.dataset.tabStop} ${name}`.trim(), visible };
    });
    if (stop === null) return { problems, stops }; // focus left the page: no trap
    if (!stop.visible) problems.push(`${state}: no visible focus indicator on ${stop.id}`);
    if (stops.includes(stop.id)) {
      // Tab came back to an element before focus ever left the page: it is held in a loop
      problems.push(`${state}: keyboard trap, focus cycles back to ${stop.id} after ${stops.join(' → ')}`);
      return { problems, stops };
    }
    stops.push(stop.id);
  }
  problems.push(
    `${state}: focus never left the page after ${maxStops} Tab presses (trap?): ${stops.slice(-5).join(' → ')}`,
  );
  return { problems, stops };
}
