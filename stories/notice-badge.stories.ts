import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor } from 'storybook/test';
import { MOCK_USER_IDS } from '../mocks/index.js';
import '../src/define/notice-badge.js';
import {
  NOTICE_BADGE_ANNOUNCE,
  NOTICE_BADGE_APPEARANCES,
} from '../src/elements/notice-badge/notice-badge.js';
import {
  accessibleName,
  findByRole,
  storyAdapter as adapter,
  storyBackend as backendWith,
  streamLive,
  tokenArgTypes,
  tr,
} from './support.js';

/**
 * `<notice-badge>`: the number of conversations needing attention (*Nytt meddelande*, *Svar
 * inkommit*), as on the start page's *Aktuella ärenden* or as a compact badge in the menu. Every
 * story has its own mock backend; the badge talks to it through the REST adapter.
 */
const meta: Meta = {
  title: 'Elements/notice-badge',
  component: 'notice-badge',
  argTypes: {
    appearance: { control: { type: 'inline-radio' }, options: [...NOTICE_BADGE_APPEARANCES] },
    'hide-zero': { control: { type: 'boolean' } },
    'poll-interval': { control: { type: 'number', min: 0, step: 1000 } },
    announce: { control: { type: 'inline-radio' }, options: [...NOTICE_BADGE_ANNOUNCE] },
    href: { control: { type: 'text' } },
    label: {
      control: { type: 'text' },
      description: 'The link text slotted into a badge-appearance badge (the menu item).',
      table: { category: 'slots' },
    },
    ...tokenArgTypes(['notice-badge']),
  },
};
export default meta;

type Story = StoryObj;

/**
 * The host page's own list styling, as KPA Direkt would have: list items tall enough that every
 * link (the badge's too) is a 24 px target (WCAG 2.5.8).
 */
const pageStyles = html`<style>
  .kpa-start,
  .kpa-menu {
    font-family: Arial, Helvetica, sans-serif;
    color: #1a1a1a;
    margin-block-end: 1.5rem;
  }
  .kpa-start ul,
  .kpa-menu ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .kpa-start li,
  .kpa-menu li {
    line-height: 1.5;
    padding-block: 0.25rem;
  }
  .kpa-menu {
    inline-size: 16rem;
    border-inline-start: 4px solid #004b3c;
    padding-inline-start: 0.75rem;
  }
  .kpa-start a,
  .kpa-menu a {
    color: #004b3c;
  }
  .kpa-start h2 {
    font-size: 1.125rem;
    margin-block: 0 0.5rem;
  }
</style>`;

/** The manual's start page list, with the badge as its last item. */
function startPage(badge: TemplateResult): TemplateResult {
  return html`${pageStyles}
    <section class="kpa-start" aria-labelledby="aktuella">
      <h2 id="aktuella">Aktuella ärenden</h2>
      <ul>
        <li><a href="#forfragan">Förfrågan från KPA (20)</a></li>
        <li><a href="#lon">Registrera överenskommen lön (655)</a></li>
        <li><a href="#pension">Godkänna pension (66)</a></li>
        <li><a href="#efterlevande">Godkänna efterlevandepension (4)</a></li>
        <li>${badge}</li>
      </ul>
    </section>`;
}

/** The left menu of KPA Direkt, with the badge in the Säkra meddelanden link. */
function menu(badge: TemplateResult): TemplateResult {
  return html`${pageStyles}
    <nav class="kpa-menu" aria-label="Arbetsgivare">
      <ul>
        <li><a href="#start">Startsida</a></li>
        <li>${badge}</li>
        <li><a href="#blivande">Blivande pensionärer</a></li>
        <li><a href="#avgangar">Pensionsavgångar</a></li>
        <li><a href="#lon">Registrera överenskommen lön</a></li>
      </ul>
    </nav>`;
}

/** The badge in both places a portal shows it: the start page list and the menu. */
function bothPlaces(): TemplateResult {
  return html`<div>
    ${startPage(html`<notice-badge href="#sakra-meddelanden" .adapter=${adapter()}></notice-badge>`)}
    ${menu(
      html`<notice-badge appearance="badge" href="#sakra-meddelanden" .adapter=${adapter()}
        >Säkra meddelanden</notice-badge
      >`,
    )}
  </div>`;
}

const textBackend = backendWith();
/** The start page: "Säkra meddelanden (n)" as a link under *Aktuella ärenden*. */
export const TextAppearance: Story = {
  name: 'Text appearance (start page)',
  parameters: { msw: { handlers: textBackend.handlers } },
  render: () =>
    html`<div>
      ${startPage(html`<notice-badge href="#sakra-meddelanden" .adapter=${adapter()}></notice-badge>`)}
    </div>`,
};

const badgeBackend = backendWith();
/** The menu: the link's own text stays visible (slotted), the number shows as a pill. */
export const BadgeAppearance: Story = {
  name: 'Badge appearance (menu link)',
  parameters: { msw: { handlers: badgeBackend.handlers } },
  render: () =>
    html`<div>
      ${menu(
        html`<notice-badge appearance="badge" href="#sakra-meddelanden" .adapter=${adapter()}
          >Säkra meddelanden</notice-badge
        >`,
      )}
    </div>`,
};

