/**
 * The contract's rules by id, as api/openapi.yaml states them ("Rules a server must enforce").
 * The mock backend keeps the same ids (mocks/rules.ts); a test compares the lists.
 */
export const RULES = [
  { id: 'auth.session-required', summary: 'without a session, 401' },
  { id: 'auth.cookie-attributes', summary: 'session cookies are Secure, HttpOnly, SameSite' },
  { id: 'auth.background-no-extend', summary: 'X-Background-Request: 1 does not extend an idle session' },
  { id: 'csrf.origin', summary: 'a write from a foreign Origin or Sec-Fetch-Site: cross-site is 403' },
  { id: 'csrf.token', summary: 'a write without the CSRF token (and no allowed Origin) is 403' },
  {
    id: 'csrf.host-not-trusted',
    summary: 'no trust from Host: a foreign Host and Origin cannot write; a foreign Host is 421 (or 400)',
  },
  {
    id: 'cors.allowlist',
    summary:
      'CORS only for allowlisted origins, with credentials, the request headers and the exposed headers',
  },
  {
    id: 'authz.organisation-404',
    summary: "another organisation's conversation is 404 everywhere (read, reply, assignment, close, files)",
  },
  {
    id: 'authz.department-scope',
    summary:
      "KPA staff who do not see all departments get 404 for another department's conversation and never find it",
  },
  { id: 'authz.close-staff-only', summary: 'only KPA staff close (403)' },
  {
    id: 'assignment.per-side',
    summary: "each side assigns its own people and sees only its own side's assignee and assignment history",
  },
  {
    id: 'queue.department-only',
    summary: "KPA staff's search with departmentOnly and no subjectId finds only their department's Ämnen",
  },
  {
    id: 'queue.waiting-since',
    summary:
      "waitingSince is the employer's first message since KPA last wrote while waiting for KPA, else null",
  },
  {
    id: 'queue.notices',
    summary: "KPA staff's notice count counts what waits for KPA under their department's Ämnen",
  },
  {
    id: 'authz.create-own-organisation',
    summary: "an employer naming another organisation's customer number is 422 with that error",
  },
  {
    id: 'attachments.belong-to-conversation',
    summary: 'an attachment id only works under its own conversation',
  },
  {
    id: 'attachments.unguessable-ids',
    summary: 'attachment ids are random UUIDs v4 (122 bits), not counters',
  },
  {
    id: 'idempotency.replay',
    summary: 'same key, same content: the stored result again, nothing stored (create and reply)',
  },
  { id: 'idempotency.other-content-422', summary: 'same key, other content: 422 with errors.idempotencyKey' },
  { id: 'idempotency.file-bytes', summary: 'files of a retry are compared by their bytes' },
  { id: 'idempotency.per-user', summary: 'keys are scoped per user' },
  {
    id: 'concurrency.strong-etag',
    summary: 'every answer with a conversation has a strong ETag of its version',
  },
  { id: 'concurrency.if-match-star-412', summary: 'If-Match: * is 412' },
  { id: 'concurrency.if-match-weak-412', summary: 'a weak If-Match is 412' },
  { id: 'concurrency.if-match-required-428', summary: 'a missing If-Match is 428' },
  { id: 'concurrency.stale-412', summary: 'a stale If-Match is 412 with the assignee and version' },
  { id: 'content.search-json-only', summary: 'search accepts only application/json (415)' },
  { id: 'content.type-from-bytes', summary: "a file's type comes from its bytes (HTML as .pdf is 415)" },
  { id: 'content.too-large-413', summary: 'a file above maxBytes is 413 with maxBytes' },
  {
    id: 'content.upload-encoding',
    summary: 'file parts with their own Content-Type (as the REST adapter sends) are accepted',
  },
  { id: 'download.disposition', summary: "Content-Disposition: attachment; filename*=UTF-8''…" },
  { id: 'download.nosniff', summary: 'X-Content-Type-Options: nosniff' },
  { id: 'download.csp-sandbox', summary: 'Content-Security-Policy: sandbox' },
  { id: 'download.no-store', summary: 'downloads are Cache-Control: no-store' },
  {
    id: 'events.changes',
    summary: 'a stream starts with the notice count and tells of each change (number, version) and new count',
  },
  { id: 'events.organisation-scope', summary: "a stream never tells of another organisation's conversation" },
  { id: 'events.no-personal-data', summary: 'events carry numbers, versions and counts only' },
  { id: 'events.resume', summary: 'every event has an id; Last-Event-ID resumes without a missed change' },
  { id: 'events.heartbeat', summary: 'retry: at the start, a comment at least every 30 s' },
  { id: 'events.background', summary: 'an open stream does not extend an idle session' },
  { id: 'events.session-end', summary: 'the stream ends with its session; without a session, 401' },
  { id: 'errors.problem-details', summary: 'every 4xx is application/problem+json (RFC 9457)' },
  { id: 'cache.no-store', summary: 'every response is Cache-Control: no-store' },
  { id: 'schema.responses', summary: 'every response matches the OpenAPI schemas' },
];
