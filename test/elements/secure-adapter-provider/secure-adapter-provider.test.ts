import { ContextConsumer } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { SecureMessagesAdapter } from '../../../src/adapter/adapter.js';
import { adapterContext } from '../../../src/adapter/context.js';
import { createRestAdapter } from '../../../src/adapter/rest-adapter.js';
import '../../../src/define/secure-adapter-provider.js';
import { SecureAdapterProvider } from '../../../src/elements/secure-adapter-provider/secure-adapter-provider.js';

/** A descendant that reads the adapter the way the library's elements do. */
class AdapterConsumerProbe extends LitElement {
  readonly consumer = new ContextConsumer(this, { context: adapterContext, subscribe: true });
  received: (SecureMessagesAdapter | undefined)[] = [];

  override updated(): void {
    this.received.push(this.consumer.value);
  }

  override render(): unknown {
    return html`probe`;
  }
}
customElements.define('adapter-consumer-probe', AdapterConsumerProbe);

/** A consumer inside another element's shadow root. */
class ShadowWrapperProbe extends LitElement {
  override render(): unknown {
    return html`<adapter-consumer-probe></adapter-consumer-probe>`;
  }
}
customElements.define('shadow-wrapper-probe', ShadowWrapperProbe);

const first = createRestAdapter({ baseUrl: '/first' });
const second = createRestAdapter({ baseUrl: '/second' });

/** A provider of `first` with a consumer as its child. */
async function providedProbe(): Promise<{ provider: SecureAdapterProvider; probe: AdapterConsumerProbe }> {
  const provider = await fixture<SecureAdapterProvider>(html`
    <secure-adapter-provider .adapter=${first}
      ><adapter-consumer-probe></adapter-consumer-probe
    ></secure-adapter-provider>
  `);
  return { provider, probe: provider.querySelector('adapter-consumer-probe') as AdapterConsumerProbe };
}

describe('<secure-adapter-provider>', () => {
  it('is registered under its tag', () => {
    expect(customElements.get('secure-adapter-provider')).to.equal(SecureAdapterProvider);
    expect(document.createElement('secure-adapter-provider')).to.be.instanceOf(SecureAdapterProvider);
  });

  it('gives its adapter to a descendant', async () => {
    const { probe } = await providedProbe();
    expect(probe.consumer.value).to.equal(first);
  });

  it('reaches consumers inside shadow roots', async () => {
    const provider = await fixture<SecureAdapterProvider>(html`
      <secure-adapter-provider .adapter=${first}
        ><div><shadow-wrapper-probe></shadow-wrapper-probe></div
      ></secure-adapter-provider>
    `);
    const wrapper = provider.querySelector('shadow-wrapper-probe') as ShadowWrapperProbe;
    await wrapper.updateComplete;
    const probe = wrapper.shadowRoot?.querySelector('adapter-consumer-probe') as AdapterConsumerProbe;
    expect(probe.consumer.value).to.equal(first);
  });

  it('updates subscribed consumers when the adapter changes', async () => {
    const { provider, probe } = await providedProbe();
    provider.adapter = second;
    await provider.updateComplete;
    await probe.updateComplete;
    expect(probe.consumer.value).to.equal(second);
    expect(probe.received[probe.received.length - 1]).to.equal(second);
    provider.adapter = undefined;
    await provider.updateComplete;
    expect(probe.consumer.value).to.equal(undefined);
  });

  it('serves a consumer added later', async () => {
    const provider = await fixture<SecureAdapterProvider>(
      html`<secure-adapter-provider .adapter=${second}></secure-adapter-provider>`,
    );
    const probe = document.createElement('adapter-consumer-probe') as AdapterConsumerProbe;
    provider.append(probe);
    await probe.updateComplete;
    expect(probe.consumer.value).to.equal(second);
  });

  it('a consumer outside any provider gets nothing', async () => {
    const probe = await fixture<AdapterConsumerProbe>(
      html`<adapter-consumer-probe></adapter-consumer-probe>`,
    );
    expect(probe.consumer.value).to.equal(undefined);
  });

  it('renders only a slot and takes no layout box (display: contents)', async () => {
    const provider = await fixture<SecureAdapterProvider>(
      html`<secure-adapter-provider><p>Innehåll</p></secure-adapter-provider>`,
    );
    expect(getComputedStyle(provider).display).to.equal('contents');
    const slot = provider.shadowRoot?.querySelector('slot');
    expect(slot).to.be.instanceOf(HTMLSlotElement);
    expect(slot?.assignedElements().map((e) => e.textContent)).to.deep.equal(['Innehåll']);
  });

  it('has no adapter until one is set, and no attribute for it', async () => {
    const provider = await fixture<SecureAdapterProvider>(
      html`<secure-adapter-provider adapter="x"></secure-adapter-provider>`,
    );
    expect(provider.adapter).to.equal(undefined);
  });

  it('is accessible', async () => {
    const provider = await fixture<SecureAdapterProvider>(html`
      <secure-adapter-provider .adapter=${first}
        ><button type="button">Nytt meddelande</button></secure-adapter-provider
      >
    `);
    await expect(provider).to.be.accessible();
  });
});
