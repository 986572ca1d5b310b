import { expect, waitUntil } from '@open-wc/testing';
import type { LiveEvent, SecureMessagesAdapter } from '../../src/adapter/adapter.js';
import { AuthRequiredError, NetworkError, NotFoundError } from '../../src/adapter/errors.js';
import { liveFor, type LiveNews } from '../../src/controllers/live.js';
import { forgetSession, sessionFor } from '../../src/controllers/session.js';
import { installClock, microtasksSettled, type TestClock } from '../clock.js';
import { USER } from '../fixtures.js';

interface Stream {
  lastEventId: string | undefined;
  signal: AbortSignal;
  emit(event: LiveEvent): void;
  end(error?: unknown): void;
}

/**
 * A tab: an adapter whose streams the test drives. Adapters with the same key stand for tabs of
 * one browser: their channels meet over BroadcastChannel and Web Locks as separate tabs' would.
 */
function tab(key: string | undefined) {
  const streams: Stream[] = [];
  const adapter = {
    ...(key === undefined ? {} : { channelKey: key }),
    getCurrentUser: () => Promise.resolve(USER),
    subscribe: () => () => undefined,
    streamEvents: (emit: (event: LiveEvent) => void, signal: AbortSignal, lastEventId?: string) =>
      new Promise<void>((resolve, reject) => {
        streams.push({ lastEventId, signal, emit, end: (error) => (error ? reject(error) : resolve()) });
        signal.addEventListener('abort', () => reject(signal.reason));
      }),
  } as unknown as SecureMessagesAdapter;
  const heard: LiveNews[] = [];
  const unsubscribe = liveFor(adapter).subscribe((news) => heard.push(news));
  return { adapter, streams, heard, unsubscribe, channel: liveFor(adapter) };
}

const newKey = () => `test ${crypto.randomUUID()}`;
const notices = (id: string, count: number): LiveEvent => ({ type: 'notices', id, count });
const change = (id: string, number: string, version: string): LiveEvent => ({
  type: 'conversation',
  id,
  number,
  version,
});

