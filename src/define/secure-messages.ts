import { SecureMessages } from '../elements/secure-messages/secure-messages.js';
import { defineElement } from './define.js';
// The feature's parts: loading this module registers everything <secure-messages> renders.
import './secure-compose.js';
import './secure-inbox.js';
import './secure-thread.js';

defineElement('secure-messages', SecureMessages);

declare global {
  interface HTMLElementTagNameMap {
    'secure-messages': SecureMessages;
  }
}

export { SecureMessages };
