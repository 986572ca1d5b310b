/**
 * `<notice-badge>` alone, as another KPA site would load it: only its define module, and a
 * hand-written adapter with just the two methods it needs. No REST adapter, no mock backend.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/define/notice-badge.js';
import type { NoticeBadge } from '../../../src/define/notice-badge.js';
import type { ChangeListener, SecureMessagesAdapter } from '../../../src/adapter/adapter.js';

function minimalAdapter(initial: number) {
  let count = initial;
  const listeners = new Set<ChangeListener>();
  const stub = {
    calls: 0,
    getNoticeCount: (signal: AbortSignal): Promise<number> => {
      stub.calls++;
      return signal.aborted ? Promise.reject(signal.reason) : Promise.resolve(count);
    },
    subscribe: (listener: ChangeListener): (() => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Another element on the page changed a conversation. */
    set(value: number): void {
      count = value;
      for (const listener of listeners) listener({ type: 'replied', number: '10001' });
    },
    get listeners(): number {
      return listeners.size;
    },
  };
  return stub;
}

/** The module URLs this test page has loaded. */
function loadedModules(): string[] {
  return performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
}

describe('<notice-badge> from its own define module', () => {
  it('works with a plain object adapter', async () => {
    const stub = minimalAdapter(28);
    const el = await fixture<NoticeBadge>(
      html`<notice-badge
        href="/sakra-meddelanden"
        poll-interval="0"
        .adapter=${stub as unknown as SecureMessagesAdapter}
      ></notice-badge>`,
    );
    await waitUntil(() => el.count === 28, 'count loaded');
    await el.updateComplete;
    const a = el.shadowRoot!.querySelector('a')!;
    expect(a.textContent!.replace(/\s+/g, ' ')).to.contain('(28)');
    expect(a.textContent).to.contain('28 ärenden att hantera');
    stub.set(27);
    await waitUntil(() => el.count === 27, 'refreshed on the change notification');
    expect(stub.calls).to.equal(2);
    el.remove();
    expect(stub.listeners).to.equal(0);
    expect(el.isConnected).to.equal(false);
  });

  it('is accessible with the plain adapter', async () => {
    const stub = minimalAdapter(3);
    const el = await fixture<NoticeBadge>(
      html`<notice-badge
        appearance="badge"
        .adapter=${stub as unknown as SecureMessagesAdapter}
      ></notice-badge>`,
    );
    await waitUntil(() => el.count === 3, 'count loaded');
    await expect(el).to.be.accessible();
  });

  it('loads neither the REST adapter, nor validators, nor index barrels', () => {
    const modules = loadedModules().filter((p) => p.includes('/src/'));
    expect(modules.some((p) => p.endsWith('/src/define/notice-badge.ts'))).to.equal(true);
    const unwanted = modules.filter((p) =>
      /\/(rest-adapter|http|validators|personnummer|filters|index)\.ts$/.test(p),
    );
    expect(unwanted).to.deep.equal([]);
  });
});
