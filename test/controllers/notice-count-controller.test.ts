import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChangeListener, SecureMessagesAdapter } from '../../src/adapter/adapter.js';
import { AuthRequiredError, NetworkError, ServerError } from '../../src/adapter/errors.js';
import {
  DEFAULT_POLL_INTERVAL,
  NoticeCountController,
  type NoticeCountAdapter,
  type NoticeCountControllerOptions,
} from '../../src/controllers/notice-count-controller.js';
import { sessionFor } from '../../src/controllers/session.js';
import type { User } from '../../src/domain/index.js';
import { installClock, type TestClock } from '../clock.js';
import { USER } from '../fixtures.js';

/** A hand-written adapter: answers with `value` (or fails with `failure`), or holds calls when `hold`. */
class StubAdapter implements NoticeCountAdapter {
  value = 3;
  failure: unknown = undefined;
  hold = false;
  readonly signals: AbortSignal[] = [];
  readonly held: { resolve: (n: number) => void; reject: (e: unknown) => void }[] = [];
  readonly listeners = new Set<ChangeListener>();

  getNoticeCount(signal: AbortSignal): Promise<number> {
    this.signals.push(signal);
    if (this.hold) {
      return new Promise((resolve, reject) => {
        this.held.push({ resolve, reject });
        signal.addEventListener('abort', () => reject(signal.reason));
      });
    }
    return this.failure === undefined ? Promise.resolve(this.value) : Promise.reject(this.failure);
  }

  getCurrentUser(): Promise<User> {
    return Promise.resolve(USER);
  }

