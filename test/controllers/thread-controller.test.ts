import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { ChangeListener, SecureMessagesAdapter } from '../../src/adapter/adapter.js';
import { ConflictError, NotFoundError, ServerError } from '../../src/adapter/errors.js';
import { ThreadController, type ThreadHost } from '../../src/controllers/thread-controller.js';
import type { Conversation } from '../../src/domain/index.js';
import { COLLEAGUE, conversation, USER } from '../fixtures.js';

interface Pending<T> {
  args: unknown[];
  signal: AbortSignal;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** An adapter whose loads and writes the test answers by hand. */
function manualAdapter() {
  const loads: Pending<Conversation>[] = [];
  const writes: Pending<Conversation>[] = [];
  const listeners = new Set<ChangeListener>();
  const pending =
    <T>(list: Pending<T>[]) =>
    (...args: unknown[]) =>
      new Promise<T>((resolve, reject) => {
        const signal = args.find((a): a is AbortSignal => a instanceof AbortSignal)!;
        list.push({ args, signal, resolve, reject });
        signal.addEventListener('abort', () => reject(signal.reason));
      });
  const adapter = {
    getCurrentUser: () => Promise.resolve(USER),
    getConversation: pending(loads),
    claim: pending(writes),
    release: pending(writes),
    takeOver: pending(writes),
    close: pending(writes),
    subscribe(listener: ChangeListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as SecureMessagesAdapter;
  return {
    adapter,
    loads,
    writes,
    notify: (number: string) => listeners.forEach((l) => l({ type: 'claimed', number })),
  };
}

class ThreadProbe extends LitElement implements ThreadHost {
  effectiveAdapter: SecureMessagesAdapter | undefined = undefined;
  number = '';
  pollInterval = 0;
  remote: [Conversation, Conversation][] = [];
  auth = 0;
  thread = new ThreadController(this, {
    adapter: () => this.effectiveAdapter,
    onRemoteChange: (a, b) => this.remote.push([a, b]),
    onAuthRequired: () => this.auth++,
  });
}
customElements.define('thread-controller-probe', ThreadProbe);

async function probe(adapter: SecureMessagesAdapter, number: string): Promise<ThreadProbe> {
  const el = await fixture<ThreadProbe>(html`<thread-controller-probe></thread-controller-probe>`);
  el.effectiveAdapter = adapter;
  el.number = number;
  el.requestUpdate();
  await el.updateComplete;
  return el;
}

const until = (p: () => unknown) => waitUntil(p, undefined, { timeout: 4000 });

/** Conversation 10001 loaded at version v1, through an adapter the test answers by hand. */
async function loadedAtV1() {
  const m = manualAdapter();
  const el = await probe(m.adapter, '10001');
  await until(() => m.loads.length === 1);
  m.loads[0]!.resolve(conversation({ number: '10001', version: 'v1' }));
  await until(() => el.thread.state === 'loaded');
  return { m, el };
}

describe('ThreadController', () => {
  it('is idle without adapter or number, then loading, then loaded', async () => {
    const m = manualAdapter();
    const el = await fixture<ThreadProbe>(html`<thread-controller-probe></thread-controller-probe>`);
    expect(el.thread.state).to.equal('idle');
    el.effectiveAdapter = m.adapter;
    el.number = '10001';
    el.requestUpdate();
    await el.updateComplete;
    expect(el.thread.state).to.equal('loading');
    await until(() => m.loads.length === 1);
    m.loads[0]!.resolve(conversation({ number: '10001', version: 'v1' }));
    await until(() => el.thread.state === 'loaded');
    expect(el.thread.conversation?.version).to.equal('v1');
    expect(el.thread.user?.id).to.equal('NAEF00');
  });

  it('a newer number aborts the older load', async () => {
    const m = manualAdapter();
    const el = await probe(m.adapter, '10001');
    await until(() => m.loads.length === 1);
    el.number = '10002';
    el.requestUpdate();
    await until(() => m.loads.length === 2);
    expect(m.loads[0]!.signal.aborted).to.equal(true);
    m.loads[1]!.resolve(conversation({ number: '10002', version: 'v1' }));
    await until(() => el.thread.state === 'loaded');
    expect(el.thread.conversation?.number).to.equal('10002');
  });

  it('a refresh that started before a write never overwrites the write’s answer', async () => {
    const { m, el } = await loadedAtV1();
    el.thread.refresh();
    await until(() => m.loads.length === 2);
    const claimed = el.thread.perform('claim');
    await until(() => m.writes.length === 1);
    expect(m.writes[0]!.args.slice(0, 2)).to.deep.equal(['10001', 'v1']);
    m.writes[0]!.resolve(
      conversation({
        number: '10001',
        version: 'v2',
        assignee: { id: 'NAEF00', name: 'Namn Efternamn', side: 'employer' },
      }),
    );
    expect((await claimed).ok).to.equal(true);
    m.loads[1]!.resolve(conversation({ number: '10001', version: 'v1' }));
    await until(() => !el.thread.loading);
    await el.updateComplete;
    expect(el.thread.conversation?.version).to.equal('v2');
    expect(el.remote).to.have.length(0);
  });

  it('a second write while one is under way sends nothing', async () => {
    const { m, el } = await loadedAtV1();
    void el.thread.perform('claim');
    const second = await el.thread.perform('claim');
    expect(second).to.deep.equal({ ok: false, error: undefined });
    expect(m.writes).to.have.length(1);
    expect(el.thread.pending).to.equal('claim');
  });

  it('a conflict reloads quietly and reports the error; the conversation stays on screen meanwhile', async () => {
    const { m, el } = await loadedAtV1();
    const outcome = el.thread.perform('claim');
    await until(() => m.writes.length === 1);
    m.writes[0]!.reject(new ConflictError('412', 412, COLLEAGUE, 'v2'));
    const result = await outcome;
    expect(result.ok).to.equal(false);
    expect(result.ok === false && result.error).to.be.instanceOf(ConflictError);
    await until(() => m.loads.length === 2);
    expect(el.thread.state).to.equal('loaded');
    m.loads[1]!.resolve(conversation({ number: '10001', version: 'v2', assignee: COLLEAGUE }));
    await until(() => el.thread.conversation?.version === 'v2');
    expect(el.remote).to.have.length(0);
  });

  it('reports remote changes found by a refresh, and refreshes on change notifications for its number only', async () => {
    const { m, el } = await loadedAtV1();
    m.notify('10002');
    await el.updateComplete;
    expect(m.loads).to.have.length(1);
    m.notify('10001');
    await until(() => m.loads.length === 2);
    m.loads[1]!.resolve(conversation({ number: '10001', version: 'v2', status: 'closed' }));
    await until(() => el.remote.length === 1);
    expect(el.remote[0]!.map((c) => c.version)).to.deep.equal(['v1', 'v2']);
  });

  it('a failed background refresh keeps the conversation; a 404 clears it', async () => {
    const { m, el } = await loadedAtV1();
    el.thread.refresh();
    await until(() => m.loads.length === 2);
    m.loads[1]!.reject(new ServerError('500', 500, null));
    await until(() => !el.thread.loading);
    await el.updateComplete;
    expect(el.thread.state).to.equal('loaded');
    el.thread.refresh();
    await until(() => m.loads.length === 3);
    m.loads[2]!.reject(new NotFoundError('404', 404));
    await until(() => el.thread.state === 'not-found');
  });

  it('leaving the page aborts the load and writes; coming back loads again', async () => {
    const m = manualAdapter();
    const el = await probe(m.adapter, '10001');
    await until(() => m.loads.length === 1);
    const parent = el.parentNode!;
    el.remove();
    expect(m.loads[0]!.signal.aborted).to.equal(true);
    parent.appendChild(el);
    await until(() => m.loads.length === 2);
    m.loads[1]!.resolve(conversation({ number: '10001', version: 'v1' }));
    await until(() => el.thread.state === 'loaded');
  });
});
