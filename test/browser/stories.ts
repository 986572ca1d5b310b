// The stories of the built Storybook (storybook-static/, served at the tests' baseURL), and
// waiting in a page until a story has rendered, played and settled.
import { existsSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';

export interface Story {
  id: string;
  title: string;
  name: string;
  tags?: string[];
}

declare global {
  interface Window {
    __playError?: { message?: string };
    __storyFinished?: unknown;
  }
}

/** The stories (not docs pages) whose id contains `filter`. */
export function builtStories(filter = ''): Story[] {
  if (!existsSync('storybook-static/index.json'))
    throw new Error('No built Storybook: run `npm run build-storybook` first.');
  const index = JSON.parse(readFileSync('storybook-static/index.json', 'utf8')) as {
    entries: Record<string, Story & { type: string }>;
  };
  return Object.values(index.entries).filter((e) => e.type === 'story' && e.id.includes(filter));
}

/** The address of a story alone in the preview frame, relative to the baseURL. */
export function storyPath(id: string): string {
  return `iframe.html?id=${encodeURIComponent(id)}&viewMode=story`;
}

/**
 * Listens to Storybook's preview channel from its creation: the play function's outcome and the
 * end of the story's render arrive as channel events. Call once per browser context.
 */
export async function watchStories(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    type Channel = { on(event: string, listener: (value: unknown) => void): void };
    let channel: Channel | undefined;
    Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
      configurable: true,
      get: () => channel,
      set(value: Channel) {
        channel = value;
        value.on(
          'playFunctionThrewException',
          (error) => (window.__playError = error as Window['__playError']),
        );
        value.on('storyFinished', (result) => (window.__storyFinished = result));
      },
    });
  });
}

/**
 * Waits until the story has finished rendering and playing, then until nothing in it is busy
 * (aria-busy, also inside shadow roots). Returns what went wrong, if anything.
 */
export async function storySettled(page: Page, timeout = 45_000): Promise<string[]> {
  const problems: string[] = [];
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
        const busy = (root: Document | ShadowRoot): boolean =>
          [...root.querySelectorAll('*')].some(
            (el) =>
              el.getAttribute('aria-busy') === 'true' || (el.shadowRoot !== null && busy(el.shadowRoot)),
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

/** Opens a story in a page whose context watches stories; returns what went wrong. */
export async function openStory(page: Page, id: string): Promise<string[]> {
  await watchStories(page.context());
  await page.goto(storyPath(id));
  return storySettled(page);
}
