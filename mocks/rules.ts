/**
 * The rules of the HTTP contract (api/openapi.yaml, "Rules a server must enforce") that the mock
 * backend enforces and the conformance kit (`conformance/`) checks, by id. The kit keeps the same
 * list; a test compares them.
 *
 * `unenforcedRules` (mock backend and mock server options) turns single rules off, or single
 * clauses of a rule (`rule:clause`, the list below). It exists only so that the conformance kit's
 * own tests can show that the kit notices each broken rule and clause; nothing else may use it.
 */
export const CONTRACT_RULES = [
  'auth.session-required',
  'auth.cookie-attributes',
  'auth.background-no-extend',
  'csrf.origin',
  'csrf.token',
  'csrf.host-not-trusted',
  'cors.allowlist',
  'authz.organisation-404',
  'authz.department-scope',
  'authz.close-staff-only',
  'assignment.per-side',
  'queue.department-only',
  'queue.waiting-since',
  'queue.notices',
  'authz.create-own-organisation',
  'attachments.belong-to-conversation',
  'attachments.unguessable-ids',
  'idempotency.replay',
  'idempotency.other-content-422',
  'idempotency.file-bytes',
  'idempotency.per-user',
  'concurrency.strong-etag',
  'concurrency.if-match-star-412',
  'concurrency.if-match-weak-412',
  'concurrency.if-match-required-428',
  'concurrency.stale-412',
  'content.search-json-only',
  'content.type-from-bytes',
  'content.too-large-413',
  'content.upload-encoding',
  'download.disposition',
  'download.nosniff',
  'download.csp-sandbox',
  'download.no-store',
  'events.changes',
  'events.organisation-scope',
  'events.no-personal-data',
  'events.resume',
  'events.heartbeat',
  'events.background',
  'events.session-end',
  'errors.problem-details',
  'cache.no-store',
  'schema.responses',
] as const;

export type ContractRule = (typeof CONTRACT_RULES)[number];

/** Clauses of a rule that a test can switch off alone; switching off a rule switches off its clauses. */
export const RULE_CLAUSES = [
  'csrf.host-not-trusted:host', // requests naming another Host are answered (Origin still compared)
  'cors.allowlist:expose', // no Access-Control-Expose-Headers
  'authz.organisation-404:release', // another organisation's release is not 404
  'authz.organisation-404:take-over',
  'authz.organisation-404:close',
  'authz.create-own-organisation:errors', // the 422 names no field
  'attachments.unguessable-ids:bits', // random ids of 56 bits, not a UUID v4's 122
  'idempotency.replay:reply', // a replayed reply is stored again
  'idempotency.other-content-422:errors', // the 422 names no field
  'concurrency.strong-etag:writes', // no ETag on the answers of writes
  'concurrency.stale-412:assignee', // the 412 leaves out who holds the conversation
  'concurrency.stale-412:version', // the 412 leaves out the current version
  'content.too-large-413:max-bytes', // the 413 leaves out maxBytes
] as const satisfies readonly `${ContractRule}:${string}`[];

/** What a test can switch off: a whole rule or one clause of it. */
export type RuleSwitch = ContractRule | (typeof RULE_CLAUSES)[number];

export function isRuleSwitch(value: unknown): value is RuleSwitch {
  return (
    (CONTRACT_RULES as readonly unknown[]).includes(value) ||
    (RULE_CLAUSES as readonly unknown[]).includes(value)
  );
}

/** Which rules and clauses are enforced; everything is, unless a test switched it off. */
export class RuleSwitches {
  readonly #off: ReadonlySet<string>;
  constructor(unenforced: readonly RuleSwitch[] = []) {
    for (const id of unenforced) {
      if (!isRuleSwitch(id)) throw new RangeError(`Unknown contract rule or clause: ${String(id)}`);
    }
    this.#off = new Set(unenforced);
  }
  /** A clause is enforced unless it or its rule is switched off. */
  enforced(id: RuleSwitch): boolean {
    return !this.#off.has(id) && !this.#off.has(id.split(':')[0]!);
  }
}
