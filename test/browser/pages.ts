// What the browser tests share: the problems a page reports by itself, and axe.
import { createRequire } from 'node:module';
import type { Locator, Page } from '@playwright/test';
import type { AxeResults, RunOptions } from 'axe-core';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

declare global {
  interface Window {
    /** Our own copy of axe: Storybook's a11y addon may be running its own at the same time. */
    __checkAxe?: { run(context: Element | Document, options: RunOptions): Promise<AxeResults> };
  }
}

/** What a test causes on purpose: a console error text, an HTTP status. */
export interface Expected {
  console?: (text: string) => boolean;
  status?: (status: number) => boolean;
}

/**
 * Collects what goes wrong in the page while the test runs: page errors, console errors and
 * failed requests (not those answered by the mock backend's service worker).
 */
export function pageProblems(page: Page, expected: Expected = {}): string[] {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !expected.console?.(message.text()))
      problems.push(`console error: ${message.text()}`);
  });
  page.on('response', (response) => {
    const status = response.status();
    if (status >= 400 && !response.fromServiceWorker() && !expected.status?.(status))
      problems.push(`HTTP ${status}: ${new URL(response.url()).pathname}`);
  });
  return problems;
}

/** The browser's own log line for a failed request: the response itself is checked instead. */
export const failedResource = (text: string) => text.startsWith('Failed to load resource');

/** The axe violations (WCAG 2.x A/AA) in the page or in one element of it, one line each. */
export async function axeViolations(page: Page, within?: Locator): Promise<string[]> {
  await page.addScriptTag({ path: AXE_PATH });
  await page.evaluate(() => (window.__checkAxe = (window as unknown as { axe: Window['__checkAxe'] }).axe));
  const root = within ? await within.elementHandle() : null;
  return page.evaluate(
    async ({ root, tags }) => {
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await window.__checkAxe!.run(root ?? document, {
            runOnly: { type: 'tag', values: tags },
          });
          return result.violations.map((v) => `${v.id} (${v.nodes.length}): ${v.help}`);
        } catch (error) {
          if (attempt > 50 || !String(error).includes('already running')) throw error;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      }
    },
    { root, tags: AXE_TAGS },
  );
}
