import type { Args, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { DEFAULT_FILTERS, DEFAULT_SORT, type SearchQuery } from '../src/domain/index.js';
import '../src/define/secure-inbox.js';
import { MOCK_USER_IDS } from '../mocks/index.js';
import {
  atStoryNow,
  findByRole,
  findByText,
  paste,
  rowValues,
  startingWith,
  storyAdapter,
  storyBackend as backendWith,
  tokenArgTypes,
  tr,
} from './support.js';

/**
 * `<secure-inbox>` in each of its states, every story on its own mock backend (MSW). Each render
 * makes a new adapter, so no story resumes another's query. Controls set the page size, the filter
 * panel and the search delay; states reached by an action are reached by the story's play function.
 */
const meta: Meta = {
  title: 'Elements/secure-inbox',
  component: 'secure-inbox',
  args: { pageSize: 25, debounce: 300 },
  argTypes: {
    pageSize: {
      name: 'page size',
      control: { type: 'inline-radio' },
      options: [10, 25, 50, 100],
      description: 'Rows per page (`query.pageSize`; the user changes it with Antal per sida).',
      table: { category: 'properties' },
    },
    filtersOpen: { control: { type: 'boolean' }, description: 'The filter panel is open.' },
    debounce: {
      control: { type: 'number', min: 0, step: 100 },
      description: 'Milliseconds after the last keystroke in a filter before searching.',
    },
    query: { control: false },
    ...tokenArgTypes(['secure-inbox']),
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

/** The Status column's values, as the table shows them. */
const statuses = (canvas: HTMLElement) => rowValues(canvas, 'status');

const SEARCH = { path: '/conversations/search' };
const inbox = (extra: { filtersOpen?: boolean; query?: SearchQuery } = {}) =>
  html`<secure-inbox
    .adapter=${storyAdapter()}
    debounce=${(current.debounce as number | undefined) ?? 300}
    .filtersOpen=${extra.filtersOpen ?? (current.filtersOpen as boolean | undefined) ?? false}
    .query=${
      extra.query ?? {
        filters: { ...DEFAULT_FILTERS },
        sort: { ...DEFAULT_SORT },
        page: 1,
        pageSize: (current.pageSize as number | undefined) ?? 25,
      }
    }
  ></secure-inbox>`;

const defaultBackend = backendWith();
/** The employer user NAEF00's inbox: newest first, every status but Avslutad. */
export const Default: Story = {
  parameters: { msw: { handlers: defaultBackend.handlers } },
  render: () => inbox(),
};

const manyBackend = backendWith({ size: 10_000 });
/** More than a thousand conversations for this organisation: server-side paging and page sizes. */
export const Many: Story = {
  parameters: { msw: { handlers: manyBackend.handlers } },
  render: () => inbox(),
};

const filtersBackend = backendWith();
/** Visa filtrering pressed and a status chosen: the panel open with a value, the list filtered. */
export const FiltersOpen: Story = {
  name: 'Filters open, with values',
  parameters: { msw: { handlers: filtersBackend.handlers } },
  render: () => inbox(),
  play: async ({ canvasElement }) => {
    await userEvent.click(await findByRole(canvasElement, 'button', 'Visa filtrering'));
    // Skickat only: Avslutad is not chosen by default, the other statuses are unticked.
    for (const name of ['Nytt meddelande', 'Besvarat', 'Svar inkommit']) {
      const box = await findByRole<HTMLInputElement>(canvasElement, 'checkbox', name);
      if (box.checked) await userEvent.click(box);
    }
    const skickat = await findByRole<HTMLInputElement>(canvasElement, 'checkbox', 'Skickat');
    await expect(skickat.checked).toBe(true);
    await findByRole(canvasElement, 'button', 'Dölj filtrering');
    await findByRole(canvasElement, 'button', 'Återställ filter');
    // Every row left is Skickat.
    await waitFor(() => {
      const shown = statuses(canvasElement);
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((s) => s === tr('Skickat'))).toBe(true);
    });
  },
};

const emptyBackend = backendWith({ size: 0 });
/** No conversations at all. */
export const Empty: Story = {
  parameters: { msw: { handlers: emptyBackend.handlers } },
  render: () => inbox(),
};

const emptyFilteredBackend = backendWith();
/** A search text that matches nothing: Inga meddelanden, with the hint to change or reset the filters. */
export const EmptyBecauseOfFilters: Story = {
  name: 'Empty because of filters',
  parameters: { msw: { handlers: emptyFilteredBackend.handlers } },
  render: () => inbox(),
  play: async ({ canvasElement }) => {
    await userEvent.click(await findByRole(canvasElement, 'button', 'Visa filtrering'));
    const text = await findByRole<HTMLInputElement>(canvasElement, 'textbox', startingWith('Meddelandetext'));
    await userEvent.click(text);
    await paste(text, 'Ingen text som finns');
    await findByText(canvasElement, 'Inga meddelanden');
  },
};

const loadingBackend = backendWith();
loadingBackend.faults.add({ kind: 'hang', match: SEARCH });
/** The search never answers: the table is shown, marked busy. */
export const Loading: Story = {
  parameters: { msw: { handlers: loadingBackend.handlers } },
  render: () => inbox(),
};

const errorBackend = backendWith();
errorBackend.faults.add({ kind: 'status', status: 503, match: SEARCH });
/** The server fails (503): an error with Försök igen. */
export const ErrorState: Story = {
  name: 'Error',
  parameters: { msw: { handlers: errorBackend.handlers } },
  render: () => inbox(),
};

const authBackend = backendWith();
authBackend.faults.add({ kind: 'status', status: 401 });
/** The session has expired (401): a short message; the element fires secure-auth-required. */
export const AuthRequired: Story = {
  name: 'Auth required',
  parameters: { msw: { handlers: authBackend.handlers } },
  render: () => inbox(),
};

/*
 * A KPA case officer's list. Väntar sedan counts working days up to the browser's clock, while the
 * backends are seeded at STORY_NOW: each officer story runs with Date.now at STORY_NOW
 * (`atStoryNow`), so it shows the same waits, and the same baselines, on any day.
 */

/** Väntar sedan as shown, in working days (Sedan i dag 0, not waiting –1): to compare rows by their wait. */
function waitingDays(value: string): number {
  const days = /\d+/.exec(value);
  if (days) return Number(days[0]);
  return value === '–' ? -1 : 0;
}

const officerBackend = backendWith({}, (b) => b.setCurrentUser(MOCK_USER_IDS.officer));
/**
 * A KPA case officer (Katarina Hallberg, KPAH01, Arbetsgivarservice): their department's queue of
 * every organisation, each status read from KPA's side, how long each conversation has waited for
 * KPA against the reply time, and who at KPA has it; what waits for KPA needs attention.
 */
export const CaseOfficerView: Story = {
  name: 'Case officer view',
  parameters: { msw: { handlers: officerBackend.handlers } },
  beforeEach: atStoryNow,
  render: () => inbox(),
};

const unassignedBackend = backendWith({}, (b) => b.setCurrentUser(MOCK_USER_IDS.officer));
/** The officer's queue narrowed to what nobody at KPA has taken yet: Ansvarig = Ej tilldelade. */
export const CaseOfficerUnassigned: Story = {
  name: 'Case officer, unassigned',
  parameters: { msw: { handlers: unassignedBackend.handlers } },
  beforeEach: atStoryNow,
  render: () => inbox(),
  play: async ({ canvasElement }) => {
    await userEvent.click(await findByRole(canvasElement, 'button', 'Visa filtrering'));
    const responsible = await findByRole<HTMLSelectElement>(canvasElement, 'combobox', 'Ansvarig');
    await userEvent.selectOptions(responsible, 'unassigned');
    await expect(responsible.value).toBe('unassigned');
    // Every row left is Ej tilldelad.
    await waitFor(() => {
      const shown = rowValues(canvasElement, 'assignee');
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((a) => a === tr('Ej tilldelad'))).toBe(true);
    });
  },
};

const waitingBackend = backendWith({}, (b) => b.setCurrentUser(MOCK_USER_IDS.officer));
/** Sorted by Väntar sedan, the longest wait first: the top rows are past the reply time. */
export const CaseOfficerWaitingLong: Story = {
  name: 'Case officer, waiting long',
  parameters: { msw: { handlers: waitingBackend.handlers } },
  beforeEach: atStoryNow,
  render: () => inbox(),
  play: async ({ canvasElement }) => {
    const waiting = await findByRole(canvasElement, 'button', startingWith('Väntar sedan'));
    await findByText(canvasElement, /\d{5}/, 'rowheader');
    await userEvent.click(waiting);
    const header = waiting.closest('th')!;
    await waitFor(() => expect(header.getAttribute('aria-sort')).toBe('ascending'));
    // The longest wait first, those not waiting last; the first is past the reply time.
    await waitFor(() => {
      const shown = rowValues(canvasElement, 'waiting');
      expect(shown.length).toBeGreaterThan(0);
      const days = shown.map(waitingDays);
      expect(days).toEqual([...days].sort((a, b) => b - a));
      expect(shown[0]).toContain(tr('Över svarstiden'));
    });
  },
};

const organisationBackend = backendWith({}, (b) => b.setCurrentUser(MOCK_USER_IDS.officer));
/**
 * The officer's queue for one organisation: its name typed into Organisation (a search over 290,
 * with the browser's suggestions) and Enter, which chooses it; the field then shows its name and
 * organisation number.
 */
export const CaseOfficerOrganisationSearch: Story = {
  name: 'Case officer, organisation search',
  parameters: { msw: { handlers: organisationBackend.handlers } },
  beforeEach: atStoryNow,
  render: () => inbox(),
  play: async ({ canvasElement }) => {
    // One of the organisations in the queue (most of it is the home organisation, Kundnamnet).
    const name = 'Ekbacka Bostäder AB';
    await findByText(canvasElement, name);
    await userEvent.click(await findByRole(canvasElement, 'button', 'Visa filtrering'));
    const organisation = await findByRole<HTMLInputElement>(canvasElement, 'combobox', 'Organisation');
    await userEvent.type(organisation, name);
    await userEvent.keyboard('{Enter}');
    // Chosen: the field shows its name and organisation number.
    await waitFor(() => expect(organisation.value).toBe(`${name} (556000-9954)`));
    await expect(organisation.getAttribute('aria-invalid')).toBe('false');
    // Every row left is that organisation's.
    await waitFor(() => {
      const shown = rowValues(canvasElement, 'organisation');
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((o) => o.startsWith(`${name} `))).toBe(true);
    });
  },
};

