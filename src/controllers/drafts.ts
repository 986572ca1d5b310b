/**
 * A draft being written. Drafts are kept in memory per adapter and user (session.ts), so that they
 * survive moving between views inside the feature (a new element on the same adapter finds the
 * draft again) and every failed send. Deliberately never written to localStorage, sessionStorage,
 * IndexedDB or cookies: a draft holds personal data, and it is gone when the page is.
 */

export interface MessageDraft {
  /** Ämne (new conversations only); '' until chosen. */
  subjectId: string;
  /** Recipient organisation's kundnummer (new conversations by KPA staff only); '' until chosen. */
  organisationCustomerNumber: string;
  /** The text exactly as typed. */
  body: string;
  /** Chosen attachments, in the order chosen. */
  files: File[];
  /**
   * The Idempotency-Key of this draft: made on the first send and reused for every retry, so the
   * server stores the message once. Dropped when the user edits the draft after a send that
   * certainly stored nothing.
   */
  idempotencyKey: string | undefined;
  /**
   * A send may have reached the server without the answer reaching us. Until a retry with the same
   * key tells what happened, the draft must not change (a changed draft under the same key would be
   * a different message).
   */
  outcomeUnknown: boolean;
}

/** The key of the draft of a new conversation. */
export const NEW_CONVERSATION_DRAFT = 'new';

/** The key of the reply draft of conversation `number`. */
export function replyDraftKey(number: string): string {
  return `reply:${number}`;
}

export function emptyDraft(): MessageDraft {
  return {
    subjectId: '',
    organisationCustomerNumber: '',
    body: '',
    files: [],
    idempotencyKey: undefined,
    outcomeUnknown: false,
  };
}

/** True when the draft holds something the user would lose: text or files. */
export function hasUnsentContent(draft: MessageDraft): boolean {
  return draft.body.trim() !== '' || draft.files.length > 0;
}
