// What the story checks share: the stories of the built Storybook, and waiting in a page until a
// story has rendered, played and settled.
import { readFileSync } from 'node:fs';

/** The stories (not docs pages) of storybook-static/index.json whose id contains `filter`. */
export function builtStories(filter = '') {
  const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8'));
  return Object.values(index.entries).filter((e) => e.type === 'story' && e.id.includes(filter));
}

/** The address of a story alone in the preview frame. */
export function storyUrl(base, id) {
  return `${base}iframe.html?id=${encodeURIComponent(id)}&viewMode=story`;
}

/**
 * Listens to Storybook's preview channel from its creation: the play function's outcome and the end
 * of the story's render arrive as channel events. Call once per browser context.
 */
export async function watchStories(context) {
  await context.addInitScript(() => {
    let channel;
    Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
      configurable: true,
      get: () => channel,
      set(value) {
        channel = value;
        value.on('playFunctionThrewException', (error) => (window.__playError = error));
        value.on('storyFinished', (result) => (window.__storyFinished = result));
      },
    });
  });
}

/**
 * Waits until the story has finished rendering and playing, then until nothing in it is busy
 * (aria-busy, also inside shadow roots). Returns what went wrong, if anything.
 * @returns {Promise<string[]>}
 */
export async function storySettled(page, { timeout = 20000 } = {}) {
  const problems = [];
  const finished = await page
    .waitForFunction(() => window.__storyFinished, undefined, { timeout, polling: 100 })
    .then(() => true)
    .catch(() => false);
  if (!finished) problems.push(`the story did not finish rendering (and playing) within ${timeout / 1000} s`);
  const playError = await page.evaluate(() => window.__playError);
  if (playError) problems.push(`play function failed: ${playError.message ?? JSON.stringify(playError)}`);
  await page
    .waitForFunction(
      () => {
        const busy = (root) =>
          [...root.querySelectorAll('*')].some(
            (el) => el.getAttribute('aria-busy') === 'true' || (el.shadowRoot && busy(el.shadowRoot)),
          );
        const host = document.querySelector('#storybook-root');
        return host !== null && host.childElementCount > 0 && !busy(document);
      },
      undefined,
      { timeout: 8000, polling: 100 },
    )
    .catch(() => {});
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(300);
  return problems;
}
