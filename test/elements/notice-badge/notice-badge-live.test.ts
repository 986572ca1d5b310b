import { expect, fixture, fixtureSync, html, waitUntil } from '@open-wc/testing';
import { MOCK_USER_IDS } from '../../../mocks/index.js';
import '../../../src/define/notice-badge.js';
import type { NoticeBadge } from '../../../src/elements/notice-badge/notice-badge.js';
import { installClock, until } from '../../clock.js';
import { useMockBackend } from '../helpers.js';
import { accessibleText } from './a11y-text.js';
import {
  conversationIn,
  countingAdapter,
  link,
  liveRegion,
  restoreVisibility,
  setVisibility,
  settle,
  storeCount,
} from './fixtures.js';

const signal = () => AbortSignal.timeout(5000);

describe('<notice-badge> live updates', () => {
  const mock = useMockBackend();
  const { backend } = mock;

  // The runner opens test files side by side; the one in the background tab is 'hidden', where the
  // badge rightly stops polling. Tests that need polling see a visible tab.
  beforeEach(() => setVisibility('visible'));
  afterEach(() => restoreVisibility());

  /** KPA answers an employer's conversation directly in the store (as if from another browser). */
  function officerAnswersInStore(): void {
    const number = conversationIn(backend, 'sent');
    const officer = backend.users.find((u) => u.id === MOCK_USER_IDS.officer)!;
    backend.store.reply(officer, number, { body: 'Svar från KPA', files: [] }, `answer-${number}`);
  }

  it('drops by one at once when the employer answers a new conversation through the same adapter', async () => {
    const adapter = mock.adapter();
    const before = storeCount(backend);
    const el = await fixture<NoticeBadge>(
      html`<notice-badge href="/sm" poll-interval="0" .adapter=${adapter}></notice-badge>`,
    );
    await settle(el);
    expect(el.count).to.equal(before);
    await adapter.reply(
      conversationIn(backend, 'new'),
      { body: 'Tack, vi återkommer.', files: [] },
      { signal: signal(), idempotencyKey: crypto.randomUUID() },
    );
    await waitUntil(() => el.count === before - 1, 'count drops by one', { timeout: 4000 });
    await el.updateComplete;
    expect(storeCount(backend)).to.equal(before - 1);
    expect(accessibleText(link(el)!)).to.equal(`Säkra meddelanden, ${before - 1} ärenden att hantera`);
    // A decrease is not announced.
    expect(liveRegion(el).textContent).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('drops when the case officer closes a conversation through the same adapter', async () => {
    backend.setCurrentUser(MOCK_USER_IDS.officer);
    const adapter = mock.adapter();
    const before = storeCount(backend);
    const el = await fixture<NoticeBadge>(
      html`<notice-badge poll-interval="0" .adapter=${adapter}></notice-badge>`,
    );
    await settle(el);
    const conversation = await adapter.getConversation(conversationIn(backend, 'sent'), signal());
    await adapter.close(conversation.number, conversation.version, signal());
    await waitUntil(() => el.count === before - 1, 'count drops by one', { timeout: 4000 });
  });

  it('polling picks up a change made in the backend, and announces the increase politely', async () => {
    const before = storeCount(backend);
    const el = await fixture<NoticeBadge>(
      html`<notice-badge poll-interval="0.05" .adapter=${mock.adapter()}></notice-badge>`,
    );
    await settle(el);
    expect(liveRegion(el).textContent).to.equal('');
    officerAnswersInStore();
    expect(storeCount(backend)).to.equal(before + 1);
    await waitUntil(() => el.count === before + 1, 'count rises by one', { timeout: 4000 });
    await el.updateComplete;
    expect(liveRegion(el).getAttribute('role')).to.equal('status');
    expect(liveRegion(el).textContent).to.equal(
      `Nytt i Säkra meddelanden: ${before + 1} ärenden att hantera`,
    );
    await expect(el).to.be.accessible();
  });

  it('does not announce the first count', async () => {
    const el = await fixture<NoticeBadge>(
      html`<notice-badge poll-interval="0" .adapter=${mock.adapter()}></notice-badge>`,
    );
    await settle(el);
    expect(liveRegion(el).textContent).to.equal('');
  });

  it('clears an announcement after announcementDuration', async () => {
    const adapter = mock.adapter();
    const el = await fixture<NoticeBadge>(
      html`<notice-badge poll-interval="0" .announcementDuration=${50} .adapter=${adapter}></notice-badge>`,
    );
    await settle(el);
    officerAnswersInStore();
    await el.refresh();
    await el.updateComplete;
    expect(liveRegion(el).textContent).not.to.equal('');
    await waitUntil(() => liveRegion(el).textContent === '', 'announcement cleared', { timeout: 2000 });
  });

  it('announces nothing with announce="off", and decreases too with announce="change"', async () => {
    const adapter = mock.adapter();
    const before = storeCount(backend);
    const off = await fixture<NoticeBadge>(
      html`<notice-badge announce="off" poll-interval="0" .adapter=${adapter}></notice-badge>`,
    );
    const change = await fixture<NoticeBadge>(
      html`<notice-badge announce="change" poll-interval="0" .adapter=${adapter}></notice-badge>`,
    );
    await settle(off);
    await settle(change);
    await adapter.reply(
      conversationIn(backend, 'new'),
      { body: 'Tack.', files: [] },
      { signal: signal(), idempotencyKey: crypto.randomUUID() },
    );
    await waitUntil(() => off.count === before - 1 && change.count === before - 1, 'both updated', {
      timeout: 4000,
    });
    await off.updateComplete;
    await change.updateComplete;
    expect(liveRegion(off).textContent).to.equal('');
    expect(liveRegion(change).textContent).to.equal(`Säkra meddelanden: ${before - 1} ärenden att hantera`);
    officerAnswersInStore();
    await off.refresh();
    await off.updateComplete;
    expect(off.count).to.equal(before);
    expect(liveRegion(off).textContent).to.equal('');
  });

  it('pauses polling while the tab is hidden and refreshes at once when it shows again', async () => {
    // On the test clock: the badge's timers run only when the test moves time on.
    const clock = installClock();
    try {
      const counting = countingAdapter();
      const before = storeCount(backend);
      const el = await fixture<NoticeBadge>(
        html`<notice-badge poll-interval="0.03" .adapter=${counting.adapter}></notice-badge>`,
      );
      await until(() => el.status === 'ready' && counting.inFlight() === 0, 'the first count');
      setVisibility('hidden');
      const requests = counting.requests();
      officerAnswersInStore();
      // Ten poll intervals hidden: a badge that still polled would have asked again.
      await clock.advance(300);
      expect(counting.requests()).to.equal(requests);
      expect(el.count).to.equal(before);
      setVisibility('visible');
      await until(() => el.count === before + 1, 'refreshed on return');
      expect(counting.requests()).to.equal(requests + 1);
    } finally {
      clock.uninstall();
    }
  });

  it('makes no more requests after removal and lets go of the adapter', async () => {
    const clock = installClock();
    try {
      const counting = countingAdapter();
      const el = await fixture<NoticeBadge>(
        html`<notice-badge poll-interval="0.03" .adapter=${counting.adapter}></notice-badge>`,
      );
      await until(() => el.status === 'ready' && clock.pending === 1, 'the first count, the next poll due');
      await clock.advance(30);
      expect(counting.requests()).to.equal(2);
      await until(() => counting.inFlight() === 0 && clock.pending === 1, 'the poll, the next one due');
      expect(counting.hub.size).to.equal(1);
      el.remove();
      const requests = counting.requests();
      expect(counting.hub.size).to.equal(0);
      counting.hub.notify({ type: 'replied', number: '12345' });
      // Ten poll intervals after removal: a badge that still polled would have asked again.
      await clock.advance(300);
      expect(counting.requests()).to.equal(requests);
    } finally {
      clock.uninstall();
    }
  });

  it('aborts a request in flight on removal, and fetches again when put back', async () => {
    // Every count request hangs until the badge is removed: which request reaches the mock first
    // differs between engines (Gecko may drop an aborted request before its service worker sees it).
    backend.faults.add({ kind: 'hang', match: { path: '/notices/count' } });
    const counting = countingAdapter();
    // fixtureSync: awaiting a plain element's fixture waits for an animation frame, which a
    // background tab (test files run side by side) never gets.
    const wrapper = fixtureSync<HTMLDivElement>(
      html`<div><notice-badge poll-interval="0" .adapter=${counting.adapter}></notice-badge></div>`,
    );
    const el = wrapper.querySelector('notice-badge')!;
    await el.updateComplete;
    expect(el.status).to.equal('loading');
    el.remove();
    backend.faults.clear();
    wrapper.append(el);
    await settle(el);
    expect(counting.requests()).to.equal(2);
    expect(el.count).to.equal(storeCount(backend));
  });

  it('follows a change of its adapter property', async () => {
    const first = countingAdapter();
    const second = countingAdapter();
    const el = await fixture<NoticeBadge>(
      html`<notice-badge poll-interval="0" .adapter=${first.adapter}></notice-badge>`,
    );
    await settle(el);
    el.adapter = second.adapter;
    await el.updateComplete;
    expect(first.hub.size).to.equal(0);
    expect(second.hub.size).to.equal(1);
    await settle(el);
    expect(second.requests()).to.equal(1);
    second.hub.notify({ type: 'closed', number: '12345' });
    await waitUntil(() => second.requests() === 2, 'refreshes on the new adapter’s changes');
    // The same change reported by both hubs, the old one first: once the new one's has led to a
    // request and it is answered, anything the old one led to has been asked too.
    first.hub.notify({ type: 'closed', number: '12345' });
    second.hub.notify({ type: 'closed', number: '12345' });
    await waitUntil(() => second.requests() >= 3 && second.inFlight() === 0, 'refreshes once more');
    expect(first.requests()).to.equal(1);
    expect(second.requests(), 'only the new adapter’s change refreshes').to.equal(3);
  });
});
