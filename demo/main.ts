/**
 * The demo page: the library's data layer running on the MSW mock backend in the browser.
 * It shows the signed-in user, the notice count and the newest conversations, fetched through
 * the REST adapter exactly as an embedding portal would. The KPA Direkt shell comes later.
 */
import { html, render } from 'lit';
import { createRestAdapter } from '../src/adapter/index.js';
import { DEFAULT_FILTERS, DEFAULT_SORT } from '../src/domain/index.js';
import { plainConversationTable } from './plain-table.js';
import type { SearchResult, User } from '../src/domain/index.js';
import { createMockBackend, startMockWorker, MOCK_USER_IDS } from '../mocks/index.js';

const backend = createMockBackend({ size: 200 });
await startMockWorker(backend, { quiet: true });
const adapter = createRestAdapter({ baseUrl: '/api/secure-messages/v1' });
const app = document.getElementById('app')!;
// Replace the static loading text; later renders update in place.
app.replaceChildren();

async function show(): Promise<void> {
  const signal = AbortSignal.timeout(10_000);
  const [user, count, result]: [User, number, SearchResult] = await Promise.all([
    adapter.getCurrentUser(signal),
    adapter.getNoticeCount(signal),
    adapter.searchConversations(
      { filters: { ...DEFAULT_FILTERS }, sort: { ...DEFAULT_SORT }, page: 1, pageSize: 25 },
      signal,
    ),
  ]);
  render(
    html`
      <h1>Säkra meddelanden</h1>
      <p>
        <label for="user">Visa som</label>
        <select id="user" @change=${onUserChange}>
          ${backend.users.map(
            (u) => html`<option value=${u.id} ?selected=${u.id === user.id}>${u.name} | ${u.id}</option>`,
          )}
        </select>
      </p>
      <p>Säkra meddelanden (${count})</p>
      <div class="table-region" role="region" aria-label="Meddelanden" tabindex="0">
        ${plainConversationTable(result)}
      </div>
    `,
    app,
  );
  app.removeAttribute('aria-busy');
}

function onUserChange(event: Event): void {
  backend.setCurrentUser((event.target as HTMLSelectElement).value);
  void show();
}

backend.setCurrentUser(MOCK_USER_IDS.employer);
await show();
