// The whole suite in WebKit (WebKitGTK's MiniBrowser), driven over WebDriver by WebKitWebDriver.
// It needs a display: run it under Xvfb. No coverage (that is Chromium's V8).
// Usage: npm run test:webkit (Debian: apt-get install -y webkit2gtk-driver xvfb).
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { findWebKit, startWebKitDriver } from './test/browsers.mjs';
import base from './web-test-runner.config.mjs';

const webkit = findWebKit();
if (!webkit.driver || !webkit.browser) {
  console.error('No WebKitGTK found: install it (Debian: apt-get install -y webkit2gtk-driver xvfb).');
  process.exit(1);
}
const { hostname, port, capabilities } = await startWebKitDriver(webkit);

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  ...base,
  coverage: false,
  testsFinishTimeout: 300_000,
  browserStartTimeout: 60_000,
  plugins: [
    ...base.plugins,
    {
      // Key chords (Shift+Tab): WebDriver holds the modifier while it presses the next key.
      name: 'send-key-chord',
      async executeCommand({ command, payload, session }) {
        if (command !== 'send-key-chord') return undefined;
        await session.browser.sendKeys(session.id, payload);
        return true;
      },
    },
  ],
  browsers: [webdriverLauncher({ hostname, port, logLevel: 'error', capabilities })],
};
