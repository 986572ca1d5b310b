// The whole suite in Firefox ESR (Gecko), through Puppeteer over WebDriver BiDi. No coverage (that
// is Chromium's V8). Usage: npm run test:firefox (Debian: apt-get install -y firefox-esr).
import { existsSync } from 'node:fs';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { freshPagePerFile } from './test/browsers.mjs';
import base from './web-test-runner.config.mjs';

const FIREFOX = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].find(
  (path) => path && existsSync(path),
);
if (!FIREFOX) {
  console.error(
    'No Firefox found: install one (Debian: apt-get install -y firefox-esr) or set FIREFOX_PATH.',
  );
  process.exit(1);
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  ...base,
  coverage: false,
  // Gecko is slower to start pages and service workers here than Chromium.
  testsFinishTimeout: 300_000,
  browsers: [
    freshPagePerFile(
      puppeteerLauncher({
        launchOptions: { browser: 'firefox', executablePath: FIREFOX, headless: true },
      }),
    ),
  ],
};
