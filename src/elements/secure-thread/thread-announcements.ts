import type { ThreadAction } from '../../controllers/thread-controller.js';
import { sameUserId } from '../../domain/permissions.js';
import { readerStatus } from '../../domain/status.js';
import type { Conversation, User } from '../../domain/types.js';
import { personName, texts } from './thread-texts.js';
import { statusText } from '../shared/texts.js';

/** What the polite live region says after the user's own claim, release, take-over or close. */
export function successText(action: ThreadAction): string {
  switch (action) {
    case 'claim':
      return texts.claimed();
    case 'release':
      return texts.released();
    case 'take-over':
      return texts.tookOver();
    case 'close':
      return texts.closed();
  }
}

/**
 * What someone else changed while the conversation was open, in one sentence or a few: new
 * messages (not the user's own), another assignee, another status. '' when nothing worth saying.
 */
export function remoteChangeText(previous: Conversation, next: Conversation, me: User | undefined): string {
  const known = new Set(previous.messages.map((m) => m.id));
  const fresh = next.messages.filter((m) => !known.has(m.id) && !(me && sameUserId(m.author.id, me.id)));
  const parts: string[] = [];
  if (fresh.length > 0) parts.push(texts.remoteMessages(fresh.length));
  if ((previous.assignee?.id ?? null) !== (next.assignee?.id ?? null)) {
    parts.push(next.assignee ? texts.remoteAssignee(personName(next.assignee)) : texts.remoteNoAssignee());
  }
  // A change the reader tells apart: KPA staff read Skickat and Besvarat alike, as waiting for KPA.
  const side = me?.side ?? 'employer';
  const status = readerStatus(next.status, side);
  if (readerStatus(previous.status, side) !== status) parts.push(texts.remoteStatus(statusText(status)));
  return parts.join(' ');
}