const departmentBackend = backendWith({}, (b) => b.setCurrentUser(MOCK_USER_IDS.otherOfficer));
/**
 * A case officer of another department (Jonas Lindström, KPJL02, Pension och utbetalning) whom the
 * server lets see only its Ämnen: Beräkning and Utbetalning, and no Alla ämnen to choose.
 */
export const CaseOfficerAnotherDepartment: Story = {
  name: 'Case officer, another department',
  parameters: { msw: { handlers: departmentBackend.handlers } },
  beforeEach: atStoryNow,
  render: () => inbox({ filtersOpen: true }),
  play: async ({ canvasElement }) => {
    const subject = await findByRole<HTMLSelectElement>(canvasElement, 'combobox', 'Ämne');
    // Their department's queue first, then only its Ämnen: no Alla ämnen.
    await waitFor(() => {
      const options = [...subject.options].map((o) => o.text.trim());
      expect(options[0]).toMatch(/^Pension och utbetalning /);
      expect(options.slice(1)).toEqual(['Beräkning', 'Utbetalning']);
    });
    await waitFor(() => {
      const shown = rowValues(canvasElement, 'subject');
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.every((s) => ['Beräkning', 'Utbetalning'].includes(s))).toBe(true);
    });
  },
};

const narrowBackend = backendWith();
/**
 * 320 px wide: the toolbar and filters stack, and each conversation is a stacked row with every value
 * under its column's name. The play function sorts by Datum with the keyboard (Tab to the sort
 * button, Enter), as sorting stays available at any width.
 */
export const Narrow: Story = {
  parameters: { msw: { handlers: narrowBackend.handlers } },
  globals: { viewport: { value: 'reflow320', isRotated: false } },
  render: () =>
    html`<style>
        .story-narrow {
          width: 320px;
          max-width: 100%;
        }
      </style>
      <div class="story-narrow">${inbox({ filtersOpen: true })}</div>`,
  play: async ({ canvasElement }) => {
    const date = await findByRole(canvasElement, 'button', startingWith('Datum'));
    await findByText(canvasElement, /\d{5}/, 'rowheader');
    date.focus();
    await userEvent.keyboard('{Enter}');
    const header = date.closest('th')!;
    await waitFor(() => expect(header.getAttribute('aria-sort')).toBe('ascending'));
  },
};
