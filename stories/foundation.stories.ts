import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { STATUSES, needsAttention, type Status } from '../src/domain/status.js';
import { nextStatus } from '../mocks/transitions.js';
import { statusText } from '../src/elements/shared/texts.js';

/**
 * The foundation every element builds on: the five statuses with the manual's labels and their
 * transitions (the elements' stories show the mock backend at work).
 */
const meta: Meta = {
  title: 'Foundation/Domain and mock backend',
};
export default meta;

const label = (s: Status | null) => (s === null ? '(ny konversation)' : statusText(s));

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
