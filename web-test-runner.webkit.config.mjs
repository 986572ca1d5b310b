// The whole suite in WebKit (WebKitGTK's MiniBrowser), driven over WebDriver by WebKitWebDriver.
// It needs a display: run it under Xvfb. No coverage (that is Chromium's V8).
// Usage: npm run test:webkit (Debian: apt-get install -y webkit2gtk-driver xvfb).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import base from './web-test-runner.config.mjs';

const DRIVER = [process.env.WEBKIT_WEBDRIVER_PATH, '/usr/bin/WebKitWebDriver'].find(
  (p) => p && existsSync(p),
);
const BROWSER = [
  process.env.WEBKIT_BROWSER_PATH,
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
].find((p) => p && existsSync(p));
if (!DRIVER || !BROWSER) {
  console.error('No WebKitGTK found: install it (Debian: apt-get install -y webkit2gtk-driver xvfb).');
  process.exit(1);
}

/** A free TCP port on this machine, for the driver. */
const port = await new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port: free } = server.address();
    server.close(() => resolve(free));
  });
});
const driver = spawn(DRIVER, [`--port=${port}`], { stdio: 'ignore' });
process.on('exit', () => driver.kill());
// Give the driver a moment to listen before the first session.
await new Promise((resolve) => setTimeout(resolve, 500));

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
  browsers: [
    webdriverLauncher({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: BROWSER, args: ['--automation'] },
      },
    }),
  ],
};
