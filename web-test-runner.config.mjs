import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { findChrome, CHROME_ARGS, freshPagePerFile } from './test/browsers.mjs';
import { summaryReporter } from './test/summary-reporter.mjs';

const tsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url));

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: { exportConditions: ['browser'] },
  // One test page at a time: keyboard commands and the MSW service worker need the page in front.
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    freshPagePerFile(
      chromeLauncher({
        launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS },
      }),
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
