// Locates a Chrome or Chromium binary for the browser tests and tools.
// Order: the CHROME_PATH environment variable, then the usual install paths.
import { existsSync } from 'node:fs';

const USUAL_PATHS = [
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

/** @returns {string} the path of a Chrome/Chromium executable; exits with a one-line error when none exists. */
export function findChrome() {
  const fromEnv = process.env.CHROME_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    fail(`CHROME_PATH is set to "${fromEnv}", but no file exists there.`);
  }
  const found = USUAL_PATHS.find((p) => existsSync(p));
  if (found) return found;
  return fail(
    'No Chrome or Chromium found: install one (Debian: apt-get install -y chromium) or set CHROME_PATH to its executable.',
  );
}

function fail(message) {
  console.error(`error: ${message}`);
  process.exit(1);
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
 * Gives every test file a page of its own. The launcher otherwise reuses one tab for file after
 * file, sending it to about:blank in between, so its session history fills up to the browser's cap
 * of 50 entries; tests of Back and Forward then behave differently from a run of their file alone.
 * (Uses the Chrome/Puppeteer launcher's page pool, which is not configurable.)
 */
export function freshPagePerFile(launcher) {
  const stop = launcher.stopSession.bind(launcher);
  launcher.stopSession = async (sessionId) => {
    const page = launcher.activePages.get(sessionId);
    const result = await stop(sessionId);
    launcher.inactivePages = launcher.inactivePages.filter((p) => p !== page);
    await page?.puppeteerPage.close().catch(() => undefined);
    return result;
  };
  return launcher;
}
