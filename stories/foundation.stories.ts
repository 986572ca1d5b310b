import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { until } from 'lit/directives/until.js';
import { createRestAdapter } from '../src/adapter/index.js';
import {
  DEFAULT_FILTERS,
  DEFAULT_SORT,
  STATUSES,
  needsAttention,
  nextStatus,
  statusLabel,
  type Status,
} from '../src/domain/index.js';
import { createMockBackend } from '../mocks/index.js';
import { plainConversationTable } from '../demo/plain-table.js';

/**
 * The foundation every element builds on: the five statuses with the manual's labels and their
 * transitions, and the mock backend answering the REST adapter in the browser.
 */
const meta: Meta = {
  title: 'Foundation/Domain and mock backend',
};
export default meta;

const label = (s: Status | null) => (s === null ? '(ny konversation)' : statusLabel(s));

/** PRODUCT.md's transition table, computed by the domain's `nextStatus`. */
export const Statuses: StoryObj = {
  render: () => html`
    <table>
      <caption>
        Statusar och övergångar (arbetsgivarens vy)
      </caption>
      <thead>
        <tr>
          <th scope="col">Nuvarande status</th>
          <th scope="col">Arbetsgivaren skickar</th>
          <th scope="col">KPA skickar</th>
          <th scope="col">KPA avslutar</th>
          <th scope="col">Notis</th>
        </tr>
      </thead>
      <tbody>
        ${[null, ...STATUSES].map(
          (s) =>
            html`<tr>
              <th scope="row">${label(s)}</th>
              <td>${label(nextStatus(s, 'employer-sends'))}</td>
              <td>${label(nextStatus(s, 'kpa-sends'))}</td>
              <td>${s === null ? '–' : label(nextStatus(s, 'kpa-closes'))}</td>
              <td>${s !== null && needsAttention(s) ? 'Ja' : 'Nej'}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  `,
};

const backend = createMockBackend({ size: 30 });

/** The newest conversations of the employer user NAEF00, through the REST adapter and MSW. */
export const MockBackend: StoryObj = {
  parameters: { msw: { handlers: backend.handlers } },
  render: () => {
    const adapter = createRestAdapter({ baseUrl: '/api/secure-messages/v1' });
    const result = adapter.searchConversations(
      { filters: { ...DEFAULT_FILTERS }, sort: { ...DEFAULT_SORT }, page: 1, pageSize: 25 },
      AbortSignal.timeout(10_000),
    );
    return html`${until(
      result.then(
        (r) => plainConversationTable(r),
        () => html`<p role="alert">Det gick inte att hämta meddelandena.</p>`,
      ),
      html`<p>Hämtar meddelanden …</p>`,
    )}`;
  },
};
