/**
 * Which engine and driver the tests run in (npm test: Chromium over CDP; test:firefox: Gecko over
 * WebDriver BiDi; test:webkit: WebKitGTK over classic WebDriver), for the few tests that depend on
 * what the driver can do. Headless Chromium says "HeadlessChrome/".
 */

/** Chromium, driven over the Chrome DevTools Protocol: media emulation is available. */
export const CDP = /Chrome\//.test(navigator.userAgent);

/** WebKit, driven over classic WebDriver: no viewport sizing, no key-down/key-up. */
export const WEBDRIVER = !CDP && !/Firefox\//.test(navigator.userAgent);
