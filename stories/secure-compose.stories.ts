import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/define/secure-compose.js';
import type { SecureCompose } from '../src/define/secure-compose.js';
import { MOCK_USER_IDS } from '../mocks/index.js';
import { storyAdapter, storyBackend } from './support.js';

/**
 * `<secure-compose>` in each of its states, every story on its own mock backend (MSW). Stories that
 * show a state after typing fill the form in their `play` function, as a user would.
 */
const meta: Meta = {
  title: 'Elements/secure-compose',
  component: 'secure-compose',
};
export default meta;

type Story = StoryObj;
const CREATE = { method: 'POST', path: '/conversations' };

const compose = () => html`<secure-compose .adapter=${storyAdapter()}></secure-compose>`;

/** Waits for the form, then fills it: subject, text, and optionally presses Skicka. */
async function fill(canvas: HTMLElement, body: string, send = false): Promise<void> {
  const el = canvas.querySelector<SecureCompose>('secure-compose')!;
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('textarea'); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  const root = el.shadowRoot!;
  const subject = root.querySelector<HTMLSelectElement>('#subject')!;
  subject.value = subject.options[2].value;
  subject.dispatchEvent(new Event('change'));
  const text = root.querySelector<HTMLTextAreaElement>('#body')!;
  text.value = body;
  text.dispatchEvent(new Event('input'));
  await el.updateComplete;
  if (send) root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

const emptyBackend = storyBackend();
/** The empty form, as the employer user NAEF00 opens it. */
export const Empty: Story = {
  parameters: { msw: { handlers: emptyBackend.handlers } },
  render: compose,
};

const errorsBackend = storyBackend();
/** Skicka pressed on an empty form: errors at the fields and the focused error summary. */
export const ValidationErrors: Story = {
  name: 'Validation errors',
  parameters: { msw: { handlers: errorsBackend.handlers } },
  render: compose,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector<SecureCompose>('secure-compose')!;
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('form'); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  },
};

const warningBackend = storyBackend();
/** A personnummer with a wrong check digit: a warning that does not block sending. */
export const PersonnummerWarning: Story = {
  name: 'Personnummer warning',
  parameters: { msw: { handlers: warningBackend.handlers } },
  render: compose,
  play: ({ canvasElement }) => fill(canvasElement, 'Gäller Tolvan Tolvansson 19121212-1213.'),
};

const longBackend = storyBackend();
/** A text 20 characters over the limit: the counter says how much is too much. */
export const LongText: Story = {
  name: 'Long text over the limit',
  parameters: { msw: { handlers: longBackend.handlers } },
  render: compose,
  play: ({ canvasElement }) => fill(canvasElement, 'Lång text. '.repeat(Math.ceil(5020 / 11)).slice(0, 5020)),
};

const sendingBackend = storyBackend({}, (b) => b.faults.add({ kind: 'hang', match: CREATE }));
/** Skicka pressed and the server has not answered yet: progress, Skicka inactive, fields read-only. */
export const Sending: Story = {
  parameters: { msw: { handlers: sendingBackend.handlers } },
  render: compose,
  play: ({ canvasElement }) => fill(canvasElement, 'Skickas just nu.', true),
};

const failedBackend = storyBackend({}, (b) => b.faults.add({ kind: 'status', status: 500, match: CREATE }));
/** The server failed every retry: the draft is kept and Försök igen is offered. */
export const Failed: Story = {
  parameters: { msw: { handlers: failedBackend.handlers } },
  render: () => html`<secure-compose .adapter=${storyAdapter()} .retryDelays=${[50]}></secure-compose>`,
  play: ({ canvasElement }) => fill(canvasElement, 'Det här gick inte att skicka.', true),
};

const sentBackend = storyBackend();
/** Sent: the new Meddelandenummer, focused. */
export const Sent: Story = {
  parameters: { msw: { handlers: sentBackend.handlers } },
  render: compose,
  play: ({ canvasElement }) => fill(canvasElement, 'Hej! Fråga om utbetalning i mars.', true),
};

const officerBackend = storyBackend({}, (b) => b.setCurrentUser(MOCK_USER_IDS.officer));
/** A KPA case officer also picks the recipient organisation. */
export const CaseOfficer: Story = {
  name: 'Case officer',
  parameters: { msw: { handlers: officerBackend.handlers } },
  render: compose,
};