  subscribe(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  change(): void {
    for (const listener of [...this.listeners]) listener({ type: 'replied', number: '12345' });
  }

  get calls(): number {
    return this.signals.length;
  }
}

/** A bare controller host; the test connects and disconnects it by hand. */
class StubHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  addController(c: ReactiveController): void {
    this.controllers.push(c);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates++;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

let visibility: DocumentVisibilityState = 'visible';
function setVisibility(state: DocumentVisibilityState): void {
  visibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

interface Setup {
  host: StubHost;
  controller: NoticeCountController;
  adapter: StubAdapter;
  authRequired: number;
  changes: [number, number | undefined][];
  setAdapter(a: NoticeCountAdapter | undefined): void;
}

const active: NoticeCountController[] = [];

function setup(options: Partial<NoticeCountControllerOptions> = {}, connect = true): Setup {
  const host = new StubHost();
  let current: NoticeCountAdapter | undefined = new StubAdapter();
  const s = {
    host,
    adapter: current as StubAdapter,
    authRequired: 0,
    changes: [] as [number, number | undefined][],
    setAdapter(a: NoticeCountAdapter | undefined) {
      current = a;
      s.controller.hostUpdate();
    },
  } as Setup;
  s.controller = new NoticeCountController(host, {
    adapter: () => current,
    pollInterval: 0,
    onAuthRequired: () => s.authRequired++,
    onCountChange: (count, previous) => s.changes.push([count, previous]),
    ...options,
  });
  active.push(s.controller);
  if (connect) s.controller.hostConnected();
  return s;
}

/** Until no request is in flight: the answer (or failure) so far has been taken in. */
const settled = (controller: NoticeCountController) =>
  waitUntil(() => !controller.pending, 'the request settles', { timeout: 2000 });

/**
 * For checks that nothing more is asked over some time: the test owns the clock and advances it
 * by whole poll intervals (see ../clock.ts), installed before the controller sets its first timer.
 */
let clock: TestClock | undefined;
function useClock(): TestClock {
  clock = installClock();
  return clock;
}

describe('NoticeCountController', () => {
  before(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  });
  after(() => {
    // Back to Document.prototype's getter.
    delete (document as { visibilityState?: unknown }).visibilityState;
  });
  afterEach(() => {
    for (const c of active.splice(0)) c.hostDisconnected();
    clock?.uninstall();
    clock = undefined;
    visibility = 'visible';
  });

  it('registers itself with the host', () => {
    const { host, controller } = setup({}, false);
    expect(host.controllers).to.deep.equal([controller]);
  });

  it('is idle without an adapter and asks for nothing', async () => {
    const { controller, adapter, setAdapter } = setup({}, false);
    setAdapter(undefined);
    controller.hostConnected();
    await settled(controller);
    expect(controller.status).to.equal('idle');
    expect(controller.count).to.equal(undefined);
    expect(adapter.calls).to.equal(0);
  });

  it('is loading with no count until the first answer, then ready', async () => {
    const { controller, adapter } = setup();
    expect(controller.status).to.equal('loading');
    expect(controller.count).to.equal(undefined);
    expect(controller.pending).to.equal(true);
    await settled(controller);
    expect(controller.status).to.equal('ready');
    expect(controller.count).to.equal(3);
    expect(controller.pending).to.equal(false);
    expect(adapter.calls).to.equal(1);
  });

  it('passes a fresh signal and aborts the older request when a newer one starts', async () => {
    const { controller, adapter, host } = setup();
    adapter.hold = true;
    const updatesBefore = host.updates;
    // The first call (on connect) already answered 3; hold the next two.
    await settled(controller);
    void controller.refresh();
    void controller.refresh();
    expect(adapter.calls).to.equal(3);
    expect(adapter.signals[1].aborted).to.equal(true);
    expect(adapter.signals[2].aborted).to.equal(false);
    // A late answer to the aborted request changes nothing.
    adapter.held[0].resolve(99);
    adapter.held[1].resolve(5);
    await settled(controller);
    expect(controller.count).to.equal(5);
    expect(host.updates).to.be.greaterThan(updatesBefore);
  });

  it('keeps the last count visible while a refresh is in flight', async () => {
    const { controller, adapter } = setup();
    await settled(controller);
    adapter.hold = true;
    void controller.refresh();
    expect(controller.status).to.equal('ready');
    expect(controller.count).to.equal(3);
    expect(controller.pending).to.equal(true);
  });

  it('re-fetches on every change the adapter reports', async () => {
    const { controller, adapter } = setup();
    await settled(controller);
    adapter.value = 4;
    adapter.change();
    await settled(controller);
    expect(adapter.calls).to.equal(2);
    expect(controller.count).to.equal(4);
    adapter.value = 2;
    adapter.change();
    await settled(controller);
    expect(adapter.calls).to.equal(3);
    expect(controller.count).to.equal(2);
  });

  it('reports count changes with the previous count (undefined the first time)', async () => {
    const s = setup();
    await settled(s.controller);
    s.adapter.change(); // same count: no report
    await settled(s.controller);
    s.adapter.value = 7;
    s.adapter.change();
    await settled(s.controller);
    expect(s.changes).to.deep.equal([
      [3, undefined],
      [7, 3],
    ]);
  });

  it('disconnecting aborts the request in flight, unsubscribes and makes no more requests', async () => {
    const time = useClock();
    const { controller, adapter } = setup({ pollInterval: 0.02 });
    adapter.hold = true;
    expect(adapter.listeners.size).to.equal(1);
    controller.hostDisconnected();
    expect(adapter.signals[0].aborted).to.equal(true);
    expect(adapter.listeners.size).to.equal(0);
    const calls = adapter.calls;
    adapter.change();
    // Ten poll intervals: a controller that still polled would have asked again.
    await time.advance(10 * 20);
    expect(adapter.calls).to.equal(calls);
    expect(controller.pending).to.equal(false);
  });

  it('keeps its count over a disconnect and refreshes on reconnect', async () => {
    const { controller, adapter } = setup();
    await settled(controller);
    controller.hostDisconnected();
    adapter.value = 8;
    controller.hostConnected();
    expect(controller.count).to.equal(3);
    await settled(controller);
    expect(controller.count).to.equal(8);
    expect(adapter.listeners.size).to.equal(1);
  });

  it('follows a new adapter: unsubscribes from the old, starts afresh with the new', async () => {
    const s = setup();
    await settled(s.controller);
    const old = s.adapter;
    const next = new StubAdapter();
    next.value = 11;
    next.hold = true;
    s.setAdapter(next);
    expect(old.listeners.size).to.equal(0);
    expect(next.listeners.size).to.equal(1);
    expect(s.controller.count).to.equal(undefined);
    expect(s.controller.status).to.equal('loading');
    next.held[0].resolve(11);
    await settled(s.controller);
    expect(s.controller.count).to.equal(11);
    old.change();
    await settled(s.controller);
    expect(old.calls).to.equal(1);
    s.setAdapter(undefined);
    expect(next.listeners.size).to.equal(0);
    expect(s.controller.status).to.equal('idle');
  });

  it('aborts the old adapter’s request when the adapter changes', async () => {
    const s = setup();
    s.adapter.hold = true;
    s.setAdapter(new StubAdapter());
    expect(s.adapter.signals[0].aborted).to.equal(true);
    await settled(s.controller);
    expect(s.controller.count).to.equal(3);
  });

  it('polls at the configured interval (seconds, fractions allowed)', async () => {
    const { controller, adapter } = setup({ pollInterval: 0.02 });
    expect(controller.pollInterval).to.equal(0.02);
    await waitUntil(() => adapter.calls >= 3, 'polls', { timeout: 2000 });
    adapter.value = 6;
    await waitUntil(() => controller.count === 6, 'picks up the new count', { timeout: 2000 });
  });

  it('does not poll when the interval is 0, and starts when it is set', async () => {
    const time = useClock();
    const { controller, adapter } = setup({ pollInterval: 0 });
    // Longer than any interval a badge is given: still only the first request.
    await time.advance(DEFAULT_POLL_INTERVAL * 10 * 1000);
    expect(adapter.calls).to.equal(1);
    controller.pollInterval = 0.02;
    await time.advance(19);
    expect(adapter.calls, 'one interval is counted from the change').to.equal(1);
    await time.advance(1);
    expect(adapter.calls, 'polls after the change').to.equal(2);
  });

  it('never lets a poll abort a slow request: the next poll counts from its answer', async () => {
    const time = useClock();
    const { controller, adapter } = setup({ pollInterval: 0.02 }, false);
    adapter.hold = true;
    controller.hostConnected();
    // Ten poll intervals with the request unanswered (well within its requestTimeout).
    await time.advance(10 * 20);
    expect(adapter.calls).to.equal(1);
    expect(adapter.signals[0].aborted).to.equal(false);
    adapter.hold = false;
    adapter.value = 4;
    adapter.held[0].resolve(4);
    await time.advance(19);
    expect(adapter.calls, 'a whole interval from the answer').to.equal(1);
    expect(controller.count).to.equal(4);
    await time.advance(1);
    expect(adapter.calls, 'polls after the answer').to.equal(2);
  });

  it('applies a poll interval changed while a request is in flight once it settles', async () => {
    const { controller, adapter } = setup({ pollInterval: 0 }, false);
    adapter.hold = true;
    controller.hostConnected();
    controller.pollInterval = 0.02;
    adapter.hold = false;
    adapter.held[0].resolve(3);
    await waitUntil(() => adapter.calls >= 2, 'polls at the new interval', { timeout: 2000 });
  });

  it('gives up a request unanswered after requestTimeout, as an error, and keeps polling', async () => {
    const { controller, adapter } = setup({ pollInterval: 0.02, requestTimeout: 0.05 }, false);
    adapter.hold = true;
    controller.hostConnected();
    await waitUntil(() => controller.status === 'error', 'times out', { timeout: 2000 });
    expect(adapter.signals[0].aborted).to.equal(true);
    expect((adapter.signals[0].reason as DOMException).name).to.equal('TimeoutError');
    adapter.hold = false;
    await waitUntil(() => controller.status === 'ready', 'the next poll answers', { timeout: 2000 });
    expect(controller.count).to.equal(3);
  });

  const invalidIntervals = [-1, Number.NaN, Number.POSITIVE_INFINITY];
  for (const value of invalidIntervals) {
    it(`treats a poll interval of ${value} as the default`, () => {
      const { controller } = setup({ pollInterval: 0 }, false);
      controller.pollInterval = value;
      expect(controller.pollInterval).to.equal(DEFAULT_POLL_INTERVAL);
    });
  }

  it('pauses polling while the tab is hidden and refreshes at once on return when a poll fell due', async () => {
    const time = useClock();
    const { adapter } = setup({ pollInterval: 0.03 });
    await time.advance(0);
    setVisibility('hidden');
    const calls = adapter.calls;
    // Ten poll intervals hidden: nothing is asked.
    await time.advance(10 * 30);
    expect(adapter.calls).to.equal(calls);
    setVisibility('visible');
    expect(adapter.calls).to.equal(calls + 1);
    await time.advance(30);
    expect(adapter.calls, 'polling resumes').to.equal(calls + 2);
  });

  it('refreshes at once on return to the tab even before a poll fell due, like every polling element', async () => {
    const { controller, adapter } = setup({ pollInterval: 60 });
    await settled(controller);
    setVisibility('hidden');
    setVisibility('visible');
    await settled(controller);
    expect(adapter.calls).to.equal(2);
  });

  it('starts hidden without a timer and polls once the tab shows', async () => {
    const time = useClock();
    visibility = 'hidden';
    const { adapter } = setup({ pollInterval: 0.02 });
    // Ten poll intervals hidden: only the first request.
    await time.advance(10 * 20);
    expect(adapter.calls).to.equal(1);
    setVisibility('visible');
    expect(adapter.calls).to.equal(2);
  });

  it('shows no count after an error, never rejects, and recovers on the next poll', async () => {
    const { controller, adapter } = setup({ pollInterval: 0.02 });
    await settled(controller);
    expect(controller.count).to.equal(3);
    adapter.failure = new NetworkError('offline', false);
    await waitUntil(() => controller.status === 'error', 'error state', { timeout: 2000 });
    expect(controller.count).to.equal(undefined);
    expect(controller.error).to.be.instanceOf(NetworkError);
    adapter.failure = undefined;
    adapter.value = 5;
    await waitUntil(() => controller.status === 'ready', 'recovers', { timeout: 2000 });
    expect(controller.count).to.equal(5);
    expect(controller.error).to.equal(undefined);
  });

  it('stays in the error state (not loading) while retrying after an error', async () => {
    const { controller, adapter } = setup({}, false);
    adapter.failure = new NetworkError('offline', false);
    controller.hostConnected();
    await settled(controller);
    adapter.hold = true;
    void controller.refresh();
    expect(controller.pending).to.equal(true);
    expect(controller.status).to.equal('error');
  });

  it('treats an answer that is not a count as an error', async () => {
    const { controller, adapter } = setup({}, false);
    adapter.value = -1;
    controller.hostConnected();
    await settled(controller);
    expect(controller.status).to.equal('error');
    expect(controller.count).to.equal(undefined);
  });

  it('survives an adapter that throws synchronously', async () => {
    const { controller, adapter } = setup({}, false);
    adapter.getNoticeCount = () => {
      throw new Error('broken');
    };
    controller.hostConnected();
    await settled(controller);
    expect(controller.status).to.equal('error');
  });

  it('a 401 ends the session: no count, no polls or refreshes, the host told once; a resumed session counts again', async () => {
    const time = useClock();
    const s = setup({ pollInterval: 0.02 }, false);
    s.adapter.failure = new AuthRequiredError('401', 401);
    s.controller.hostConnected();
    await time.advance(0);
    expect(s.authRequired).to.equal(1);
    expect(s.controller.status).to.equal('error');
    expect(s.controller.count).to.equal(undefined);
    const calls = s.adapter.calls;
    // Polls, changes and the host's refresh ask nothing while the session has ended.
    s.adapter.change();
    await s.controller.refresh();
    // Ten poll intervals (and twice the backoff after a failure): a controller that still polled
    // would have asked again.
    await time.advance(10 * 20 * 2);
    expect(s.adapter.calls).to.equal(calls);
    expect(s.authRequired).to.equal(1);
    // Försök igen in any element on the adapter resumes the session: the count loads again.
    s.adapter.failure = undefined;
    await sessionFor(s.adapter as unknown as SecureMessagesAdapter).resume(new AbortController().signal);
    await time.advance(0);
    expect(s.controller.count).to.equal(s.adapter.value);
    s.adapter.failure = new AuthRequiredError('401', 401);
    await s.controller.refresh();
    expect(s.authRequired).to.equal(2);
  });

  it('does not report other failures as 401', async () => {
    const s = setup({}, false);
    s.adapter.failure = new ServerError('500', 500, null);
    s.controller.hostConnected();
    await settled(s.controller);
    expect(s.controller.status).to.equal('error');
    expect(s.authRequired).to.equal(0);
  });

  it('waits at least Retry-After seconds before the next poll after a 5xx', async () => {
    const time = useClock();
    const { controller, adapter } = setup({ pollInterval: 0.02 }, false);
    adapter.failure = new ServerError('503', 503, 60);
    controller.hostConnected();
    await time.advance(60_000 - 1);
    expect(adapter.calls, 'not before Retry-After').to.equal(1);
    await time.advance(1);
    expect(adapter.calls, 'polls once Retry-After has passed').to.equal(2);
  });
});
