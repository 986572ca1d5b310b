// WebKitGTK for the project's browser runs: the MiniBrowser, driven over WebDriver by
// WebKitWebDriver (Debian: apt-get install -y webkit2gtk-driver xvfb), shared by the WebKit test
// suite and the table-semantics check. WEBKIT_WEBDRIVER_PATH and WEBKIT_BROWSER_PATH override the
// paths.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** The driver and browser executables, or undefined for each one that is missing. */
export function findWebKit() {
  const driver = [process.env.WEBKIT_WEBDRIVER_PATH, '/usr/bin/WebKitWebDriver'].find(
    (p) => p && existsSync(p),
  );
  const browser = [
    process.env.WEBKIT_BROWSER_PATH,
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  ].find((p) => p && existsSync(p));
  return { driver, browser };
}

/** A free TCP port on this machine. */
function freePort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts WebKitWebDriver on a free loopback port and gives what a WebDriver client needs: the
 * port, the capabilities that open the MiniBrowser, and `stop()`. The driver also stops with the
 * process.
 */
export async function startWebKitDriver({ driver, browser }) {
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
