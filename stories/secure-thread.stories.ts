import type { Args, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import { MOCK_USER_IDS, sampleFileBytes, type MockBackend } from '../mocks/index.js';
import type { ConversationRecord } from '../mocks/store.js';
import type { SecureMessagesAdapter } from '../src/adapter/adapter.js';
import type { Conversation, Status, User } from '../src/domain/index.js';
import '../src/define/secure-thread.js';
import {
  detailOf,
  findByRole,
  findByText,
  storyAdapter,
  storyBackend,
  streamLive,
  tokenArgTypes,
  tr,
} from './support.js';

/**
 * `<secure-thread>` in each of its states, every story on its own mock backend (MSW) and with a
 * new adapter per render. Polling is off in the stories (`poll-interval="0"`), so nothing moves
 * while a designer looks; the Poll interval control turns it on (milliseconds between checks for new
 * messages). States reached by an action are reached by the story's play function, as a user would.
 */
const meta: Meta = {
  title: 'Elements/secure-thread',
  component: 'secure-thread',
  args: { 'poll-interval': 0 },
  argTypes: {
    'poll-interval': {
      control: { type: 'number', min: 0, step: 1000 },
      description: 'Milliseconds between checks for new messages; 0 turns polling off.',
    },
    'send-timeout': {
      control: { type: 'number', min: 1000, step: 1000 },
      description: 'Milliseconds before a reply without an answer counts as lost (its outcome unknown).',
    },
    ...tokenArgTypes(['secure-thread']),
  },
};
export default meta;

type Story = StoryObj;

/** The designer's choices from Controls, applied to every story's element. */
let current: Args = {};
const thread = (number: string, adapter: SecureMessagesAdapter = storyAdapter()) =>
  html`<secure-thread
    number=${number}
    poll-interval=${(current['poll-interval'] as number | undefined) ?? 0}
    send-timeout=${ifDefined(current['send-timeout'] as number | undefined)}
    .adapter=${adapter}
  ></secure-thread>`;
/** Every story's render goes through this, so that Controls reach the element. */
const withArgs: NonNullable<Meta['decorators']> = [
  (story, { args }) => {
    current = args;
    return story();
  },
];
meta.decorators = withArgs;

function userOf(backend: MockBackend, id: string): User {
  return backend.users.find((u) => u.id === id)!;
}

/** The first seeded conversation of the home organisation (Kundnamnet) that matches. */
function numberWhere(backend: MockBackend, predicate: (r: ConversationRecord) => boolean): string {
  const record = backend.store
    .records()
    .find((r) => r.summary.organisation.customerNumber === '0000' && predicate(r));
  if (!record) throw new Error('No such conversation in the story seed');
  return record.summary.number;
}

function inStatus(backend: MockBackend, status: Status): string {
  return numberWhere(backend, (r) => r.summary.status === status);
}

/** A conversation in `status` with its backend, for one story. */
function statusStory(
  status: Status,
  setUp?: (backend: MockBackend) => void,
): { backend: MockBackend; number: string } {
  const backend = storyBackend({}, setUp);
  return { backend, number: inStatus(backend, status) };
}

const newMessage = statusStory('new');
/** Nytt meddelande: KPA wrote first. It stays Nytt meddelande when opened, until answered or closed. */
export const NewMessage: Story = {
  name: 'Status: Nytt meddelande',
  parameters: { msw: { handlers: newMessage.backend.handlers } },
  render: () => thread(newMessage.number),
};

const sent = statusStory('sent');
/** Skickat: the employer wrote and waits for KPA. */
export const Sent: Story = {
  name: 'Status: Skickat',
  parameters: { msw: { handlers: sent.backend.handlers } },
  render: () => thread(sent.number),
};

const answered = statusStory('answered');
/** Besvarat: the employer answered a message from KPA. */
export const Answered: Story = {
  name: 'Status: Besvarat',
  parameters: { msw: { handlers: answered.backend.handlers } },
  render: () => thread(answered.number),
};

const replyReceived = statusStory('reply-received');
/** Svar inkommit: KPA answered. */
export const ReplyReceived: Story = {
  name: 'Status: Svar inkommit',
  parameters: { msw: { handlers: replyReceived.backend.handlers } },
  render: () => thread(replyReceived.number),
};

const closed = statusStory('closed');
/** Avslutad, with its history: the reply form says first that replying reopens it as Skickat. */
export const Closed: Story = {
  name: 'Status: Avslutad (reopen note)',
  parameters: { msw: { handlers: closed.backend.handlers } },
  render: () => thread(closed.number),
};

const claimedBackend = storyBackend();
const claimedNumber = inStatus(claimedBackend, 'reply-received');
{
  const version = claimedBackend.store.peek(claimedNumber)!.version;
  claimedBackend.store.claim(userOf(claimedBackend, MOCK_USER_IDS.colleague), claimedNumber, `"${version}"`);
}
/** A colleague (Anna Berglund, ABCD01) works on the case: Jag tar över ärendet is offered and asks first. */
export const AssignedToColleague: Story = {
  name: 'Assigned to a colleague (take over)',
  parameters: { msw: { handlers: claimedBackend.handlers } },
  render: () => thread(claimedNumber),
};

const mineBackend = storyBackend();
const mineNumber = inStatus(mineBackend, 'new');
{
  const version = mineBackend.store.peek(mineNumber)!.version;
  mineBackend.store.claim(userOf(mineBackend, MOCK_USER_IDS.employer), mineNumber, `"${version}"`);
}
/** The signed-in user works on the case: Jag arbetar med ärendet is ticked; unticking releases it. */
export const AssignedToMe: Story = {
  name: 'Assigned to me',
  parameters: { msw: { handlers: mineBackend.handlers } },
  render: () => thread(mineNumber),
};

const file = (name: string, size: number, type: string) => ({
  name,
  type,
  bytes: sampleFileBytes(name, size),
});
const attachmentsBackend = storyBackend();
const attachmentsNumber = inStatus(attachmentsBackend, 'sent');
attachmentsBackend.store.reply(
  userOf(attachmentsBackend, MOCK_USER_IDS.officer),
  attachmentsNumber,
  {
    body: 'Här är beräkningen som underlag. Hör av er om något ser fel ut.',
    files: [file('Beräkningsunderlag 2026.pdf', 245_760, 'application/pdf')],
  },
  'story-attachment-1',
);
attachmentsBackend.store.reply(
  userOf(attachmentsBackend, MOCK_USER_IDS.employer),
  attachmentsNumber,
  {
    body: 'Tack! Bifogar lönelistan för mars.',
    files: [
      file(
        'lönelista_mars_2026_med_ett_mycket_långt_filnamn_som_måste_radbrytas.xlsx',
        18_432,
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
    ],
  },
  'story-attachment-2',
);
/** Attachments as download buttons with name and size; they are saved as files, never shown inline. */
export const Attachments: Story = {
  parameters: { msw: { handlers: attachmentsBackend.handlers } },
  render: () => thread(attachmentsNumber),
};

const LONG_PARAGRAPH =
  'Vi har gått igenom uppgifterna för den anställde och ser att lönen för perioden januari till mars inte ' +
  'stämmer med det som rapporterats tidigare. Kan ni kontrollera underlaget och återkomma med rätt belopp, ' +
  'så att beräkningen av pensionen blir korrekt? Ett_mycket_långt_ord_utan_mellanslag_som_ändå_måste_brytas_' +
  'för_att_inte_spräcka_layouten_på_en_smal_skärm.';
const longBackend = storyBackend();
const longNumber = inStatus(longBackend, 'sent');
for (let i = 1; i <= 24; i++) {
  const officer = i % 2 === 1;
  longBackend.store.reply(
    userOf(longBackend, officer ? MOCK_USER_IDS.officer : MOCK_USER_IDS.employer),
    longNumber,
    {
      body: `${officer ? 'Fråga' : 'Svar'} ${i}:\n\n${LONG_PARAGRAPH}\n\n- Punkt ett\n- Punkt två\n\nMed vänlig hälsning`,
      files: [],
    },
    `story-long-${i}`,
  );
}
/** Many messages with long texts, line breaks, lists and a long unbroken word. */
export const LongTextsManyMessages: Story = {
  name: 'Long texts, many messages',
  parameters: { msw: { handlers: longBackend.handlers } },
  render: () => thread(longNumber),
};

const conflictBackend = storyBackend();
const conflictNumber = numberWhere(
  conflictBackend,
  (r) => r.summary.status === 'reply-received' && r.summary.assignee === null,
);
const staleView: Conversation = conflictBackend.store.peek(conflictNumber)!;
conflictBackend.store.claim(
  userOf(conflictBackend, MOCK_USER_IDS.colleague),
  conflictNumber,
  `"${staleView.version}"`,
);
/** Shows the conversation as it was before the colleague claimed it (the first load only). */
function staleOnce(adapter: SecureMessagesAdapter): SecureMessagesAdapter {
  let first = true;
  return new Proxy(adapter, {
    get(target, key) {
      if (key === 'getConversation') {
        return (number: string, signal: AbortSignal) => {
          if (first && number === conflictNumber) {
            first = false;
            return Promise.resolve(structuredClone(staleView));
          }
          return target.getConversation(number, signal);
        };
      }
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
/**
 * A colleague claimed the case after this page loaded it. The play function ticks **Jag arbetar
 * med ärendet**: the server answers 412, the thread says the case is already handled by Anna
 * Berglund (ABCD01) and shows her as Ansvarig handläggare; nothing is overwritten.
 */
export const Conflict: Story = {
  name: 'Conflict on Jag arbetar med ärendet',
  parameters: { msw: { handlers: conflictBackend.handlers } },
  render: () => thread(conflictNumber, staleOnce(storyAdapter())),
  play: async ({ canvasElement }) => {
    const claim = await findByRole<HTMLInputElement>(canvasElement, 'checkbox', 'Jag arbetar med ärendet');
    await userEvent.click(claim);
    await findByText(canvasElement, /Anna Berglund/, 'alert');
    await expect(claim.checked).toBe(false);
  },
};

const takeOverBackend = storyBackend();
const takeOverNumber = inStatus(takeOverBackend, 'reply-received');
{
  const version = takeOverBackend.store.peek(takeOverNumber)!.version;
  takeOverBackend.store.claim(
    userOf(takeOverBackend, MOCK_USER_IDS.colleague),
    takeOverNumber,
    `"${version}"`,
  );
}
/** Jag tar över ärendet pressed: the dialog asks first, with Ja, ta över ärendet and Avbryt. */
export const TakeOverDialog: Story = {
  name: 'Take-over dialog',
  parameters: { msw: { handlers: takeOverBackend.handlers } },
  render: () => thread(takeOverNumber),
  play: async ({ canvasElement }) => {
    await userEvent.click(await findByRole(canvasElement, 'button', 'Jag tar över ärendet'));
    await findByRole(canvasElement, 'button', 'Ja, ta över ärendet');
    await findByRole(canvasElement, 'button', 'Avbryt');
  },
};

const live = statusStory('sent');
const LIVE_ANSWER = 'Tack för underlaget. Vi har räknat om pensionen och skickar beslutet inom kort.';
/**
 * Live updates: the open conversation hears of changes over the server's event stream
 * (`GET /events`); polling is off. The play function waits until the stream is up, then the KPA
 * case officer answers in the mock backend (as from another browser): the answer appears at the end
 * of the conversation and Status becomes Svar inkommit, without a poll.
 */
export const LiveUpdate: Story = {
  name: 'Live update (KPA answers)',
  parameters: { msw: { handlers: live.backend.handlers } },
  // Every visit starts from the seed, and the answer is stamped at the story's date.
  beforeEach: () => live.backend.reset(),
  render: () => thread(live.number),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(detailOf(canvasElement, 'Status')).toBe(tr('Skickat')), { timeout: 10_000 });
    await streamLive(canvasElement.querySelector('secure-thread')!);
    live.backend.store.reply(
      userOf(live.backend, MOCK_USER_IDS.officer),
      live.number,
      { body: LIVE_ANSWER, files: [] },
      'story-live-answer',
    );
    await findByText(canvasElement, LIVE_ANSWER);
    await waitFor(() => expect(detailOf(canvasElement, 'Status')).toBe(tr('Svar inkommit')), {
      timeout: 10_000,
    });
  },
};

const officer = storyBackend({}, (b) => b.setCurrentUser(MOCK_USER_IDS.officer));
const officerNumber = inStatus(officer, 'sent');
/**
 * The KPA case officer (KPAH01): the organisation is shown, the status as KPA reads it, Jag arbetar
 * med ärendet claims among KPA staff (the employer's staff have their own), and Markera
 * konversation som avslutad is offered.
 */
export const CaseOfficerView: Story = {
  name: 'Case officer view',
  parameters: { msw: { handlers: officer.handlers } },
  render: () => thread(officerNumber),
};

const officerClosed = storyBackend({}, (b) => b.setCurrentUser(MOCK_USER_IDS.officer));
const officerClosedNumber = inStatus(officerClosed, 'closed');
/** The case officer on an Avslutad conversation: replying reopens it (Svar inkommit for the employer). */
export const CaseOfficerClosed: Story = {
  name: 'Case officer, Avslutad',
  parameters: { msw: { handlers: officerClosed.handlers } },
  render: () => thread(officerClosedNumber),
};

const loading = statusStory('new', (b) => b.faults.add({ kind: 'hang', match: { method: 'GET' } }));
/** The server does not answer yet. */
export const Loading: Story = {
  parameters: { msw: { handlers: loading.backend.handlers } },
  render: () => thread(loading.number),
};

const notFound = storyBackend();
/** 404: no such conversation, or not this organisation's. */
export const NotFound: Story = {
  name: 'Error: not found (404)',
  parameters: { msw: { handlers: notFound.handlers } },
  render: () => thread('99999'),
};

const serverError = statusStory('new', (b) =>
  b.faults.add({ kind: 'status', status: 500, match: { method: 'GET', path: /^\/conversations\/\d{5}$/ } }),
);
/** 500: the conversation could not be loaded; Försök igen. */
export const ServerError: Story = {
  name: 'Error: server (500)',
  parameters: { msw: { handlers: serverError.backend.handlers } },
  render: () => thread(serverError.number),
};

const authRequired = statusStory('new', (b) => b.faults.add({ kind: 'status', status: 401 }));
/** 401: the session has expired; the element fires secure-auth-required and offers Försök igen. */
export const AuthRequired: Story = {
  name: 'Error: auth required (401)',
  parameters: { msw: { handlers: authRequired.backend.handlers } },
  render: () => thread(authRequired.number),
};

const narrow = statusStory('reply-received');
/** 320 px wide: details, tools and messages stack. */
export const Narrow: Story = {
  parameters: { msw: { handlers: narrow.backend.handlers } },
  globals: { viewport: { value: 'reflow320', isRotated: false } },
  render: () =>
    html`<style>
        .story-narrow {
          width: 320px;
          max-width: 100%;
        }
      </style>
      <div class="story-narrow">${thread(narrow.number)}</div>`,
};
