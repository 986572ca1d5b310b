import { bubbling } from './init.js';

/** Intent: the user chose Nytt meddelande. Cancel it to show your own compose view. */
export class SecureComposeOpenEvent extends CustomEvent<Record<string, never>> {
  static readonly eventName = 'secure-compose-open';
  constructor() {
    super(SecureComposeOpenEvent.eventName, { ...bubbling, cancelable: true, detail: {} });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'secure-compose-open': SecureComposeOpenEvent;
  }
}
