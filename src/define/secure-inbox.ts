import { SecureInbox } from '../elements/secure-inbox/secure-inbox.js';
import { defineElement } from './define.js';

defineElement('secure-inbox', SecureInbox);

declare global {
  interface HTMLElementTagNameMap {
    'secure-inbox': SecureInbox;
  }
}

export { SecureInbox };
