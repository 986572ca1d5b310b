// Every story of the built Storybook, screenshotted at 320, 768 and 1280 px and in forced-colours
// mode (Windows high contrast), compared with test/visual/baselines/. The story is opened once at
// 1280 px (its play function runs there), then the page is narrowed and widened: the layout
// follows CSS alone (media and container queries), so each width shows what a page opened at it
// shows. See README, "Storybook" for reviewing and accepting a change.
import process from 'node:process';
import { expect, test } from '@playwright/test';
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
    expect(await openStory(page, story.id), 'the story renders and its play function passes').toEqual([]);
    // Nothing of the page's focus ring or hover depends on the mouse: park it outside.
    await page.mouse.move(0, 0);
    for (const mode of MODES) {
      await page.setViewportSize({ width: mode.width, height: 800 });
      await page.emulateMedia({ forcedColors: mode.forcedColors ? 'active' : 'none' });
      await expect.soft(page).toHaveScreenshot(`${story.id}--${mode.name}.png`, { fullPage: true });
    }
  });
}
