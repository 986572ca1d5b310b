import { SecureAdapterProvider } from '../elements/secure-adapter-provider/secure-adapter-provider.js';
import { defineElement } from './define.js';

defineElement('secure-adapter-provider', SecureAdapterProvider);

declare global {
  interface HTMLElementTagNameMap {
    'secure-adapter-provider': SecureAdapterProvider;
  }
}

export { SecureAdapterProvider };
