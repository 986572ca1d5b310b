import { consume } from '@lit/context';
import { updateWhenLocaleChanges } from '@lit/localize';
import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { SecureMessagesAdapter } from '../../adapter/adapter.js';
import { adapterContext } from '../../adapter/context.js';

/**
 * What every Säkra meddelanden element shares: the adapter (as a property, or from the nearest
 * `<secure-adapter-provider>`), re-rendering when the locale changes, and firing events.
 */
export class SecureElement extends LitElement {
  /**
   * The backend adapter. When unset, the element uses the one provided by an enclosing
   * `<secure-adapter-provider>`.
   */
  @property({ attribute: false })
  adapter: SecureMessagesAdapter | undefined = undefined;

  /** The adapter provided through `@lit/context`, if any. */
  @consume({ context: adapterContext, subscribe: true })
  @state()
  protected providedAdapter: SecureMessagesAdapter | undefined = undefined;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  /** The adapter in use: the property wins over the provided one (for the element's controllers). */
  protected get effectiveAdapter(): SecureMessagesAdapter | undefined {
    return this.adapter ?? this.providedAdapter;
  }

  /** Dispatches an event from this element; returns false when a listener cancelled it. */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }
}
