import { html, type TemplateResult } from 'lit';
import { formatDate, statusLabel, type SearchResult } from '../src/domain/index.js';

/**
 * A plain table of one page of conversations, for the demo and the foundation story until
 * `<secure-inbox>` exists. Every value is bound as text.
 */
export function plainConversationTable(result: SearchResult): TemplateResult {
  return html`<table>
    <caption>
      Visar ${result.items.length} av ${result.total} meddelanden
    </caption>
    <thead>
      <tr>
        <th scope="col">Meddelandenr</th>
        <th scope="col">Datum</th>
        <th scope="col">Ämne</th>
        <th scope="col">Status</th>
        <th scope="col">Ansvarig</th>
      </tr>
    </thead>
    <tbody>
      ${result.items.map(
        (c) =>
          html`<tr>
            <td>${c.number}</td>
            <td>${formatDate(c.lastActivityAt)}</td>
            <td>${c.subject.name}</td>
            <td>${statusLabel(c.status)}</td>
            <td>${c.assignee ? `${c.assignee.name} (${c.assignee.id})` : ''}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
