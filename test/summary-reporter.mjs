// @ts-check
// A web-test-runner reporter that ends the run with one plain line:
// "<passed> passed, <failed> failed, <skipped> skipped".
// A test file that fails to load or throws outside a test counts as one failure.
import process from 'node:process';

/** @typedef {{ passed: number, failed: number, skipped: number }} Counts */

/**
 * @param {import('@web/test-runner').TestSuiteResult} suite
 * @param {Counts} counts
 */
function countSuite(suite, counts) {
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites) countSuite(child, counts);
}

/** @returns {import('@web/test-runner').Reporter} */
export function summaryReporter() {
  /** @type {Counts | undefined} */
  let last;
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        if (session.testResults) countSuite(session.testResults, counts);
        const sessionErrors = (session.errors ?? []).length;
        if (!session.passed && sessionErrors > 0) counts.failed += 1;
        else if (!session.passed && !session.testResults) counts.failed += 1;
      }
      last = counts;
    },
    stop() {
      const counts = last;
      if (!counts) return;
      // Printed after wtr's own summary so that it is the closing line.
      process.on('exit', () => {
        process.stdout.write(
          `\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`,
        );
      });
    },
  };
}
