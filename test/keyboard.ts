/**
 * Typing and key chords that work the same in the three engines. WebKitGTK's WebDriver drops a
 * key that repeats the one before it ("ett" → "et") and spaces when it types a whole string, and it
 * has no key-down/key-up commands, so there every key goes as its own press, and chords go through
 * the `send-key-chord` command of the webkit group in web-test-runner.config.mjs.
 */
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { WEBDRIVER } from './engine.js';

/** Types `text` into the focused control, as a user would. */
export async function typeText(text: string): Promise<void> {
  if (!WEBDRIVER) {
    await sendKeys({ type: text });
    return;
  }
  for (const key of text) await sendKeys({ press: key === '\n' ? 'Enter' : key });
}

/** Shift+Tab. */
export async function shiftTab(): Promise<void> {
  if (WEBDRIVER) {
    await executeServerCommand('send-key-chord', ['Shift', 'Tab']);
    return;
  }
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}
