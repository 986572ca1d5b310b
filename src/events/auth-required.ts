import { bubbling } from './init.js';

/**
 * Fact: the backend answered 401. The host should let the user sign in again; the element keeps
 * everything the user typed and retries when asked.
 */
export class SecureAuthRequiredEvent extends CustomEvent<Record<string, never>> {
  static readonly eventName = 'secure-auth-required';
  constructor() {
    super(SecureAuthRequiredEvent.eventName, { ...bubbling, detail: {} });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'secure-auth-required': SecureAuthRequiredEvent;
  }
}
