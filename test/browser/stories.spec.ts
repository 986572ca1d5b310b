// Every story of the built Storybook rendered in Chromium: no page or console error, no failed
// request, no failing play function (a story whose state is reached by clicks and typing fails when
// that state no longer appears), and no axe violation (WCAG 2.x A/AA) in the state reached.
// STORY_FILTER=<part of an id> narrows the run.
import process from 'node:process';
import { expect, test } from '@playwright/test';
import { axeViolations, failedResource, pageProblems } from './pages.js';
import { builtStories, openStory } from './stories.js';

test.use({ viewport: { width: 1024, height: 800 } });

for (const story of builtStories(process.env.STORY_FILTER)) {
  test(`${story.title} › ${story.name}`, async ({ page }) => {
    // The fault stories answer 401/503 on purpose through MSW; the browser logs them as failed.
    const problems = pageProblems(page, { console: failedResource });
    problems.push(...(await openStory(page, story.id)));
    const violations = await axeViolations(page, page.locator('#storybook-root'));
    expect(problems, 'the story renders and plays without errors').toEqual([]);
    expect(violations, 'axe (WCAG 2.x A/AA)').toEqual([]);
  });
}
