// Visual regression of every Storybook story: Playwright Test's screenshot assertion against the
// baselines committed in test/visual/baselines/. See README, "Storybook" for reviewing and accepting
// a change. Run after `npm run build-storybook`:
//   npm run test:visual            compare; on a difference, fail and keep the images
//   npm run test:visual:update     accept the current screenshots as the new baselines
import { defineConfig } from '@playwright/test';
import { CHROME_ARGS, findChrome } from '../browsers.mjs';

export default defineConfig({
  testDir: '.',
  testMatch: 'stories.visual.mjs',
  // Baselines without a platform suffix: CI and developers use the same Debian Chromium.
  snapshotPathTemplate: '{testDir}/baselines/{arg}{ext}',
  // baseline (…-expected.png), new (…-actual.png) and diff (…-diff.png) of every failed screenshot.
  outputDir: '../../visual-results',
  reporter: [['list'], ['html', { outputFolder: '../../visual-report', open: 'never' }]],
  globalSetup: './serve-storybook.mjs',
  // Two cores on CI: two pages at a time, each with its own story.
  workers: 2,
  fullyParallel: true,
  retries: 0,
  timeout: 90_000,
  expect: {
    toHaveScreenshot: {
      animations: 'disabled',
      caret: 'hide',
      scale: 'css',
      // Per-pixel colour tolerance (anti-aliasing), and at most 0.1 % of the pixels may differ.
      threshold: 0.2,
      maxDiffPixelRatio: 0.001,
    },
  },
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: findChrome(), args: CHROME_ARGS },
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    reducedMotion: 'reduce',
  },
});
