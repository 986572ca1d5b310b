/**
 * The rules of the HTTP contract (api/openapi.yaml, "Rules a server must enforce") that the mock
 * backend enforces and the conformance kit (`conformance/`) checks, by id. The kit keeps the same
 * list; a test compares them.
 *
 * `unenforcedRules` (mock backend and mock server options) turns single rules off. It exists only
 * so that the conformance kit's own tests can show that the kit notices each broken rule; nothing
 * else may use it.
 */
export const CONTRACT_RULES = [
  'auth.session-required',
  'auth.cookie-attributes',
  'auth.background-no-extend',
  'csrf.origin',
  'csrf.token',
  'cors.allowlist',
  'authz.organisation-404',
  'authz.close-staff-only',
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
  'errors.problem-details',
  'cache.no-store',
  'schema.responses',
] as const;

export type ContractRule = (typeof CONTRACT_RULES)[number];

export function isContractRule(value: unknown): value is ContractRule {
  return (CONTRACT_RULES as readonly unknown[]).includes(value);
}

/** Which rules are enforced; everything is, unless a test turned one off. */
export class RuleSwitches {
  readonly #off: ReadonlySet<ContractRule>;
  constructor(unenforced: readonly ContractRule[] = []) {
    for (const rule of unenforced) {
      if (!isContractRule(rule)) throw new RangeError(`Unknown contract rule: ${String(rule)}`);
    }
    this.#off = new Set(unenforced);
  }
  enforced(rule: ContractRule): boolean {
    return !this.#off.has(rule);
  }
}
