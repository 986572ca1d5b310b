import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { DEFAULT_FILTERS, DEFAULT_SORT, type SearchQuery } from '../src/domain/index.js';
import '../src/define/secure-inbox.js';
import { MOCK_USER_IDS } from '../mocks/index.js';
import { storyAdapter, storyBackend as backendWith } from './support.js';

/**
 * `<secure-inbox>` in each of its states, every story on its own mock backend (MSW). Each render
 * makes a new adapter, so no story resumes another's query.
 */
const meta: Meta = {
  title: 'Elements/secure-inbox',
  component: 'secure-inbox',
};
export default meta;

type Story = StoryObj;

const SEARCH = { path: '/conversations/search' };
const inbox = (extra: { filtersOpen?: boolean; query?: SearchQuery } = {}) =>
  html`<secure-inbox
    .adapter=${storyAdapter()}
    .filtersOpen=${extra.filtersOpen ?? false}
    .query=${extra.query ?? { filters: { ...DEFAULT_FILTERS }, sort: { ...DEFAULT_SORT }, page: 1, pageSize: 25 }}
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
/** The filter panel open (Visa filtrering pressed). */
export const FiltersOpen: Story = {
  name: 'Filters open',
  parameters: { msw: { handlers: filtersBackend.handlers } },
  render: () => inbox({ filtersOpen: true }),
};

const emptyBackend = backendWith({ size: 0 });
/** No conversations at all. */
export const Empty: Story = {
  parameters: { msw: { handlers: emptyBackend.handlers } },
  render: () => inbox(),
};

const emptyFilteredBackend = backendWith();
/** Filters that match nothing: Inga meddelanden, with the hint to change or reset them. */
export const EmptyBecauseOfFilters: Story = {
  name: 'Empty because of filters',
  parameters: { msw: { handlers: emptyFilteredBackend.handlers } },
  render: () =>
    inbox({
      filtersOpen: true,
      query: {
        filters: { ...DEFAULT_FILTERS, text: 'Ingen text som finns' },
        sort: { ...DEFAULT_SORT },
        page: 1,
        pageSize: 25,
      },
    }),
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
/** A KPA case officer (KPAH01): every organisation; Skickat and Besvarat need attention. */
export const CaseOfficerView: Story = {
  name: 'Case officer view',
  parameters: { msw: { handlers: officerBackend.handlers } },
  render: () => inbox(),
};

const narrowBackend = backendWith();
/** 320 px wide: the toolbar and filters stack, the table scrolls inside its own region. */
export const Narrow: Story = {
  parameters: { msw: { handlers: narrowBackend.handlers } },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  render: () =>
    html`<style>
        .story-narrow {
          width: 320px;
          max-width: 100%;
        }
      </style>
      <div class="story-narrow">${inbox({ filtersOpen: true })}</div>`,
};
