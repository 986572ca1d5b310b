import type { Conversation } from '../domain/types.js';

/** At most this many names are kept; the oldest go first. */
const REMEMBERED_NAMES_MAX = 1000;

/**
 * The attachment names of the conversations the REST adapter has read, kept in memory only, so a
 * download whose answer names no file is still saved under its name.
 */
export class AttachmentNames {
  readonly #names = new Map<string, string>();

  remember(conversation: Conversation): void {
    for (const message of conversation.messages) {
      for (const attachment of message.attachments ?? []) {
        const key = `${conversation.number}/${attachment.id}`;
        this.#names.delete(key);
        this.#names.set(key, attachment.name);
      }
    }
    while (this.#names.size > REMEMBERED_NAMES_MAX) {
      const oldest = this.#names.keys().next().value;
      if (oldest === undefined) break;
      this.#names.delete(oldest);
    }
  }

  get(number: string, attachmentId: string): string | undefined {
    return this.#names.get(`${number}/${attachmentId}`);
  }

  clear(): void {
    this.#names.clear();
  }
}
