// @ts-check
// Where the browsers are, for the test runners and the tools that drive a browser: Chrome or
// Chromium, Firefox and WebKitGTK (the MiniBrowser under WebKitWebDriver). Environment variables
// override the usual install paths: CHROME_PATH, FIREFOX_PATH, WEBKIT_WEBDRIVER_PATH and
// WEBKIT_BROWSER_PATH.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import process from 'node:process';

const CHROME_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];
const FIREFOX_PATHS = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
const WEBKIT_DRIVER_PATHS = ['/usr/bin/WebKitWebDriver'];
const WEBKIT_BROWSER_PATHS = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
];

/**
 * The first existing path: the environment variable's when it is set, else a usual one.
 * @param {string} variable
 * @param {string[]} paths
 * @returns {string | undefined}
 */
function locate(variable, paths) {
  const fromEnv = process.env[variable];
  if (fromEnv && !existsSync(fromEnv)) fail(`${variable} is set to "${fromEnv}", but no file exists there.`);
  return [fromEnv, ...paths].find((path) => path && existsSync(path));
}

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
}

/** @returns {string} a Chrome/Chromium executable; exits with a one-line error when none exists. */
export function findChrome() {
  return (
    locate('CHROME_PATH', CHROME_PATHS) ??
    fail('No Chrome or Chromium found: install one (Debian: apt-get install -y chromium) or set CHROME_PATH.')
  );
}

/** @returns {string} a Firefox executable; exits with a one-line error when none exists. */
export function findFirefox() {
  return (
    locate('FIREFOX_PATH', FIREFOX_PATHS) ??
    fail('No Firefox found: install one (Debian: apt-get install -y firefox-esr) or set FIREFOX_PATH.')
  );
}

/** @typedef {{ driver: string | undefined, browser: string | undefined }} WebKitPaths */

/** @returns {WebKitPaths} the driver and browser executables, undefined for each one that is missing. */
export function findWebKit() {
  return {
    driver: locate('WEBKIT_WEBDRIVER_PATH', WEBKIT_DRIVER_PATHS),
    browser: locate('WEBKIT_BROWSER_PATH', WEBKIT_BROWSER_PATHS),
  };
}

/** Flags for a quiet headless Chromium on a closed network, also when run as root. */
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // Test files run side by side in background tabs; keep their timers and frames running.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/**
 * The page pool of wtr's Chrome and Puppeteer launchers (private there, so typed here).
 * @typedef {{ puppeteerPage: { close(): Promise<unknown> } }} PooledPage
 * @typedef {{ activePages: Map<string, PooledPage>, inactivePages: PooledPage[] }} PagePool
 */

/**
 * Gives every test file a page of its own. The launcher otherwise reuses one tab for file after
 * file, sending it to about:blank in between, so its session history fills up to the browser's cap
 * of 50 entries; tests of Back and Forward then behave differently from a run of their file alone.
 * @template {import('@web/test-runner').BrowserLauncher} L
 * @param {L} launcher a Chrome or Puppeteer launcher
 * @returns {L}
 */
export function freshPagePerFile(launcher) {
  const pool = /** @type {PagePool} */ (/** @type {unknown} */ (launcher));
  const stop = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (sessionId) => {
    const page = pool.activePages.get(sessionId);
    const result = await stop(sessionId);
    pool.inactivePages = pool.inactivePages.filter((p) => p !== page);
    await page?.puppeteerPage.close().catch(() => undefined);
    return result;
  };
  return launcher;
}

/** @returns {Promise<number>} a free TCP port on this machine */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(address.port));
    });
  });
}

/**
 * Starts WebKitWebDriver on a free loopback port and gives what a WebDriver client needs: the
 * port, the capabilities that open the MiniBrowser, and `stop()`. The driver also stops with the
 * process.
 * @param {WebKitPaths} paths from findWebKit()
 */
export async function startWebKitDriver({ driver, browser }) {
  if (!driver || !browser)
    throw new Error('No WebKitGTK found (Debian: apt-get install -y webkit2gtk-driver xvfb).');
  const port = await freePort();
  const child = spawn(driver, [`--port=${port}`], { stdio: 'ignore' });
  process.on('exit', () => child.kill());
  // Give the driver a moment to listen before the first session.
  await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    hostname: '127.0.0.1',
    port,
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] },
    },
    stop: () => child.kill(),
  };
}
