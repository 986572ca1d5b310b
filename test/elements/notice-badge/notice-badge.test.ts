import { expect, fixture, fixtureSync, html, oneEvent, waitUntil } from '@open-wc/testing';
import { MOCK_USER_IDS } from '../../../mocks/index.js';
import '../../../src/define/notice-badge.js';
import '../../../src/define/secure-adapter-provider.js';
import type { SecureAdapterProvider } from '../../../src/elements/secure-adapter-provider/secure-adapter-provider.js';
import { NoticeBadge } from '../../../src/elements/notice-badge/notice-badge.js';
import { SecureAuthRequiredEvent } from '../../../src/events/events.js';
import { installClock, until } from '../../clock.js';
import { useMockBackend } from '../helpers.js';
import { accessibleText, visibleText } from './a11y-text.js';
import {
  countingAdapter,
  link,
  part,
  restoreVisibility,
  setVisibility,
  settle,
  storeCount,
} from './fixtures.js';

describe('<notice-badge>', () => {
  const mock = useMockBackend();
  const { backend } = mock;

  // The runner opens test files side by side; the one in the background tab is 'hidden', where the
  // badge rightly stops polling. Tests that need polling see a visible tab.
  beforeEach(() => setVisibility('visible'));
  afterEach(() => restoreVisibility());

  it('is registered under its tag', () => {
    expect(customElements.get('notice-badge')).to.equal(NoticeBadge);
  });

  const users = [
    { name: 'the employer', id: MOCK_USER_IDS.employer },
    { name: 'the case officer', id: MOCK_USER_IDS.officer },
  ];
  for (const user of users) {
    it(`shows the backend's count for ${user.name} as "Säkra meddelanden (n)"`, async () => {
      backend.setCurrentUser(user.id);
      const expected = storeCount(backend);
      expect(expected).to.be.greaterThan(1);
      const el = await fixture<NoticeBadge>(html`<notice-badge .adapter=${mock.adapter()}></notice-badge>`);
      await settle(el);
      expect(el.count).to.equal(expected);
      expect(visibleText(el)).to.equal(`Säkra meddelanden (${expected})`);
      expect(accessibleText(el)).to.equal(`Säkra meddelanden, ${expected} ärenden att hantera`);
      await expect(el).to.be.accessible();
    });
  }

  it('counts differently for the employer and the case officer', async () => {
    const employer = storeCount(backend);
    backend.setCurrentUser(MOCK_USER_IDS.officer);
    expect(storeCount(backend)).not.to.equal(employer);
  });

  it('shows only the number in the badge appearance, with the whole sentence for screen readers', async () => {
    const expected = storeCount(backend);
    const el = await fixture<NoticeBadge>(
      html`<notice-badge appearance="badge" .adapter=${mock.adapter()}></notice-badge>`,
    );
    await settle(el);
    expect(visibleText(el)).to.equal(String(expected));
    expect(part(el, 'count')!.textContent!.trim()).to.equal(String(expected));
    expect(accessibleText(el)).to.equal(`Säkra meddelanden, ${expected} ärenden att hantera`);
    await expect(el).to.be.accessible();
  });

  it('caps the pill at 99+ but keeps the exact count in the accessible text', async () => {
    backend.reset({ size: 600 });
    backend.setCurrentUser(MOCK_USER_IDS.officer);
    const expected = storeCount(backend);
    expect(expected).to.be.greaterThan(99);
    const el = await fixture<NoticeBadge>(
      html`<notice-badge appearance="badge" .adapter=${mock.adapter()}></notice-badge>`,
    );
    await settle(el);
    expect(visibleText(el)).to.equal('99+');
    expect(accessibleText(el)).to.equal(`Säkra meddelanden, ${expected} ärenden att hantera`);
  });

  it('is a link named with the number when href is set (text appearance)', async () => {
    const expected = storeCount(backend);
    const el = await fixture<NoticeBadge>(
      html`<notice-badge href="/sakra-meddelanden" .adapter=${mock.adapter()}></notice-badge>`,
    );
    await settle(el);
    const a = link(el)!;
    expect(a.getAttribute('href')).to.equal('/sakra-meddelanden');
    expect(accessibleText(a)).to.equal(`Säkra meddelanden, ${expected} ärenden att hantera`);
    expect(visibleText(a)).to.equal(`Säkra meddelanden (${expected})`);
    await expect(el).to.be.accessible();
  });

  it('is a link around the pill and a visible slotted label (badge appearance in a menu)', async () => {
    const expected = storeCount(backend);
    const el = await fixture<NoticeBadge>(
      html`<notice-badge appearance="badge" href="#sm" .adapter=${mock.adapter()}>Meddelanden</notice-badge>`,
    );
    await settle(el);
    const a = link(el)!;
    expect(visibleText(a)).to.equal(`Meddelanden ${expected}`);
    expect(accessibleText(a)).to.equal(`Meddelanden, ${expected} ärenden att hantera`);
    await expect(el).to.be.accessible();
  });

  it('has no link without href', async () => {
    const el = await fixture<NoticeBadge>(html`<notice-badge .adapter=${mock.adapter()}></notice-badge>`);
    await settle(el);
    expect(link(el)).to.equal(null);
  });

  describe('at zero', () => {
    beforeEach(() => backend.reset({ size: 0 }));

    it('shows "(0)" and "inga ärenden att hantera" by default', async () => {
      const el = await fixture<NoticeBadge>(
        html`<notice-badge href="/sm" .adapter=${mock.adapter()}></notice-badge>`,
      );
      await settle(el);
      expect(el.count).to.equal(0);
      expect(visibleText(el)).to.equal('Säkra meddelanden (0)');
      expect(accessibleText(link(el)!)).to.equal('Säkra meddelanden, inga ärenden att hantera');
      await expect(el).to.be.accessible();
    });

    it('shows a 0 pill in the badge appearance', async () => {
      const el = await fixture<NoticeBadge>(
        html`<notice-badge appearance="badge" .adapter=${mock.adapter()}></notice-badge>`,
      );
      await settle(el);
      expect(visibleText(el)).to.equal('0');
      await expect(el).to.be.accessible();
    });

    it('renders nothing with hide-zero', async () => {
      const el = await fixture<NoticeBadge>(
        html`<notice-badge hide-zero href="/sm" .adapter=${mock.adapter()}></notice-badge>`,
      );
      await settle(el);
      expect(link(el)).to.equal(null);
      expect(accessibleText(el)).to.equal('');
      expect(el.getBoundingClientRect().width).to.equal(0);
      await expect(el).to.be.accessible();
    });
  });

  it('shows the count with hide-zero when it is not zero', async () => {
    const el = await fixture<NoticeBadge>(
      html`<notice-badge hide-zero .adapter=${mock.adapter()}></notice-badge>`,
    );
    await settle(el);
    expect(visibleText(el)).to.equal(`Säkra meddelanden (${storeCount(backend)})`);
  });

  it('says "1 ärende att hantera" for one', async () => {
    backend.reset({ size: 0 });
    // A conversation started by KPA is "Nytt meddelande" for the employer.
    backend.setCurrentUser(MOCK_USER_IDS.officer);
    backend.store.createConversation(
      backend.currentUser(),
      { subjectId: 'ovrigt', body: 'Hej', organisationCustomerNumber: '0000', files: [] },
      'singular-test',
    );
    backend.setCurrentUser(MOCK_USER_IDS.employer);
    expect(storeCount(backend)).to.equal(1);
    const el = await fixture<NoticeBadge>(html`<notice-badge .adapter=${mock.adapter()}></notice-badge>`);
    await settle(el);
    expect(accessibleText(el)).to.equal('Säkra meddelanden, 1 ärende att hantera');
  });

  for (const appearance of ['text', 'badge'] as const) {
    it(`shows no number while loading, keeping its space (${appearance})`, async () => {
      backend.faults.add({ kind: 'hang', match: { path: '/notices/count' } });
      const el = await fixture<NoticeBadge>(
        html`<notice-badge appearance=${appearance} href="/sm" .adapter=${mock.adapter()}></notice-badge>`,
      );
      expect(el.status).to.equal('loading');
      expect(visibleText(el)).to.equal(appearance === 'text' ? 'Säkra meddelanden' : '');
      expect(accessibleText(link(el)!)).to.equal('Säkra meddelanden');
      const placeholder = part(el, 'count')!.getBoundingClientRect();
      expect(placeholder.width).to.be.greaterThan(0);
      if (appearance === 'badge') expect(placeholder.height).to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });
  }

  it('keeps the space of the number: the loaded badge is as wide as the placeholder', async () => {
    // Every count request hangs until the placeholder is measured: which request reaches the mock
    // first differs between engines (Gecko may drop an aborted request before its service worker sees it).
    backend.faults.add({ kind: 'hang', match: { path: '/notices/count' } });
    const el = await fixture<NoticeBadge>(
      html`<notice-badge appearance="badge" poll-interval="0" .adapter=${mock.adapter()}></notice-badge>`,
    );
    const before = el.getBoundingClientRect();
    backend.faults.clear();
    void el.refresh(); // aborts the hanging request; this one gets an answer
    await settle(el);
    const after = el.getBoundingClientRect();
    expect(after.height).to.equal(before.height);
    expect(after.width).to.equal(before.width);
  });

  it('shows no number after an error, without throwing, and recovers on the next poll', async () => {
    backend.faults.add({ kind: 'status', status: 500, match: { path: '/notices/count' }, times: 1 });
    const el = await fixture<NoticeBadge>(
      html`<notice-badge href="/sm" poll-interval="0" .adapter=${mock.adapter()}></notice-badge>`,
    );
    await settle(el, 'error');
    expect(el.count).to.equal(undefined);
    expect(accessibleText(link(el)!)).to.equal('Säkra meddelanden');
    await expect(el).to.be.accessible();
    el.pollInterval = 0.05; // the next poll succeeds
    await settle(el, 'ready');
    expect(el.count).to.equal(storeCount(backend));
    await expect(el).to.be.accessible();
  });

  it('on 401 fires secure-auth-required once and stops polling until the session resumes', async () => {
    backend.faults.add({ kind: 'status', status: 401, match: { path: '/notices/count' } });
    const counting = countingAdapter();
    let events = 0;
    const listener = () => events++;
    document.addEventListener(SecureAuthRequiredEvent.eventName, listener);
    // On the test clock: the badge's timers run only when the test moves time on.
    const clock = installClock();
    try {
      const el = await fixture<NoticeBadge>(
        html`<notice-badge poll-interval="0.03" .adapter=${counting.adapter}></notice-badge>`,
      );
      await until(() => events === 1 && counting.inFlight() === 0, 'the 401');
      const asked = counting.requests();
      // Ten poll intervals: a badge that still polled would have asked again.
      await clock.advance(300);
      expect(counting.requests()).to.equal(asked);
      expect(events).to.equal(1);
      expect(el.status).to.equal('error');
    } finally {
      clock.uninstall();
      document.removeEventListener(SecureAuthRequiredEvent.eventName, listener);
    }
    await expect(document.querySelector('notice-badge')).to.be.accessible();
  });

  it('fires secure-auth-required as a bubbling, composed event from the badge', async () => {
    backend.faults.add({ kind: 'status', status: 401, match: { path: '/notices/count' } });
    // fixtureSync: awaiting a plain element's fixture waits for an animation frame, which a
    // background tab (test files run side by side) never gets.
    const wrapper = fixtureSync<HTMLDivElement>(html`<div></div>`);
    const badge = document.createElement('notice-badge');
    badge.adapter = mock.adapter();
    const event = oneEvent(wrapper, SecureAuthRequiredEvent.eventName);
    wrapper.append(badge);
    const fired = await event;
    expect(fired).to.be.instanceOf(SecureAuthRequiredEvent);
    expect(fired.target).to.equal(badge);
    expect(fired.composed).to.equal(true);
  });

  it('uses the adapter from an enclosing <secure-adapter-provider>, and follows it when it changes', async () => {
    const first = countingAdapter();
    const second = countingAdapter();
    const provider = await fixture<SecureAdapterProvider>(html`
      <secure-adapter-provider .adapter=${first.adapter}>
        <notice-badge poll-interval="0"></notice-badge>
      </secure-adapter-provider>
    `);
    const el = provider.querySelector('notice-badge')!;
    await settle(el);
    expect(el.count).to.equal(storeCount(backend));
    expect(first.hub.size).to.equal(1);
    provider.adapter = second.adapter;
    await waitUntil(() => second.requests() === 1, 'asks the new adapter');
    await settle(el);
    expect(first.hub.size).to.equal(0);
    expect(second.hub.size).to.equal(1);
    await expect(provider).to.be.accessible();
  });

  it('prefers its own adapter property over the provided one', async () => {
    const provided = countingAdapter();
    const own = countingAdapter();
    const provider = await fixture<SecureAdapterProvider>(html`
      <secure-adapter-provider .adapter=${provided.adapter}>
        <notice-badge poll-interval="0" .adapter=${own.adapter}></notice-badge>
      </secure-adapter-provider>
    `);
    await settle(provider.querySelector('notice-badge')!);
    expect(own.requests()).to.equal(1);
    expect(provided.requests()).to.equal(0);
  });

  it('shows no number and asks nothing without an adapter', async () => {
    const el = await fixture<NoticeBadge>(html`<notice-badge href="/sm"></notice-badge>`);
    expect(el.status).to.equal('idle');
    expect(accessibleText(link(el)!)).to.equal('Säkra meddelanden');
    await expect(el).to.be.accessible();
  });
});
