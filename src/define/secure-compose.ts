import { SecureCompose } from '../elements/secure-compose/secure-compose.js';
import { defineElement } from './define.js';

defineElement('secure-compose', SecureCompose);

declare global {
  interface HTMLElementTagNameMap {
    'secure-compose': SecureCompose;
  }
}

export { SecureCompose };
