// @ts-check
// The unit and element tests in real browsers. Without a group: every test in headless Chromium
// (npm test, with --coverage). With wtr's --group flag, one of these instead (no coverage, that is
// Chromium's V8):
//   --group firefox  the whole suite in Firefox ESR (Gecko), through Puppeteer over WebDriver BiDi
//   --group webkit   the whole suite in WebKitGTK's MiniBrowser over WebDriver (needs a display:
//                    run it under xvfb-run)
//   --group engines  both of them side by side (CI), under xvfb-run
//   --group built    the fault suite in Chromium with every import of the library's sources (src/)
//                    answered by the built bundles in dist/ (run npm run build first), so what
//                    ships is what is tested. The mock backend stays on its sources. The build
//                    minifies the HTML and CSS inside templates, so the tests that find controls by
//                    role and name, and check axe per state, run here too.
// Only the group asked for is set up (a group defined is a group wtr runs), so a plain run starts
// no WebKit driver and needs no dist/.
import { existsSync } from 'node:fs';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import {
  CHROME_ARGS,
  findChrome,
  findFirefox,
  findWebKit,
  freshPagePerFile,
  startWebKitDriver,
} from './test/browsers.mjs';
import { summaryReporter } from './test/summary-reporter.mjs';

/** @typedef {import('@web/test-runner').TestRunnerConfig} Config */
/** @typedef {import('@web/test-runner').TestRunnerPlugin} Plugin */

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/** The value of wtr's own --group flag (`--group name` or `--group=name`), if given. */
function requestedGroup() {
  const args = process.argv;
  const at = args.indexOf('--group');
  if (at >= 0) return args[at + 1];
  return args.find((arg) => arg.startsWith('--group='))?.slice('--group='.length);
}

/** @type {Config} */
const base = {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  // One test page at a time: keyboard commands and the MSW service worker need the page in front.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    freshPagePerFile(
      chromeLauncher({ launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS } }),
    ),
  ],
  plugins: [esbuildPlugin({ ts: true, tsconfig, target: 'es2022' })],
  middleware: [
    // MSW's service worker must be served from the root scope of the test pages.
    function serveMockServiceWorker(context, next) {
      if (context.path === '/mockServiceWorker.js') context.url = '/public/mockServiceWorker.js';
      return next();
    },
  ],
  coverageConfig: {
    include: ['src/**/*.ts', 'mocks/**/*.ts'],
    exclude: ['src/generated/**'],
    report: true,
    reportDir: 'coverage',
    reporters: ['text', 'text-summary', 'lcov'],
  },
  reporters: [defaultReporter(), summaryReporter()],
};

/** What each group changes in the base configuration; built only when its group is asked for. */
const GROUPS = {
  /** @returns {Promise<Config>} */
  async firefox() {
    return engines('firefox', { firefox: true });
  },

  /** @returns {Promise<Config>} */
  async webkit() {
    return engines('webkit', { webkit: true });
  },

  /** @returns {Promise<Config>} */
  async engines() {
    return engines('engines', { firefox: true, webkit: true });
  },

  /** @returns {Promise<Config>} */
  async built() {
    if (!existsSync('dist/index.js')) {
      console.error('No dist/: run npm run build first.');
      process.exit(1);
    }
    return {
      plugins: [libraryFromDist, ...(base.plugins ?? [])],
      groups: [{ name: 'built', files: BUILT_FILES }],
    };
  },
};

/**
 * A Firefox page whose `setViewport` ignores one refusal: Firefox ESR 140 does not know WebDriver
 * BiDi's `emulation.setScreenOrientationOverride`, which Puppeteer sends beside the viewport (set
 * all the same) on every call, the runner's own before each test file included.
 * @param {{ context: import('puppeteer-core').BrowserContext }} args
 */
async function firefoxPage({ context }) {
  const page = await context.newPage();
  const setViewport = page.setViewport.bind(page);
  page.setViewport = (viewport) =>
    setViewport(viewport).catch((error) => {
      if (!String(error).includes('setScreenOrientationOverride')) throw error;
    });
  return page;
}

/**
 * The suite in Firefox ESR (Gecko, through Puppeteer over WebDriver BiDi) and/or WebKitGTK's
 * MiniBrowser (over WebDriver, under Xvfb). Both at once run side by side, one page each: two
 * browsers on two cores take little longer than the slower one alone.
 * @param {string} name the group's name, as given to --group
 * @param {{ firefox?: boolean, webkit?: boolean }} which
 * @returns {Promise<Config>}
 */
