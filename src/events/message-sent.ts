import { bubbling } from './init.js';

export interface MessageSentDetail {
  /** Meddelandenummer of the conversation the message went to (new or existing). */
  number: string;
  /** True for a reply in an existing conversation, false for a new conversation. */
  reply: boolean;
}

/** Fact: a message was stored by the server (exactly once, however often it was retried). */
export class SecureMessageSentEvent extends CustomEvent<MessageSentDetail> {
  static readonly eventName = 'secure-message-sent';
  constructor(detail: MessageSentDetail) {
    super(SecureMessageSentEvent.eventName, { ...bubbling, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'secure-message-sent': SecureMessageSentEvent;
  }
}
