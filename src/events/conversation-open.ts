import { bubbling } from './init.js';

export interface ConversationOpenDetail {
  /** Meddelandenummer of the conversation to open. */
  number: string;
}

/** Intent: the user chose a conversation. Cancel it to open the conversation yourself. */
export class SecureConversationOpenEvent extends CustomEvent<ConversationOpenDetail> {
  static readonly eventName = 'secure-conversation-open';
  constructor(number: string) {
    super(SecureConversationOpenEvent.eventName, { ...bubbling, cancelable: true, detail: { number } });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'secure-conversation-open': SecureConversationOpenEvent;
  }
}
