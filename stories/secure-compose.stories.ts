import type { Args, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/define/secure-compose.js';
import { MOCK_USER_IDS } from '../mocks/index.js';
import {
  findByRole,
  findByText,
  paste,
  startingWith,
  storyAdapter,
  storyBackend,
  tabOut,
  tokenArgTypes,
} from './support.js';

/**
 * `<secure-compose>` in each of its states, every story on its own mock backend (MSW). Stories that
 * show a state after typing fill the form in their `play` function, as a user would, finding each
 * control by its accessible name; each play function then checks that the state appeared (the
 * Interactions panel shows every step, and CI fails when one no longer passes).
 */
const meta: Meta = {
  title: 'Elements/secure-compose',
  component: 'secure-compose',
  argTypes: {
    'send-timeout': {
      control: { type: 'number', min: 1000, step: 1000 },
      description: 'Milliseconds before a send without an answer counts as lost (its outcome unknown).',
    },
    ...tokenArgTypes(['secure-compose']),
  },
};
export default meta;

type Story = StoryObj;
const CREATE = { method: 'POST', path: '/conversations' };

const compose = (args: Args = {}) =>
  html`<secure-compose
    .adapter=${storyAdapter()}
    send-timeout=${ifDefined(args['send-timeout'] as number | undefined)}
  ></secure-compose>`;

/** Chooses an Ämne and writes the message, as a user does; then presses Skicka if asked. */
async function fill(canvas: HTMLElement, body: string, send = false): Promise<void> {
  const subject = await findByRole<HTMLSelectElement>(canvas, 'combobox', 'Ämne');
  await userEvent.selectOptions(subject, subject.options[2].value);
  const text = await findByRole<HTMLTextAreaElement>(canvas, 'textbox', startingWith('Meddelande'));
  await userEvent.click(text);
  await paste(text, body);
  await expect(text.value).toBe(body);
  if (send) await userEvent.click(await findByRole(canvas, 'button', 'Skicka'));
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
    await userEvent.click(await findByRole(canvasElement, 'button', 'Skicka'));
    // The error summary lists what to correct, and the fields say they are invalid.
    await findByText(canvasElement, 'Rätta följande innan du skickar:', 'alert');
    const subject = await findByRole(canvasElement, 'combobox', 'Ämne');
    await expect(subject.getAttribute('aria-invalid')).toBe('true');
  },
};

const warningBackend = storyBackend();
/** A personnummer with a wrong check digit: a warning that does not block sending. */
export const PersonnummerWarning: Story = {
  name: 'Personnummer warning',
  parameters: { msw: { handlers: warningBackend.handlers } },
  render: compose,
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'Gäller Tolvan Tolvansson 19121212-1213.');
    // The warning names the number that does not add up.
    await findByText(canvasElement, /19121212-1213/, 'status');
    // A warning only: Skicka stays available.
    const send = await findByRole(canvasElement, 'button', 'Skicka');
    await expect(send.getAttribute('aria-disabled')).toBe('false');
  },
};

const longBackend = storyBackend();
/** A text 20 characters over the limit: the counter says how much is too much. */
export const LongText: Story = {
  name: 'Long text over the limit',
  parameters: { msw: { handlers: longBackend.handlers } },
  render: compose,
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'Lång text. '.repeat(Math.ceil(5020 / 11)).slice(0, 5020));
    await findByText(canvasElement, /20/);
  },
};

const sendingBackend = storyBackend({}, (b) => b.faults.add({ kind: 'hang', match: CREATE }));
/** Skicka pressed and the server has not answered yet: progress, Skicka inactive, fields read-only. */
export const Sending: Story = {
  parameters: { msw: { handlers: sendingBackend.handlers } },
  render: compose,
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'Skickas just nu.', true);
    await findByText(canvasElement, 'Skickar meddelandet …', 'status');
    const send = await findByRole(canvasElement, 'button', 'Skicka');
    await expect(send.getAttribute('aria-disabled')).toBe('true');
  },
};

const failedBackend = storyBackend({}, (b) => b.faults.add({ kind: 'status', status: 500, match: CREATE }));
/** The server failed every retry: the draft is kept and Försök igen is offered. */
export const Failed: Story = {
  parameters: { msw: { handlers: failedBackend.handlers } },
  render: () => html`<secure-compose .adapter=${storyAdapter()} .retryDelays=${[50]}></secure-compose>`,
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'Det här gick inte att skicka.', true);
    await findByRole(canvasElement, 'button', 'Försök igen');
  },
};

const sentBackend = storyBackend();
/** Sent: the new Meddelandenummer, focused. */
export const Sent: Story = {
  parameters: { msw: { handlers: sentBackend.handlers } },
  render: compose,
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'Hej! Fråga om utbetalning i mars.', true);
    await findByText(canvasElement, 'Ditt meddelande har skickats.');
    await findByRole(canvasElement, 'link', 'Öppna konversationen').catch(() =>
      findByRole(canvasElement, 'button', 'Öppna konversationen'),
    );
  },
};

const signedOutBackend = storyBackend({}, (b) =>
  b.faults.add({ kind: 'status', status: 401, match: CREATE }),
);
/**
 * The session ends while sending (401): nothing of the form stays on screen, the element says the
 * user has been signed out, that the draft is kept, and offers Försök igen.
 */
export const SignedOutDuringSend: Story = {
  name: 'Signed out during a send (401)',
  parameters: { msw: { handlers: signedOutBackend.handlers } },
  render: compose,
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'Det här skickas när sessionen har gått ut.', true);
    await findByText(canvasElement, /./, 'alert');
    await findByRole(canvasElement, 'button', 'Försök igen');
  },
};

const officerBackend = storyBackend({}, (b) => b.setCurrentUser(MOCK_USER_IDS.officer));
/**
 * A KPA case officer also chooses the recipient organisation, in a search over all 290: an
 * organisation number typed in full chooses it on leaving the field (Tab), which then shows its name
 * and number.
 */
export const CaseOfficer: Story = {
  name: 'Case officer',
  parameters: { msw: { handlers: officerBackend.handlers } },
  render: compose,
  play: async ({ canvasElement }) => {
    const organisation = await findByRole<HTMLInputElement>(canvasElement, 'combobox', 'Organisation');
    await userEvent.type(organisation, '2120009871');
    await tabOut(organisation);
    await waitFor(() => expect(organisation.value).toBe('Sjöviks kommun (212000-9871)'));
    await expect(organisation.getAttribute('aria-invalid')).toBe('false');
  },
};
