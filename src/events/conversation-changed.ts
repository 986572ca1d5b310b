import type { Status } from '../domain/status.js';
import { bubbling } from './init.js';

export interface ConversationChangedDetail {
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
export class SecureConversationChangedEvent extends CustomEvent<ConversationChangedDetail> {
  static readonly eventName = 'secure-conversation-changed';
  constructor(detail: ConversationChangedDetail) {
    super(SecureConversationChangedEvent.eventName, { ...bubbling, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'secure-conversation-changed': SecureConversationChangedEvent;
  }
}
