import { html, nothing, type TemplateResult } from 'lit';
import { readerStatus, type Conversation, type User } from '../../domain/index.js';
import { personName, texts } from './thread-texts.js';
import { statusText } from '../shared/texts.js';

/**
 * The conversation's facts as a description list: Meddelandenummer, Ämne, Status, Ansvarig
 * handläggare (name and user id, or Ingen ansvarig), and for KPA staff, who see every
 * organisation, the organisation as well.
 */
export function renderHeader(conversation: Conversation, user: User | undefined): TemplateResult {
  const { assignee, organisation } = conversation;
  return html`<dl class="details" part="details">
    <div>
      <dt>${texts.number()}</dt>
      <dd class="number">${conversation.number}</dd>
    </div>
    <div>
      <dt>${texts.subject()}</dt>
      <dd><bdi>${conversation.subject.name}</bdi></dd>
    </div>
    <div>
      <dt>${texts.status()}</dt>
      <dd class="status">${statusText(readerStatus(conversation.status, user?.side ?? 'employer'))}</dd>
    </div>
    <div>
      <dt>${texts.assignee()}</dt>
      <dd class=${assignee ? 'assignee' : 'assignee none'}>
        ${assignee ? personName(assignee) : texts.noAssignee()}
      </dd>
    </div>
    ${
      user?.side === 'kpa'
        ? html`<div>
            <dt>${texts.organisation()}</dt>
            <dd>${texts.organisationValue(organisation.name, organisation.customerNumber)}</dd>
          </div>`
        : nothing
    }
  </dl>`;
}
