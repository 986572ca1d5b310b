import { SecureThread } from '../elements/secure-thread/secure-thread.js';
import { defineElement } from './define.js';

defineElement('secure-thread', SecureThread);

declare global {
  interface HTMLElementTagNameMap {
    'secure-thread': SecureThread;
  }
}

export { SecureThread };