const zeroBackend = backendWith({ size: 0 });
/** Nothing needs attention and `hide-zero` is set: nothing renders (the menu item below is the host's). */
export const ZeroHidden: Story = {
  name: 'Zero, hidden',
  parameters: { msw: { handlers: zeroBackend.handlers } },
  render: () =>
    html`<div>
      ${startPage(
        html`<notice-badge hide-zero href="#sakra-meddelanden" .adapter=${adapter()}></notice-badge>`,
      )}
    </div>`,
};

const zeroShownBackend = backendWith({ size: 0 });
/** Nothing needs attention: "Säkra meddelanden (0)" and a muted 0 pill. */
export const ZeroShown: Story = {
  name: 'Zero, shown',
  parameters: { msw: { handlers: zeroShownBackend.handlers } },
  render: () => bothPlaces(),
};

// A server without live updates, whose count request hangs (a stream would bring the count).
const loadingBackend = backendWith({ liveUpdates: false }, (b) =>
  b.faults.add({ kind: 'hang', match: { path: '/notices/count' } }),
);
/** The first count never arrives: no number, and its space is kept. */
export const Loading: Story = {
  parameters: { msw: { handlers: loadingBackend.handlers } },
  render: () => bothPlaces(),
};

const errorBackend = backendWith({ liveUpdates: false }, (b) =>
  b.faults.add({ kind: 'status', status: 503, match: { path: '/notices/count' } }),
);
/** The server fails: no number, the link still works, the next poll tries again. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { msw: { handlers: errorBackend.handlers } },
  render: () => bothPlaces(),
};

const officerBackend = backendWith({ currentUserId: MOCK_USER_IDS.officer });
/** A KPA case officer: the count is what waits for KPA (*Väntar på KPA*). */
export const CaseOfficer: Story = {
  name: 'Case officer',
  parameters: { msw: { handlers: officerBackend.handlers } },
  render: () => bothPlaces(),
};

const liveBackend = backendWith();
/** The badge's accessible name for a count of two or more, in the active locale. */
const countName = (count: number) =>
  // The text after the number is the translation's source without its placeholder.
  `${tr('Säkra meddelanden')}, ${count}${tr(' ärenden att hantera')}`;
/**
 * Live updates: the badge hears of changes over the server's event stream (`GET /events`), with
 * polling effectively off (`poll-interval="3600"`). The play function waits for the first count,
 * then a KPA case officer answers one of the employer's Skickat conversations in the mock backend
 * (as from another browser): the count rises by one without a poll (and the increase is announced).
 */
export const LiveUpdate: Story = {
  name: 'Live update (KPA answers)',
  parameters: { msw: { handlers: liveBackend.handlers } },
  // Every visit starts from the seed.
  beforeEach: () => liveBackend.reset(),
  render: () =>
    html`<div>
      ${startPage(
        html`<notice-badge
          href="#sakra-meddelanden"
          poll-interval="3600"
          .adapter=${adapter()}
        ></notice-badge>`,
      )}
    </div>`,
  play: async ({ canvasElement }) => {
    const link = await findByRole(canvasElement, 'link', new RegExp(`^${tr('Säkra meddelanden')}, \\d+ `));
    const before = Number(/, (\d+) /.exec(accessibleName(link))![1]);
    await streamLive(canvasElement.querySelector('notice-badge')!);
    const { store } = liveBackend;
    const employer = liveBackend.currentUser();
    const officer = liveBackend.users.find((u) => u.id === MOCK_USER_IDS.officer)!;
    const number = store.records().find((r) => r.summary.status === 'sent' && store.isVisible(employer, r))!
      .summary.number;
    store.reply(
      officer,
      number,
      { body: 'Tack, vi har tagit emot underlaget.', files: [] },
      `story-live-${number}`,
    );
    await expect(store.noticeCount(employer)).toBe(before + 1);
    await waitFor(() => expect(accessibleName(link)).toBe(countName(before + 1)), { timeout: 10_000 });
  },
};

const playgroundBackend = backendWith();
/** Every attribute from Controls: appearance, hide-zero, poll interval, announcements, the link and its text. */
export const Playground: Story = {
  parameters: { msw: { handlers: playgroundBackend.handlers } },
  args: {
    appearance: 'badge',
    'hide-zero': false,
    'poll-interval': 60_000,
    announce: 'increase',
    href: '#sakra-meddelanden',
    label: 'Säkra meddelanden',
  },
  render: (args) =>
    menu(
      html`<notice-badge
        appearance=${args.appearance as string}
        ?hide-zero=${args['hide-zero'] as boolean}
        poll-interval=${args['poll-interval'] as number}
        announce=${args.announce as string}
        href=${ifDefined((args.href as string) || undefined)}
        .adapter=${adapter()}
        >${args.appearance === 'badge' ? (args.label as string) : ''}</notice-badge
      >`,
    ),
};
