// Puppeteer drives the Firefox ESR the system installed (web-test-runner.firefox.config.mjs);
// it never downloads a browser of its own.
module.exports = { skipDownload: true };
