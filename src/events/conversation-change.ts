import type { Status } from '../domain/status.js';
import { bubbling } from './init.js';

export interface ConversationChangeDetail {
  /** Meddelandenummer of the conversation. */
  number: string;
  /** What the user did. */
  change: 'claimed' | 'released' | 'taken-over' | 'closed' | 'replied';
  /** The conversation's status afterwards. */
  status: Status;
  /** Ansvarig afterwards (user id), or null. */
  assigneeId: string | null;
}

/** Fact: the user changed a conversation's assignment or status (or replied to it). */
export class SecureConversationChangeEvent extends CustomEvent<ConversationChangeDetail> {
  static readonly eventName = 'secure-conversation-change';
  constructor(detail: ConversationChangeDetail) {
    super(SecureConversationChangeEvent.eventName, { ...bubbling, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'secure-conversation-change': SecureConversationChangeEvent;
  }
}
