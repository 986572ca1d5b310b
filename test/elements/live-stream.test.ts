/**
 * The elements on the server's live stream (`GET /events` of the mock backend, through the REST
 * adapter and MSW): changes arrive without polling. WebKitGTK cannot hand a streamed response from
 * the service worker to the page, so there the stream looks exactly like one behind a buffering
 * proxy, and the test shows the fallback to polling instead.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { SecureMessagesAdapter } from '../../src/adapter/adapter.js';
import { liveFor } from '../../src/controllers/live.js';
import '../../src/define/notice-badge.js';
import '../../src/define/secure-inbox.js';
import type { NoticeBadge } from '../../src/elements/notice-badge/notice-badge.js';
import type { SecureInbox } from '../../src/elements/secure-inbox/secure-inbox.js';
import { WEBDRIVER } from '../engine.js';
import { rows, settled } from './secure-inbox/inbox-helpers.js';
import { restoreVisibility, setVisibility } from './notice-badge/fixtures.js';
import {
  articles,
  asUser,
  detail,
  eventually,
  loaded,
  MOCK_USER_IDS,
  renderThread,
  unassigned,
  useMockBackend,
} from './secure-thread/thread-helpers.js';

/** The adapter, with every request but the stream's recorded by method. */
function recording(adapter: SecureMessagesAdapter) {
  const calls: string[] = [];
  const proxy = new Proxy(adapter, {
    get(target, key) {
      const value = Reflect.get(target, key, target) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (key !== 'streamEvents' && key !== 'subscribe') calls.push(String(key));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { adapter: proxy, calls };
}

describe('live updates over the stream', function () {
  this.timeout(30_000);
  const mock = useMockBackend({ liveUpdates: true, heartbeatMs: 1000 });
  const { backend } = mock;
  beforeEach(() => setVisibility('visible'));
  afterEach(() => restoreVisibility());

  it('an answer from KPA reaches the open conversation, the badge and the list with no poll', async () => {
    const { adapter, calls } = recording(mock.adapter());
    const number = unassigned(backend, 'sent');
    const before = backend.store.peek(number)!.messages.length;
    // Polling every hour: whatever arrives within the test came over the stream.
    const interval = WEBDRIVER ? 0.2 : 3600;
    const badge = await fixture<NoticeBadge>(
      html`<notice-badge href="/sm" .pollInterval=${interval} .adapter=${adapter}></notice-badge>`,
    );
    const inbox = await fixture<SecureInbox>(html`<secure-inbox .adapter=${adapter}></secure-inbox>`);
    const thread = await renderThread(adapter, number, { pollInterval: interval });
    await loaded(thread);
    await settled(inbox);
    const count = () => badge.count;
    await eventually(() => count() !== undefined);
    const countBefore = count()!;
    if (!WEBDRIVER) await eventually(() => liveFor(adapter).live, 'the stream is live');
    calls.length = 0;

    asUser(backend, MOCK_USER_IDS.officer, (u) =>
      backend.store.reply(u, number, { body: 'Svar från KPA', files: [] }, crypto.randomUUID()),
    );
    await eventually(() => articles(thread).length === before + 1, 'the answer shows');
    expect(detail(thread, 'Status')).to.equal('Svar inkommit');
    await eventually(() => count() === countBefore + 1, 'the badge counts it');
    if (WEBDRIVER) {
      // Buffered: the stream never spoke, so the badge and the conversation polled, as they must
      // (the list, which has never polled, shows its rows as they were until the user searches).
      expect(liveFor(adapter).live).to.equal(false);
      expect(calls).to.include.members(['getConversation', 'getNoticeCount']);
    } else {
      await eventually(
        () => rows(inbox).find((r) => r[0] === number)?.[3] === 'Svar inkommit',
        'the list shows the new status',
      );
      // The badge took its count from the stream; the conversation was read once, the list searched.
      expect(calls.filter((c) => c === 'getNoticeCount')).to.have.length(0);
      expect(calls.filter((c) => c === 'getConversation')).to.have.length(1);
      expect(calls.filter((c) => c === 'searchConversations').length).to.be.at.least(1);
    }
    await expect(thread).to.be.accessible();
  });

  it('a 401 on the stream ends the session, and the element tells its host as for its own', async function () {
    if (WEBDRIVER) this.skip(); // no stream reaches the page in WebKitGTK (see above)
    const adapter = mock.adapter();
    const badge = await fixture<NoticeBadge>(
      html`<notice-badge href="/sm" .pollInterval=${3600} .adapter=${adapter}></notice-badge>`,
    );
    let fired = 0;
    badge.addEventListener('secure-auth-required', () => fired++);
    await eventually(() => liveFor(adapter).live, 'the stream is live');
    // The session expires: the stream's reconnect is the first to hear of it.
    backend.faults.add({ kind: 'status', status: 401, match: { path: '/events' } });
    liveFor(adapter).cut();
    await eventually(() => fired === 1, 'the host is told');
    expect(badge.count).to.equal(undefined);
    backend.faults.clear();
  });

  it('a change to another conversation is not read again by an open one', async function () {
    if (WEBDRIVER) this.skip(); // no stream reaches the page in WebKitGTK (see above)
    const { adapter, calls } = recording(mock.adapter());
    const number = unassigned(backend, 'sent');
    const other = backend.store
      .summaries()
      .find((s) => s.organisation.customerNumber === '0000' && s.number !== number && s.status === 'sent')!;
    const thread = await renderThread(adapter, number, { pollInterval: 3600 });
    await loaded(thread);
    await eventually(() => liveFor(adapter).live, 'the stream is live');
    calls.length = 0;
    asUser(backend, MOCK_USER_IDS.officer, (u) =>
      backend.store.reply(u, other.number, { body: 'Svar', files: [] }, crypto.randomUUID()),
    );
    asUser(backend, MOCK_USER_IDS.officer, (u) =>
      backend.store.reply(u, number, { body: 'Svar här', files: [] }, crypto.randomUUID()),
    );
    await eventually(() => calls.includes('getConversation'), 'the open conversation is read');
    expect(calls.filter((c) => c === 'getConversation')).to.have.length(1);
  });
});

describe('polling the notice count, one tab serves every tab', () => {
  beforeEach(() => setVisibility('visible'));
  afterEach(() => restoreVisibility());

  /** The one backend's count, which grows with every question. */
  let count = 0;

  /** A tab's adapter on the one backend (the same channel key), counting its polls. */
  function tabAdapter(key: string) {
    let polls = 0;
    const adapter = {
      channelKey: key,
      getNoticeCount: () => {
        polls++;
        return Promise.resolve(++count);
      },
      subscribe: () => () => undefined,
    } as unknown as SecureMessagesAdapter;
    return { adapter, polls: () => polls };
  }

  it('a badge that heard another tab’s count within its interval does not ask itself', async () => {
    const key = `test ${crypto.randomUUID()}`;
    const a = tabAdapter(key);
    const b = tabAdapter(key);
    const badgeA = await fixture<NoticeBadge>(
      html`<notice-badge href="/sm" .pollInterval=${0.4} .adapter=${a.adapter}></notice-badge>`,
    );
    const badgeB = await fixture<NoticeBadge>(
      html`<notice-badge href="/sm" .pollInterval=${0.4} .adapter=${b.adapter}></notice-badge>`,
    );
    await eventually(() => a.polls() + b.polls() >= 12, 'the badges polled');
    // Both show the newest count there is, whoever asked for it.
    await eventually(() => badgeA.count === count && badgeB.count === count, 'both show the newest count');
    // One tab asked nearly every time (each badge asks once on its own at the start).
    const [most, least] = [a.polls(), b.polls()].sort((x, y) => y - x);
    expect(least, `polls ${a.polls()} and ${b.polls()}`).to.be.below(most! / 2);
  });
});

describe('polling an open conversation, one tab serves every tab', function () {
  this.timeout(30_000);
  const mock = useMockBackend();
  const { backend } = mock;
  beforeEach(() => setVisibility('visible'));
  afterEach(() => restoreVisibility());

  it('a conversation another tab read within the interval is not read again; a change is', async () => {
    // Two tabs' adapters on one API: the same channel key, no stream.
    const a = recording(mock.adapter());
    const b = recording(mock.adapter());
    const reads = (tab: { calls: string[] }) => tab.calls.filter((c) => c === 'getConversation').length;
    const number = unassigned(backend, 'sent');
    const before = backend.store.peek(number)!.messages.length;
    const threadA = await renderThread(a.adapter, number, { pollInterval: 1 });
    const threadB = await renderThread(b.adapter, number, { pollInterval: 1 });
    await loaded(threadA);
    await loaded(threadB);
    // Every second, a little more at random after hearing the other: far beyond a request's time here.
    await waitUntil(() => reads(a) + reads(b) >= 10, 'the conversation was polled', { timeout: 20_000 });
    // One tab read nearly every time (each reads once on its own at the start).
    const [most, least] = [reads(a), reads(b)].sort((x, y) => y - x);
    expect(least, `reads ${reads(a)} and ${reads(b)}`).to.be.below(most! / 2);

    // A change one tab read is read by the other too, at once.
    asUser(backend, MOCK_USER_IDS.officer, (u) =>
      backend.store.reply(u, number, { body: 'Svar från KPA', files: [] }, crypto.randomUUID()),
    );
    await eventually(
      () => articles(threadA).length === before + 1 && articles(threadB).length === before + 1,
      'both tabs show the answer',
    );
  });
});
