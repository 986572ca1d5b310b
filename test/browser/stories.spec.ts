// Every story of the built Storybook, opened once in Chromium at 1280 px (its play function runs
// there): no page or console error, no failed request, no failing play function (a story whose
// state is reached by clicks and typing fails when that state no longer appears), no axe violation
// (WCAG 2.x A/AA) in the state reached; then screenshotted at 320, 768 and 1280 px and in
// forced-colours mode (Windows high contrast) and compared with test/visual/baselines/. The layout
// follows CSS alone (media and container queries), so narrowing the page shows what a page opened
// at that width shows. STORY_FILTER=<part of an id> narrows the run; see the Storybook guide page
// for reviewing and accepting a visual change.
import process from 'node:process';
import { expect, test } from '@playwright/test';
import { axeViolations, failedResource, pageProblems } from './pages.js';
import { builtStories, openStory } from './stories.js';

const MODES = [
  { name: '320', width: 320, forcedColors: false },
  { name: '768', width: 768, forcedColors: false },
  { name: '1280', width: 1280, forcedColors: false },
  { name: 'forced-colors', width: 1280, forcedColors: true },
];

test.use({ viewport: { width: 1280, height: 800 } });

for (const story of builtStories(process.env.STORY_FILTER)) {
  test(`${story.title} › ${story.name}`, async ({ page }) => {
    // The fault stories answer 401/503 on purpose through MSW; the browser logs them as failed.
    const problems = pageProblems(page, { console: failedResource });
    problems.push(...(await openStory(page, story.id)));
    const violations = await axeViolations(page, page.locator('#storybook-root'));
    expect(problems, 'the story renders and plays without errors').toEqual([]);
    expect(violations, 'axe (WCAG 2.x A/AA)').toEqual([]);
    // Nothing of the page's focus ring or hover depends on the mouse: park it outside.
    await page.mouse.move(0, 0);
    for (const mode of MODES) {
      await page.setViewportSize({ width: mode.width, height: 800 });
      await page.emulateMedia({ forcedColors: mode.forcedColors ? 'active' : 'none' });
      await expect.soft(page).toHaveScreenshot(`${story.id}--${mode.name}.png`, { fullPage: true });
    }
  });
}
