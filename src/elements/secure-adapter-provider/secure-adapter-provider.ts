import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { SecureMessagesAdapter } from '../../adapter/adapter.js';
import { adapterContext } from '../../adapter/context.js';

/**
 * Provides an adapter to every Säkra meddelanden element inside it, so that the host sets it once:
 *
 * ```html
 * <secure-adapter-provider>
 *   <notice-badge></notice-badge>
 *   <secure-inbox></secure-inbox>
 * </secure-adapter-provider>
 * <script type="module">
 *   document.querySelector('secure-adapter-provider').adapter =
 *     createRestAdapter({ baseUrl: '/api/secure-messages/v1' });
 * </script>
 * ```
 *
 * It renders nothing of its own (`display: contents`), so it never changes the page's layout or
 * its accessibility tree. Elements given an `adapter` property directly use that one instead.
 *
 * @tagname secure-adapter-provider
 * @summary Provides the backend adapter to the elements inside it.
 * @slot - The elements that use the adapter.
 */
export class SecureAdapterProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /**
   * The adapter given to descendants (through `@lit/context`). Changing it updates every consumer
   * that subscribed.
   */
  @property({ attribute: false })
  adapter: SecureMessagesAdapter | undefined = undefined;

  readonly #provider = new ContextProvider(this, { context: adapterContext });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter')) this.#provider.setValue(this.adapter);
  }

  protected override render(): unknown {
    return html`<slot></slot>`;
  }
}
