import type { Args, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { MOCK_USER_IDS } from '../mocks/index.js';
import '../src/define/secure-adapter-provider.js';
import '../src/define/secure-messages.js';
import '../src/define/notice-badge.js';
import type { SecureMessagesView } from '../src/index.js';
import { ROUTING_MODES } from '../src/elements/secure-messages/secure-messages.js';
import { atStoryNow, storyAdapter, storyBackend, tokenArgTypes } from './support.js';

/**
 * `<secure-messages>`, the whole feature in one tag, in each of its views. The stories use
 * `routing="none"` so Storybook's own URL is never touched; in a portal the default `routing="hash"`
 * keeps the view in the URL fragment (`#meddelande/12345`). Every story has its own mock backend.
 */
const meta: Meta = {
  title: 'Elements/secure-messages',
  component: 'secure-messages',
  args: { routing: 'none' },
  argTypes: {
    routing: {
      control: { type: 'inline-radio' },
      options: [...ROUTING_MODES],
      description:
        "`hash` keeps the view in the URL fragment (here the preview frame's), `none` leaves the URL alone.",
    },
    view: { control: false },
    ...tokenArgTypes(['secure-messages']),
  },
};
export default meta;

type Story = StoryObj;

/** The designer's choices from Controls, applied to every story's element. */
let current: Args = {};
meta.decorators = [
  (story, { args }) => {
    current = args;
    return story();
  },
];

/** The feature inside a provider, the way a portal embeds it. */
const feature = (view: SecureMessagesView = { name: 'inbox' }) => html`
  <secure-adapter-provider .adapter=${storyAdapter()}>
    <secure-messages
      routing=${(current.routing as string | undefined) ?? 'none'}
      .view=${view}
    ></secure-messages>
  </secure-adapter-provider>
`;

/** The first seeded conversation of the home organisation. */
function firstNumber(backend: ReturnType<typeof storyBackend>): string {
  return backend.store.records().find((r) => r.summary.organisation.customerNumber === '0000')!.summary
    .number;
}

const inboxBackend = storyBackend();
/** The list, as the employer user NAEF00 opens Säkra meddelanden. */
export const Inbox: Story = {
  parameters: { msw: { handlers: inboxBackend.handlers } },
  render: () => feature(),
};

const composeBackend = storyBackend();
/** Nytt meddelande pressed: the form, with Tillbaka till Säkra meddelanden above it. */
export const Compose: Story = {
  name: 'New message',
  parameters: { msw: { handlers: composeBackend.handlers } },
  render: () => feature({ name: 'compose' }),
};

const threadBackend = storyBackend();
const threadNumber = firstNumber(threadBackend);
/** A conversation opened from the list (or through a deep link `#meddelande/12345`). */
export const Conversation: Story = {
  parameters: { msw: { handlers: threadBackend.handlers } },
  render: () => feature({ name: 'thread', number: threadNumber }),
};

const officerBackend = storyBackend({ currentUserId: MOCK_USER_IDS.officer });
/** The same tag for a KPA case officer: their department's queue of every organisation, and the officer's columns. */
export const CaseOfficer: Story = {
  name: 'Case officer',
  beforeEach: atStoryNow,
  parameters: { msw: { handlers: officerBackend.handlers } },
  render: () => feature(),
};

const missingBackend = storyBackend();
/** A deep link to a conversation that does not exist (or is not the user's). */
export const UnknownConversation: Story = {
  name: 'Deep link to an unknown conversation',
  parameters: { msw: { handlers: missingBackend.handlers } },
  render: () => feature({ name: 'thread', number: '99999' }),
};

const themedBackend = storyBackend();
/**
 * Theming, live: every `--secure-*` token of the feature and of `<notice-badge>` is a control (a
 * colour picker for colours). Pick a value and the whole feature follows, the badge in the menu
 * too; reset a control to get the element's default back. `::part` styles what tokens do not
 * reach (here the inbox toolbar, exported by `<secure-messages>` as `inbox-toolbar`). The values
 * it starts with are a purple theme that keeps the contrast rules (4.5:1 for text, 3:1 for borders).
 */
export const Themed: Story = {
  name: 'Theming',
  parameters: { msw: { handlers: themedBackend.handlers } },
  argTypes: tokenArgTypes(['secure-messages', 'notice-badge']),
  args: {
    '--secure-font-family': 'Georgia, serif',
    '--secure-color-primary': '#5b2a86',
    '--secure-color-focus': '#5b2a86',
    '--secure-color-link': '#5b2a86',
    '--secure-badge-background': '#5b2a86',
    '--secure-color-surface': '#f5f0fa',
    '--secure-color-attention': '#fdf1dc',
    '--secure-radius': '0',
  },
  render: () => html`
    <style>
      .themed secure-messages::part(inbox-toolbar) {
        padding-block: 0.5rem;
        border-block-end: 2px solid var(--secure-color-primary, #004b3c);
      }
      .themed nav {
        margin-block-end: 1rem;
        font-family: var(--secure-font-family, system-ui, sans-serif);
      }
    </style>
    <div class="themed">
      <nav aria-label="Arbetsgivare">
        <notice-badge appearance="badge" href="#sakra-meddelanden" .adapter=${storyAdapter()}
          >Säkra meddelanden</notice-badge
        >
      </nav>
      ${feature()}
    </div>
  `,
};
