/**
 * Helpers for the <secure-compose> tests: rendering against the mock backend, filling the form as
 * a user does, and a spy that records the Idempotency-Key of every send.
 */
import { fixture, html } from '@open-wc/testing';
import type { SecureMessagesAdapter } from '../../../src/adapter/adapter.js';
import '../../../src/define/secure-compose.js';
import type { SecureCompose } from '../../../src/define/secure-compose.js';
import { eventually, intercept } from '../helpers.js';
import { field, normalise, root } from '../queries.js';
import { sampleFile } from '../../../mocks/sample-files.js';

export async function renderCompose(
  adapter: SecureMessagesAdapter,
  options: { sendTimeout?: number } = {},
): Promise<SecureCompose> {
  const el = await fixture<SecureCompose>(
    html`<secure-compose
      .adapter=${adapter}
      .retryDelays=${[20, 40]}
      .sendTimeout=${options.sendTimeout ?? 5000}
    ></secure-compose>`,
  );
  await eventually(() => root(el).querySelector('form'), 'the form did not load');
  return el;
}

export function chooseSubject(el: SecureCompose, name: string): void {
  const select = field<HTMLSelectElement>(el, 'Ämne');
  select.value = [...select.options].find((o) => o.text === name)!.value;
  select.dispatchEvent(new Event('change'));
}

export async function typeText(el: SecureCompose, text: string): Promise<void> {
  const body = field<HTMLTextAreaElement>(el, 'Meddelande');
  body.value = text;
  body.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

export async function chooseFiles(el: SecureCompose, ...files: File[]): Promise<void> {
  const input = field<HTMLInputElement>(el, 'Bifoga fil');
  const chosen = new DataTransfer();
  for (const file of files) chosen.items.add(file);
  input.files = chosen.files;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

export function pdf(name = 'lönebesked.pdf', bytes = 2048): File {
  return sampleFile(name, bytes, 'application/pdf');
}

/** A complete, valid draft. */
export async function fillValid(el: SecureCompose, text = 'Hej! Fråga om lön för mars.'): Promise<void> {
  chooseSubject(el, 'Beräkning');
  await typeText(el, text);
}

export function confirmationNumber(el: SecureCompose): string | undefined {
  const strong = root(el).querySelector('.confirmation-number strong');
  return strong ? normalise(strong.textContent) : undefined;
}

export function text(el: SecureCompose): string {
  return normalise(root(el).textContent);
}

export interface SendSpy {
  adapter: SecureMessagesAdapter;
  /** The Idempotency-Key of every createConversation call, in order. */
  keys: string[];
}

export function spySends(inner: SecureMessagesAdapter): SendSpy {
  const keys: string[] = [];
  const adapter = intercept(inner, 'createConversation', (create) => (draft, options) => {
    keys.push(options.idempotencyKey);
    return create(draft, options);
  });
  return { adapter, keys };
}
