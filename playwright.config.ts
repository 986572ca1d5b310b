// The browser checks of the built outputs, one project each (test/browser/):
//   stories          every story of storybook-static/: no error, no failing play function, no axe
//                    violation; screenshots at 320, 768, 1280 px and in forced colours against
//                    test/visual/baselines/
//   table-semantics  the list stacked at 320 px is still a table, in Chromium and WebKit (under Xvfb)
//   demo             dist-demo/ under a sub-path of a plain static server: journeys, axe, Tab order
//   demo-csp         dist-demo/ under a strict CSP with Trusted Types: journeys, nothing personal kept
//   live             the demo built against the mock server over HTTP, in two browser contexts:
//                    live updates, one stream for five tabs, fallback and return, sign-out
//   examples         the README examples against dist/
//   consumer         the packed tarball in a fresh project: strict React 19 types, Chromium, npm audit
// Each needs its build first: `npm run build` (examples, consumer), `npm run build-storybook`
// (stories, table-semantics), `npm run build:demo` (demo, demo-csp). Only the servers of
// the projects a run selects (`--project`) start. Chromium is the system's (CHROME_PATH overrides).
import process from 'node:process';
import { defineConfig } from '@playwright/test';
import { CHROME_ARGS, findChrome } from './test/browsers.mjs';

/** `vite preview` of a folder of built output on a port of 127.0.0.1, with extra `vite preview` flags. */
function preview(folder: string, port: number, { base = '/', env = {} } = {}) {
  return {
    command: `vite preview --config test/browser/preview.config.ts --outDir ${folder} --base ${base} --port ${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    env,
  };
}

/** The static servers of built output; each project names the one it uses. */
const SERVERS = {
  storybook: preview('storybook-static', 4181),
  // Below a sub-path, to prove the demo's URLs are relative.
  demo: preview('dist-demo', 4182, { base: '/demo/' }),
  demoCsp: preview('dist-demo', 4183, { env: { STRICT_CSP: '1' } }),
  // The package root: the plain HTML example's import map points into dist/ and node_modules/.
  root: preview('.', 4184),
};

const PROJECTS: { name: string; server?: keyof typeof SERVERS; fullyParallel?: boolean }[] = [
  { name: 'stories', server: 'storybook' },
  { name: 'table-semantics', server: 'storybook' },
  { name: 'demo', server: 'demo' },
  { name: 'demo-csp', server: 'demoCsp' },
  // Starts its own mock server and builds the demo against it.
  { name: 'live' },
  { name: 'examples', server: 'root', fullyParallel: false },
  { name: 'consumer' },
];

/** The projects named on the command line (`--project a --project=b`), or all of them. */
function selectedProjects(): string[] {
  const names = process.argv.flatMap((arg, i, args) =>
    arg === '--project' ? [args[i + 1] ?? ''] : arg.startsWith('--project=') ? [arg.slice(10)] : [],
  );
  return names.length > 0 ? names : PROJECTS.map((p) => p.name);
}

const selected = new Set(
  PROJECTS.filter((p) => selectedProjects().includes(p.name)).flatMap((p) => (p.server ? [p.server] : [])),
);

export default defineConfig({
  testDir: 'test/browser',
  // Baselines without a platform suffix: CI and developers use the same Debian Chromium.
  snapshotPathTemplate: 'test/visual/baselines/{arg}{ext}',
  // On a failure: the trace, and for a screenshot the baseline (…-expected.png), new (…-actual.png)
  // and diff (…-diff.png) images, in visual-results/ and in the report in visual-report/ (named for
  // the visual review, README "Visual changes"; every project's failures land there).
  outputDir: 'visual-results',
  reporter: [[process.env.CI ? 'line' : 'list'], ['html', { outputFolder: 'visual-report', open: 'never' }]],
  // Two cores on CI: two pages at a time.
  workers: 2,
  fullyParallel: true,
  retries: process.env.CI ? 1 : 0,
  timeout: 90_000,
  expect: {
    // A full-page screenshot of a long story takes seconds on a loaded 2-core machine.
    timeout: 15_000,
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
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    reducedMotion: 'reduce',
    trace: 'on-first-retry',
  },
  projects: PROJECTS.map(({ name, server, fullyParallel = true }) => ({
    name,
    testMatch: `${name}.spec.ts`,
    fullyParallel,
    use: server ? { baseURL: SERVERS[server].url } : {},
  })),
  webServer: [...selected].map((name) => ({ ...SERVERS[name], reuseExistingServer: false, timeout: 30_000 })),
});
