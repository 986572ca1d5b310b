// The size floor of `<notice-badge>`: the least an element can load to be a badge of this library.
// It uses the same Lit packages, in the same style, as the badge (LitElement with decorators, the
// adapter from `@lit/context`, texts through `@lit/localize`), and nothing else. Measured by
// scripts/sizes.mjs; bundled, never shipped.
import { consume, createContext } from '@lit/context';
import { msg, str, updateWhenLocaleChanges } from '@lit/localize';
import { html, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';

export const context = createContext<unknown>('floor');

export class FloorBadge extends LitElement {
  @property({ attribute: false }) adapter: unknown;
  @consume({ context, subscribe: true }) @state() provided: unknown;
  @state() count = 0;

  constructor() {
    super();
    updateWhenLocaleChanges(this);
  }

  override render() {
    return html`${msg(str`${this.count} nya`)}`;
  }
}
customElements.define('floor-badge', FloorBadge);
