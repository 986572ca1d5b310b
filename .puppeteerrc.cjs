// Puppeteer drives the Firefox ESR the system installed (the firefox group of web-test-runner.config.mjs);
// it never downloads a browser of its own.
module.exports = { skipDownload: true };