describe('live channel (one stream per browser)', () => {
  const open: (() => void)[] = [];
  afterEach(() => {
    for (const unsubscribe of open.splice(0)) unsubscribe();
  });
  const tabOf = (key: string | undefined) => {
    const t = tab(key);
    open.push(t.unsubscribe);
    return t;
  };

  it('one tab reads the stream; every tab hears its events and knows it is live', async () => {
    const key = newKey();
    const a = tabOf(key);
    await waitUntil(() => a.streams.length === 1, 'the first tab opens the stream');
    const b = tabOf(key);
    a.streams[0]!.emit(notices('e.1', 3));
    a.streams[0]!.emit(change('e.2', '12345', 'v4'));
    await waitUntil(() => b.heard.some((n) => n.type === 'conversation'), 'the second tab hears the change');
    expect(b.heard).to.deep.include({ type: 'notices', id: 'e.1', count: 3 });
    expect(b.heard).to.deep.include({ type: 'conversation', id: 'e.2', number: '12345', version: 'v4' });
    expect(a.channel.live).to.equal(true);
    await waitUntil(() => b.channel.live, 'the second tab knows the stream is live');
    expect(b.streams).to.have.length(0);
    expect(a.channel.leading).to.equal(true);
    expect(b.channel.leading).to.equal(false);
  });

  it('when the leading tab closes, another takes over at once and resumes after the last event heard', async () => {
    const key = newKey();
    const a = tabOf(key);
    await waitUntil(() => a.streams.length === 1, 'the first tab opens the stream');
    const b = tabOf(key);
    a.streams[0]!.emit(notices('e.1', 3));
    a.streams[0]!.emit(change('e.7', '12345', 'v4'));
    await waitUntil(() => b.heard.some((n) => n.type === 'conversation'), 'the second tab hears the change');
    a.unsubscribe(); // the tab closes (its channel ends after a short linger)
    await waitUntil(() => b.streams.length === 1, 'the second tab takes the stream over', { timeout: 3000 });
    expect(b.streams[0]!.lastEventId).to.equal('e.7');
    expect(a.streams[0]!.signal.aborted).to.equal(true);
    expect(b.channel.leading).to.equal(true);
  });

  it('a session that ends in one tab ends in every tab, and each resumes with its own Försök igen', async () => {
    const key = newKey();
    const a = tabOf(key);
    const b = tabOf(key);
    const c = tabOf(newKey()); // another backend: not touched
    await waitUntil(() => a.streams.length === 1, 'the first tab opens the stream');
    forgetSession(a.adapter);
    await waitUntil(() => sessionFor(b.adapter).signedOut, 'the other tab ends its session', {
      timeout: 1000,
    });
    expect(a.streams[0]!.signal.aborted).to.equal(true);
    expect(sessionFor(c.adapter).signedOut).to.equal(false);
    // Signing in again in one tab does not sign in the other; it resumes with its own Försök igen.
    await sessionFor(a.adapter).resume(AbortSignal.timeout(5000));
    await waitUntil(() => a.streams.length === 2, 'the stream opens again after Försök igen');
    expect(sessionFor(b.adapter).signedOut).to.equal(true);
    await sessionFor(b.adapter).resume(AbortSignal.timeout(5000));
    expect(sessionFor(a.adapter).signedOut).to.equal(false);
  });

  it('a 401 on the stream ends the session in every tab, and the stream waits for Försök igen', async () => {
    const key = newKey();
    const a = tabOf(key);
    const b = tabOf(key);
    await waitUntil(() => a.streams.length === 1, 'the first tab opens the stream');
    a.streams[0]!.end(new AuthRequiredError('Signed out.', 401));
    await waitUntil(() => sessionFor(b.adapter).signedOut, 'the other tab ends its session', {
      timeout: 1000,
    });
    expect(sessionFor(a.adapter).signedOut).to.equal(true);
    await sessionFor(b.adapter).resume(AbortSignal.timeout(5000));
    expect(a.streams).to.have.length(1);
  });

  it('only numbers, versions, counts and event ids cross between tabs', async () => {
    const key = newKey();
    const seen: object[] = [];
    const spy = new BroadcastChannel(`secure-messages ${key}`);
    spy.onmessage = (event: MessageEvent<object>) => seen.push(event.data);
    try {
      const a = tabOf(key);
      await waitUntil(() => a.streams.length === 1, 'the first tab opens the stream');
      a.streams[0]!.emit(notices('e.1', 3));
      a.streams[0]!.emit(change('e.2', '12345', 'v4'));
      a.streams[0]!.emit({ type: 'reset', id: 'e.3' });
      forgetSession(a.adapter);
      await waitUntil(() => seen.some((m) => (m as { type: string }).type === 'ended'), 'the end is told');
      for (const message of seen) {
        expect(Object.keys(message)).to.satisfy((keys: string[]) =>
          keys.every((k) => ['type', 'id', 'number', 'version', 'count', 'live'].includes(k)),
        );
      }
      expect(seen.map((m) => (m as { type: string }).type)).to.include.members([
        'live',
        'notices',
        'conversation',
      ]);
    } finally {
      spy.close();
    }
  });

  describe('falling back to polling, and back (on the test clock)', () => {
    let clock: TestClock;
    beforeEach(() => (clock = installClock()));
    afterEach(() => clock.uninstall());

    /** A tab of its own (no key, no locks) whose streams the clock times. */
    async function single() {
      const t = tabOf(undefined);
      await microtasksSettled();
      return t;
    }

    it('a stream that breaks is live no more, and the next comes back after 1, 2, 5 s …', async () => {
      const t = await single();
      t.streams[0]!.emit(notices('e.1', 0));
      expect(t.channel.live).to.equal(true);
      t.streams[0]!.end(new NetworkError('Cut.', false));
      await microtasksSettled();
      expect(t.channel.live).to.equal(false);
      expect(t.heard.at(-1)).to.deep.equal({ type: 'live', live: false });
      await clock.advance(999);
      expect(t.streams).to.have.length(1);
      await clock.advance(1);
      expect(t.streams).to.have.length(2);
      expect(t.streams[1]!.lastEventId).to.equal('e.1');
      // Fails again before a word: the wait grows.
      t.streams[1]!.end(new NetworkError('Cut.', false));
      await clock.advance(1999);
      expect(t.streams).to.have.length(2);
      await clock.advance(1);
      expect(t.streams).to.have.length(3);
      t.streams[2]!.emit({ type: 'alive' });
      expect(t.channel.live).to.equal(true);
    });

    it('a stream that says nothing within 5 s (a buffering proxy) is given up', async () => {
      const t = await single();
      await clock.advance(4999);
      expect(t.streams[0]!.signal.aborted).to.equal(false);
      await clock.advance(1);
      expect(t.streams[0]!.signal.aborted).to.equal(true);
      expect(t.channel.live).to.equal(false);
    });

    it('a stream silent for 65 s counts as dead; heartbeats keep it', async () => {
      const t = await single();
      t.streams[0]!.emit({ type: 'alive' });
      await clock.advance(60_000);
      t.streams[0]!.emit({ type: 'alive' });
      await clock.advance(64_999);
      expect(t.channel.live).to.equal(true);
      await clock.advance(1);
      expect(t.channel.live).to.equal(false);
      expect(t.streams[0]!.signal.aborted).to.equal(true);
    });

    it('a server without a stream (404) is asked again after 10 minutes', async () => {
      const t = await single();
      t.streams[0]!.end(new NotFoundError('No stream.', 404));
      await clock.advance(599_999);
      expect(t.streams).to.have.length(1);
      await clock.advance(1);
      expect(t.streams).to.have.length(2);
    });

    it('cut() closes the stream; it comes back a second later, resuming', async () => {
      const t = await single();
      t.streams[0]!.emit(change('e.4', '12345', 'v2'));
      t.channel.cut();
      await microtasksSettled();
      expect(t.channel.live).to.equal(false);
      await clock.advance(1000);
      expect(t.streams).to.have.length(2);
      expect(t.streams[1]!.lastEventId).to.equal('e.4');
    });
  });
});
