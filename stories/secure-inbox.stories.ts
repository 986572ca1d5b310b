import type { Args, Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import { DEFAULT_FILTERS, DEFAULT_SORT, type SearchQuery } from '../src/domain/index.js';
import '../src/define/secure-inbox.js';
import { MOCK_USER_IDS } from '../mocks/index.js';
import {
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

const officerBackend = backendWith();
officerBackend.setCurrentUser(MOCK_USER_IDS.officer);
/** A KPA case officer (KPAH01): every organisation, each status read from KPA's side; what waits for KPA needs attention. */
export const CaseOfficerView: Story = {
  name: 'Case officer view',
  parameters: { msw: { handlers: officerBackend.handlers } },
  render: () => inbox(),
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
