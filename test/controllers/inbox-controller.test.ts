import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { SecureMessagesAdapter } from '../../src/adapter/adapter.js';
import { AuthRequiredError, ServerError } from '../../src/adapter/errors.js';
import { InboxController, type InboxHost } from '../../src/controllers/inbox-controller.js';
import { recallInbox } from '../../src/controllers/inbox-query.js';
import type { SearchQuery, SearchResult } from '../../src/domain/index.js';
import { microtasksSettled } from '../clock.js';
import { USER } from '../fixtures.js';

interface Call {
  query: SearchQuery;
  signal: AbortSignal;
  resolve(result: SearchResult): void;
  reject(error: unknown): void;
}

/** An adapter whose searches the test answers by hand. */
function manualAdapter() {
  const calls: Call[] = [];
  const listeners = new Set<() => void>();
  const adapter = {
    getCurrentUser: () => Promise.resolve(USER),
    getSubjects: () => Promise.resolve([{ id: 's1', name: 'Beräkning' }]),
    searchConversations(query: SearchQuery, signal: AbortSignal) {
      return new Promise<SearchResult>((resolve, reject) => {
        calls.push({ query, signal, resolve, reject });
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as SecureMessagesAdapter;
  return { adapter, calls, notify: () => listeners.forEach((l) => l()) };
}

const page = (total: number, q: SearchQuery): SearchResult => ({
  items: [],
  total,
  page: q.page,
  pageSize: q.pageSize,
});

class ProbeHost extends LitElement implements InboxHost {
  effectiveAdapter: SecureMessagesAdapter | undefined = undefined;
  debounce = 20;
  changes: SearchQuery[] = [];
  authEvents = 0;
  inbox = new InboxController(this, {
    adapter: () => this.effectiveAdapter,
    onQueryChange: (q) => this.changes.push(q),
    onAuthRequired: () => this.authEvents++,
  });
  override render() {
    return html``;
  }
}
customElements.define('inbox-probe-host', ProbeHost);

async function host(adapter: SecureMessagesAdapter): Promise<ProbeHost> {
  const el = await fixture<ProbeHost>(
    html`<inbox-probe-host .effectiveAdapter=${adapter}></inbox-probe-host>`,
  );
  await el.updateComplete;
  return el;
}

describe('InboxController', () => {
  it('is idle without an adapter and searches once one is there', async () => {
    const el = await fixture<ProbeHost>(html`<inbox-probe-host></inbox-probe-host>`);
    expect(el.inbox.state).to.equal('idle');
    const m = manualAdapter();
    el.effectiveAdapter = m.adapter;
    el.requestUpdate();
    await waitUntil(() => m.calls.length === 1);
    expect(el.inbox.state).to.equal('loading');
    m.calls[0].resolve(page(3, m.calls[0].query));
    await waitUntil(() => el.inbox.state === 'complete');
    expect(el.inbox.result?.total).to.equal(3);
    expect(el.inbox.user).to.deep.equal(USER);
    expect(el.inbox.subjects.map((s) => s.name)).to.deep.equal(['Beräkning']);
  });

  it('a newer query aborts the older one, whose late answer is ignored', async () => {
    const m = manualAdapter();
    const el = await host(m.adapter);
    el.inbox.sortBy('subject');
    await el.updateComplete;
    expect(m.calls.length).to.equal(2);
    expect(m.calls[0].signal.aborted).to.equal(true);
    m.calls[1].resolve(page(7, m.calls[1].query));
    m.calls[0].resolve(page(99, m.calls[0].query)); // too late: already aborted
    await waitUntil(() => el.inbox.state === 'complete');
    // The hand-written adapter answers with plain promises: once they have all run, the late
    // answer has had every chance to land.
    await microtasksSettled();
    await el.updateComplete;
    expect(el.inbox.result?.total).to.equal(7);
  });

  it('debounces typed filters, applies at once on request, and validates first', async () => {
    const m = manualAdapter();
    const el = await host(m.adapter);
    el.inbox.editFilters({ text: 'A' }, 'debounced');
    el.inbox.editFilters({ text: 'An' }, 'debounced');
    el.inbox.editFilters({ text: 'Ann' }, 'debounced');
    await el.updateComplete;
    expect(m.calls.length).to.equal(1);
    await waitUntil(() => m.calls.length >= 2);
    // Proving that the earlier keystrokes send nothing more needs a bound in time: one more
    // debounce interval of the controller's own timer. A search left over from 'A' or 'An' would
    // be due before the one for 'Anna', so the next search being for 'Anna' shows there was none.
    el.inbox.editFilters({ text: 'Anna' }, 'debounced');
    await waitUntil(() => m.calls.length >= 3);
    expect(m.calls.slice(1).map((c) => c.query.filters.text)).to.deep.equal(['Ann', 'Anna']);
    el.inbox.editFilters({ messageNumber: '12' }, 'now');
    await el.updateComplete;
    expect(m.calls.length).to.equal(3);
    expect(el.inbox.errors.messageNumber?.code).to.equal('message-number.format');
    el.inbox.editFilters({ messageNumber: '12345' }, 'now');
    await el.updateComplete;
    expect(m.calls.length).to.equal(4);
    expect(el.inbox.errors).to.deep.equal({});
    expect(el.changes.map((q) => q.filters.text)).to.deep.equal(['Ann', 'Anna', 'Anna']);
  });

  it('applying unchanged filters sends nothing', async () => {
    const m = manualAdapter();
    const el = await host(m.adapter);
    expect(el.inbox.applyFilters()).to.equal(true);
    await el.updateComplete;
    expect(m.calls.length).to.equal(1);
  });

  it('pages within the known total and resets to page 1 on filter or sort changes', async () => {
    const m = manualAdapter();
    const el = await host(m.adapter);
    m.calls[0].resolve(page(60, m.calls[0].query));
    await waitUntil(() => el.inbox.state === 'complete');
    expect(el.inbox.lastPage).to.equal(3);
    el.inbox.goToPage(9);
    expect(el.inbox.query.page).to.equal(3);
    el.inbox.goToPage(0);
    expect(el.inbox.query.page).to.equal(1);
    el.inbox.goToPage(2);
    el.inbox.setPageSize(50);
    expect(el.inbox.query).to.include({ page: 1, pageSize: 50 }); // row 26 is on page 1 of 50
    el.inbox.goToPage(2);
    el.inbox.editFilters({ subjectId: 's1' }, 'now');
    expect(el.inbox.query.page).to.equal(1);
  });

  it('goes to the last page when the page is past the end', async () => {
    const m = manualAdapter();
    const el = await host(m.adapter);
    el.inbox.query = { ...el.inbox.query, page: 5 };
    await el.updateComplete;
    const call = m.calls[m.calls.length - 1];
    call.resolve(page(30, call.query));
    await waitUntil(() => m.calls.length === 3);
    expect(m.calls[2].query.page).to.equal(2);
  });

  it('a 401 ends the session: rows dropped, host told once, nothing searched until Försök igen asks who is signed in', async () => {
    const m = manualAdapter();
    let userAsked = 0;
    (m.adapter as unknown as { getCurrentUser: () => Promise<typeof USER> }).getCurrentUser = () => {
      userAsked++;
      return Promise.resolve(USER);
    };
    const el = await host(m.adapter);
    m.calls[0].resolve(page(30, m.calls[0].query));
    await waitUntil(() => el.inbox.state === 'complete');
    expect(el.inbox.result?.total).to.equal(30);
    const asked = userAsked;
    el.inbox.sortBy('status');
    await el.updateComplete;
    m.calls[1].reject(new AuthRequiredError('401', 401));
    await waitUntil(() => el.inbox.state === 'auth-required');
    expect(el.inbox.result).to.equal(undefined);
    expect(el.inbox.user).to.equal(undefined);
    expect(el.authEvents).to.equal(1);
    // A change elsewhere or a new sort asks nothing while the session has ended.
    m.notify();
    el.inbox.sortBy('date');
    await el.updateComplete;
    await Promise.resolve();
    expect(m.calls).to.have.length(2);
    el.inbox.retry();
    await waitUntil(() => m.calls.length === 3);
    expect(userAsked).to.equal(asked + 1);
    expect(m.calls[2].query.sort).to.deep.equal({ key: 'date', direction: 'desc' });
    m.calls[2].reject(new AuthRequiredError('401', 401));
    await waitUntil(() => el.authEvents === 2);
    expect(el.inbox.state).to.equal('auth-required');
  });

  it('keeps the last result and the error while retrying', async () => {
    const m = manualAdapter();
    const el = await host(m.adapter);
    m.calls[0].reject(new ServerError('503', 503, null));
    await waitUntil(() => el.inbox.state === 'error');
    expect(el.inbox.error).to.be.instanceOf(ServerError);
    el.inbox.retry();
    await el.updateComplete;
    expect(el.inbox.state).to.equal('loading');
    expect(el.inbox.error).to.be.instanceOf(ServerError);
    m.calls[1].resolve(page(1, m.calls[1].query));
    await waitUntil(() => el.inbox.state === 'complete');
    expect(el.inbox.error).to.equal(undefined);
  });

  it('refreshes when the adapter reports a change, and stops listening when disconnected', async () => {
    const m = manualAdapter();
    const el = await host(m.adapter);
    m.notify();
    expect(m.calls.length).to.equal(2);
    el.remove();
    expect(m.calls[1].signal.aborted).to.equal(true);
    m.notify();
    expect(m.calls.length).to.equal(2);
    document.body.append(el);
    await waitUntil(() => m.calls.length === 3, 'the aborted search runs again on reconnect');
    el.remove();
  });

  it('remembers the applied query per adapter and resumes it in a new host', async () => {
    const m = manualAdapter();
    const first = await host(m.adapter);
    first.inbox.sortBy('assignee');
    first.inbox.filtersOpen = true;
    await first.updateComplete;
    expect(recallInbox(m.adapter)?.query.sort).to.deep.equal({ key: 'assignee', direction: 'asc' });
    const second = await host(m.adapter);
    expect(second.inbox.query.sort).to.deep.equal({ key: 'assignee', direction: 'asc' });
    expect(second.inbox.filtersOpen).to.equal(true);
    expect(m.calls[m.calls.length - 1].query.sort.key).to.equal('assignee');
  });

  it('a query set by the host before the adapter arrives wins over the remembered one', async () => {
    const m = manualAdapter();
    const first = await host(m.adapter);
    first.inbox.sortBy('assignee');
    const el = await fixture<ProbeHost>(html`<inbox-probe-host></inbox-probe-host>`);
    el.inbox.query = { ...el.inbox.query, sort: { key: 'number', direction: 'asc' } };
    el.effectiveAdapter = m.adapter;
    el.requestUpdate();
    await el.updateComplete;
    expect(el.inbox.query.sort).to.deep.equal({ key: 'number', direction: 'asc' });
    expect(m.calls[m.calls.length - 1].query.sort.key).to.equal('number');
  });
});