async function engines(name, which) {
  // A stray rejection in a browser driver (Puppeteer over BiDi, WebDriver) would otherwise become
  // an uncaught exception that stops the whole run at once, every result unprinted. Print it and
  // go on: the tests of a page that really broke still fail, by name.
  process.on('unhandledRejection', (reason) => {
    console.error(`A browser driver's promise was rejected and not handled (the run goes on):`, reason);
  });
  const browsers = [];
  if (which.firefox) {
    browsers.push(
      freshPagePerFile(
        puppeteerLauncher({
          launchOptions: { browser: 'firefox', executablePath: findFirefox(), headless: true },
          createPage: firefoxPage,
        }),
      ),
    );
  }
  if (which.webkit) {
    const { hostname, port, capabilities } = await startWebKitDriver(findWebKit());
    browsers.push(webdriverLauncher({ hostname, port, logLevel: 'error', capabilities }));
  }
  return {
    // Gecko and WebKit are slower to start pages and service workers here than Chromium.
    testsFinishTimeout: 300_000,
    browserStartTimeout: 60_000,
    concurrentBrowsers: 2,
    // One retry per test, here only: WebKitGTK over WebDriver under Xvfb, beside Firefox on two
    // cores, has now and then timed out a test that passes in every other run (a reply left
    // hanging on purpose, once in a full CI run). A test that fails twice still fails the run,
    // and the Chromium suite (npm test) retries nothing.
    testFramework: { config: { ...base.testFramework?.config, retries: 1 } },
    plugins: [...(base.plugins ?? []), ...(which.webkit ? [sendKeyChord] : [])],
    groups: [{ name, browsers }],
  };
}

/** Key chords (Shift+Tab) in WebKit: WebDriver holds the modifier while it presses the next key. */
/** @type {Plugin} */
const sendKeyChord = {
  name: 'send-key-chord',
  async executeCommand({ command, payload, session }) {
    if (command !== 'send-key-chord') return undefined;
    const { browser, id } =
      /** @type {{ browser: { sendKeys(id: string, keys: unknown): Promise<void> }, id: string }} */ (
        /** @type {unknown} */ (session)
      );
    await browser.sendKeys(id, payload);
    return true;
  },
};

/** The fault suite, and the element tests that run against what ships. */
const BUILT_FILES = [
  'test/a11y/sweep.test.ts',
  'test/elements/life-cycle.test.ts',
  'test/elements/notice-badge/notice-badge.test.ts',
  'test/elements/secure-compose/compose-form.test.ts',
  'test/elements/secure-compose/compose-leave.test.ts',
  'test/elements/secure-compose/compose-send.test.ts',
  'test/elements/secure-inbox/filters.test.ts',
  'test/elements/secure-inbox/interaction.test.ts',
  'test/elements/secure-inbox/secure-inbox.test.ts',
  'test/elements/secure-inbox/sort-paging.test.ts',
  'test/elements/secure-thread/assignment.test.ts',
  'test/elements/secure-thread/faults.test.ts',
  'test/elements/secure-thread/states.test.ts',
  'test/elements/secure-thread/transitions.test.ts',
];

/** @type {[RegExp, (match: RegExpMatchArray) => string][]} src/ module → the dist/ entry that exports it. */
const DIST_ENTRIES = [
  [/^\/src\/define\/([\w-]+)\.(js|ts)$/, (m) => `/dist/define/${m[1]}.js`],
  [/^\/src\/adapter\//, () => '/dist/adapter.js'],
  [/^\/src\/domain\//, () => '/dist/domain.js'],
  [/^\/src\/localization\//, () => '/dist/localization.js'],
  [/^\/src\/(events|elements)\//, () => '/dist/index.js'],
];

/** @type {Plugin} */
const libraryFromDist = {
  name: 'library-from-dist',
  resolveImport({ source, context }) {
    if (!context.path.startsWith('/test/') || !source.startsWith('.')) return undefined;
    const path = new URL(source, `http://x${context.path}`).pathname;
    if (!path.startsWith('/src/')) return undefined;
    for (const [pattern, target] of DIST_ENTRIES) {
      const match = path.match(pattern);
      if (match) return target(match);
    }
    throw new Error(`${context.path} imports ${source}, which dist/ does not export`);
  },
};

const group = requestedGroup();
const setUp = group && Object.hasOwn(GROUPS, group) ? GROUPS[/** @type {keyof GROUPS} */ (group)] : undefined;

/** @type {Config} */
export default { ...base, ...(await setUp?.()) };
