/**
 * The five statuses of a conversation, as the employer sees them (the manual's terms).
 * Wire values are stable English codes; labels are the manual's Swedish words, localised.
 */
export const STATUSES = ['new', 'sent', 'answered', 'reply-received', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * The statuses that need the employer's attention and are counted in the notice badge
 * (the manual's "Notiser"): a new message from KPA, or KPA's answer.
 */
export const ATTENTION_STATUSES = ['new', 'reply-received'] as const satisfies readonly Status[];

/** The mirror image for KPA staff: the employer wrote or answered, and KPA is to act. */
export const STAFF_ATTENTION_STATUSES = ['sent', 'answered'] as const satisfies readonly Status[];

/** The manual's recommendation: every status but Avslutad. */
export const DEFAULT_STATUSES: readonly Status[] = STATUSES.filter((s) => s !== 'closed');

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

/**
 * True when a conversation in this status counts as a notice ("Aktuella ärenden") for a user of
 * the given side. Reading a conversation never changes this; answering or closing it does.
 */
export function needsAttention(status: Status, side: 'employer' | 'kpa' = 'employer'): boolean {
  const statuses: readonly Status[] = side === 'employer' ? ATTENTION_STATUSES : STAFF_ATTENTION_STATUSES;
  return statuses.includes(status);
}
