/**
 * The conformance kit: black-box HTTP scenarios, one per rule of api/openapi.yaml ("Rules a
 * server must enforce"), played against a running server with the credentials of four parties.
 * Every response is also validated against the OpenAPI schemas. Every conversation it creates
 * starts with TEST_MARKER; it closes and claims only conversations it created, and takes over none.
 */
import { ResponseValidator } from './openapi.mjs';
import { RULES } from './rules.mjs';

export const TEST_MARKER = '[KONFORMANSTEST]';
export const FOREIGN_ORIGIN = 'https://conformance-kit.invalid';
export const PARTIES = /** @type {const} */ (['employer', 'colleague', 'otherOrganisation', 'officer']);

/**
 * @typedef {{ cookie: string, csrfToken?: string }} Credentials
 * @typedef {{ id: string, ok: boolean | null, evidence?: string }} RuleResult
 * @typedef {{
 *   baseUrl: string,
 *   parties: Record<typeof PARTIES[number], Credentials>,
 *   csrfHeader?: string,
 *   allowedOrigin?: string,
 *   idleTimeoutSeconds?: number,
 *   log?: (line: string) => void,
 * }} KitOptions
 */

class Failure extends Error {}

/** @param {boolean} condition @param {string} evidence */
function must(condition, evidence) {
  if (!condition) throw new Failure(evidence);
}

/** A PDF of `size` bytes whose content differs by `variant`. */
function pdfBytes(size = 256, variant = 'a') {
  const bytes = new Uint8Array(size).fill(0x20);
  bytes.set(new TextEncoder().encode(`%PDF-1.7\n% ${variant}\n`).slice(0, size));
  return bytes;
}

/** @param {KitOptions} options @returns {Promise<RuleResult[]>} */
export async function runConformance(options) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const csrfHeader = options.csrfHeader ?? 'X-CSRF-Token';
  const validator = new ResponseValidator();
  /** @type {{ method: string, path: string, status: number, headers: Headers, contentType: string, body: unknown, download: boolean }[]} */
  const seen = [];
  const log = options.log ?? (() => {});

  /**
   * @param {typeof PARTIES[number] | null} party
   * @param {string} method
   * @param {string} path
   * @param {{ json?: unknown, raw?: { type: string, body: string }, form?: FormData, headers?: Record<string, string>, csrf?: boolean, download?: boolean }} [init]
   */
  async function call(party, method, path, init = {}) {
    /** @type {Record<string, string>} */
    const headers = { Accept: 'application/json, application/problem+json', ...init.headers };
    const credentials = party ? options.parties[party] : null;
    if (credentials) {
      headers.Cookie = credentials.cookie;
      if (method !== 'GET' && init.csrf !== false && credentials.csrfToken)
        headers[csrfHeader] = credentials.csrfToken;
    }
    /** @type {BodyInit | undefined} */
    let body;
    if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.raw) {
      headers['Content-Type'] = init.raw.type;
      body = init.raw.body;
    } else if (init.form) body = init.form;
    const response = await fetch(`${base}${path}`, { method, headers, body, redirect: 'manual' });
    const contentType = response.headers.get('Content-Type') ?? '';
    const buffer = new Uint8Array(await response.arrayBuffer());
    let parsed;
    if (/json/.test(contentType)) {
      try {
        parsed = JSON.parse(new TextDecoder().decode(buffer));
      } catch {
        parsed = undefined;
      }
    }
    const entry = {
      method,
      path,
      status: response.status,
      headers: response.headers,
      contentType,
      body: parsed,
      bytes: buffer,
      download: Boolean(init.download),
    };
    if (method !== 'OPTIONS') seen.push(entry);
    return entry;
  }

  const files = (/** @type {Uint8Array} */ bytes, name = 'intyg.pdf', type = 'application/octet-stream') => {
    const form = new FormData();
    form.append('files', new Blob([bytes], { type }), name);
    return form;
  };
  /** @param {Record<string, string>} fields @param {FormData} [form] */
  const withFields = (fields, form = new FormData()) => {
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    return form;
  };

  // ---- Set-up: who the parties are, and two conversations of the employer's, with files.
  const me = {};
  for (const party of PARTIES) {
    const r = await call(party, 'GET', '/me');
    if (r.status !== 200) throw new Error(`GET /me as ${party} answered ${r.status}; check its credentials`);
    me[party] = r.body;
  }
  const home = me.employer.organisation?.customerNumber;
  if (
    me.employer.side !== 'employer' ||
    me.colleague.side !== 'employer' ||
    me.colleague.organisation?.customerNumber !== home
  )
    throw new Error('the employer and the colleague must be employer users of one organisation');
  if (me.otherOrganisation.side !== 'employer' || me.otherOrganisation.organisation?.customerNumber === home)
    throw new Error('the other-organisation party must be an employer user of another organisation');
  if (me.officer.side !== 'kpa') throw new Error('the officer party must be a KPA user');
  const config = (await call('employer', 'GET', '/config')).body;
  const subjects = (await call('employer', 'GET', '/subjects')).body;
  const subjectId = subjects[0].id;
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const marked = (/** @type {string} */ text) => `${TEST_MARKER} ${text} (${run})`;
  const fileName = 'Lönebesked år 2026.pdf';

  const create = async (
    /** @type {string} */ key,
    body = marked('Konversation A'),
    bytes = pdfBytes(256, 'a'),
    party = 'employer',
  ) =>
    call(party, 'POST', '/conversations', {
      headers: { 'Idempotency-Key': key },
      form: withFields({ subjectId, body }, files(bytes, fileName)),
    });
  const keyA = `kit-${run}-a`;
  const a = await create(keyA);
  if (a.status !== 201) throw new Error(`creating a conversation answered ${a.status}; cannot go on`);
  const b = await create(`kit-${run}-b`, marked('Konversation B'));
  if (b.status !== 201) throw new Error(`creating a conversation answered ${b.status}; cannot go on`);
  const A = a.body;
  const B = b.body;
  const attachmentA = A.messages[0].attachments[0];
  const attachmentB = B.messages[0].attachments[0];
  const messageCount = async (/** @type {string} */ number) =>
    (await call('employer', 'GET', `/conversations/${number}`)).body.messages.length;
  const current = async (/** @type {string} */ number) =>
    (await call('employer', 'GET', `/conversations/${number}`)).body;
  const reply = (/** @type {string} */ number, init = {}) =>
    call('employer', 'POST', `/conversations/${number}/messages`, {
      ...init,
      headers: { 'Idempotency-Key': `kit-${run}-${Math.random().toString(36).slice(2)}`, ...init.headers },
      form: init.form ?? withFields({ body: marked('Svar') }),
    });
  const show = (/** @type {{ status: number }} */ r) => String(r.status);
  /** A claim that must be refused; when a server accepts it anyway, the claim is released again. */
  const claimProbe = async (/** @type {Record<string, string>} */ headers) => {
    const r = await call('employer', 'POST', `/conversations/${A.number}/claim`, { headers });
    if (r.status === 200) {
      await call('employer', 'POST', `/conversations/${A.number}/release`, {
        headers: { 'If-Match': `"${r.body.version}"` },
      });
    }
    return r;
  };

  /** @type {Record<string, () => Promise<string | void>>} */
  const checks = {
    async 'auth.session-required'() {
      const r = await call(null, 'GET', '/me');
      must(r.status === 401, `GET /me without a session cookie → expected 401, received ${show(r)}`);
    },
    async 'csrf.origin'() {
      const before = await messageCount(A.number);
      const r1 = await reply(A.number, { headers: { Origin: FOREIGN_ORIGIN } });
      must(
        r1.status === 403,
        `POST /conversations/${A.number}/messages with Origin: ${FOREIGN_ORIGIN} → expected 403, received ${show(r1)}`,
      );
      const r2 = await reply(A.number, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
      must(
        r2.status === 403,
        `POST /conversations/${A.number}/messages with Sec-Fetch-Site: cross-site → expected 403, received ${show(r2)}`,
      );
      must((await messageCount(A.number)) === before, 'a refused cross-site write was stored anyway');
    },
    async 'csrf.token'() {
      if (!options.parties.employer.csrfToken)
        return 'skipped: no CSRF token given (the server checks Origin only)';
      const before = await messageCount(A.number);
      const r = await reply(A.number, { csrf: false });
      must(
        r.status === 403,
        `POST /conversations/${A.number}/messages without ${csrfHeader} and without Origin → expected 403, received ${show(r)}`,
      );
      must((await messageCount(A.number)) === before, 'a write without a CSRF token was stored anyway');
    },
    async 'cors.allowlist'() {
      const preflight = await call(null, 'OPTIONS', '/conversations/search', {
        headers: {
          Origin: FOREIGN_ORIGIN,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
      });
      const acao = preflight.headers.get('Access-Control-Allow-Origin');
      must(
        acao !== FOREIGN_ORIGIN && acao !== '*',
        `OPTIONS /conversations/search from ${FOREIGN_ORIGIN} → expected no Access-Control-Allow-Origin for it, received ${acao}`,
      );
      const get = await call('employer', 'GET', '/me', { headers: { Origin: FOREIGN_ORIGIN } });
      const acao2 = get.headers.get('Access-Control-Allow-Origin');
      must(
        acao2 !== FOREIGN_ORIGIN && acao2 !== '*',
        `GET /me with Origin: ${FOREIGN_ORIGIN} → expected no Access-Control-Allow-Origin for it, received ${acao2}`,
      );
      if (!options.allowedOrigin) return;
      const wanted = ['idempotency-key', 'if-match', 'x-background-request', 'content-type'];
      const ok = await call(null, 'OPTIONS', '/conversations/search', {
        headers: {
          Origin: options.allowedOrigin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': wanted.join(','),
        },
      });
      must(
        ok.headers.get('Access-Control-Allow-Origin') === options.allowedOrigin,
        `OPTIONS from the allowed ${options.allowedOrigin} → expected it in Access-Control-Allow-Origin, received ${ok.headers.get('Access-Control-Allow-Origin')}`,
      );
      must(
        ok.headers.get('Access-Control-Allow-Credentials') === 'true',
        'preflight: expected Access-Control-Allow-Credentials: true',
      );
      const allowed = (ok.headers.get('Access-Control-Allow-Headers') ?? '').toLowerCase();
      for (const h of wanted)
        must(
          allowed === '*' || allowed.includes(h),
          `preflight: expected ${h} in Access-Control-Allow-Headers, received ${allowed}`,
        );
    },
    async 'authz.organisation-404'() {
      const colleague = await call('colleague', 'GET', `/conversations/${A.number}`);
      must(
        colleague.status === 200,
        `GET /conversations/${A.number} as a colleague of the same organisation → expected 200, received ${show(colleague)}`,
      );
      const probes = [
        await call('otherOrganisation', 'GET', `/conversations/${A.number}`),
        await call('otherOrganisation', 'GET', `/conversations/${A.number}/attachments/${attachmentA.id}`),
        await call('otherOrganisation', 'POST', `/conversations/${A.number}/messages`, {
          headers: { 'Idempotency-Key': `kit-${run}-other` },
          form: withFields({ body: marked('Fel organisation') }),
        }),
        await call('otherOrganisation', 'POST', `/conversations/${A.number}/claim`, {
          headers: { 'If-Match': `"${A.version}"` },
        }),
      ];
      for (const r of probes)
        must(
          r.status === 404,
          `${r.method} ${r.path} as an employer of another organisation → expected 404, received ${show(r)}`,
        );
      const search = await call('otherOrganisation', 'POST', '/conversations/search', {
        json: {
          filters: { subjectId: null, messageNumber: A.number, assigneeId: '', text: '', statuses: [] },
          sort: { key: 'date', direction: 'desc' },
          page: 1,
          pageSize: 25,
        },
      });
      must(
        search.status === 200 && search.body.total === 0,
        `POST /conversations/search for ${A.number} as another organisation → expected 200 with total 0, received ${show(search)} total ${search.body?.total}`,
      );
    },
    async 'authz.close-staff-only'() {
      const r = await call('employer', 'POST', `/conversations/${B.number}/close`, {
        headers: { 'If-Match': `"${(await current(B.number)).version}"` },
      });
      must(
        r.status === 403,
        `POST /conversations/${B.number}/close as an employer → expected 403, received ${show(r)}`,
      );
      const staff = await call('officer', 'POST', `/conversations/${B.number}/close`, {
        headers: { 'If-Match': `"${(await current(B.number)).version}"` },
      });
      must(
        staff.status === 200,
        `POST /conversations/${B.number}/close (a conversation the kit created) as KPA → expected 200, received ${show(staff)}`,
      );
    },
    async 'authz.create-own-organisation'() {
      const foreign = me.otherOrganisation.organisation.customerNumber;
      const r = await call('employer', 'POST', '/conversations', {
        headers: { 'Idempotency-Key': `kit-${run}-foreign` },
        form: withFields({
          subjectId,
          body: marked('Annan organisation'),
          organisationCustomerNumber: foreign,
        }),
      });
      must(
        r.status === 422,
        `POST /conversations as an employer naming customer number ${foreign} of another organisation → expected 422, received ${show(r)}`,
      );
    },
    async 'attachments.belong-to-conversation'() {
      const own = await call('employer', 'GET', `/conversations/${A.number}/attachments/${attachmentA.id}`, {
        download: true,
      });
      must(
        own.status === 200,
        `GET /conversations/${A.number}/attachments/${attachmentA.id} → expected 200, received ${show(own)}`,
      );
      const r = await call('employer', 'GET', `/conversations/${B.number}/attachments/${attachmentA.id}`);
      must(
        r.status === 404,
        `GET /conversations/${B.number}/attachments/<id of an attachment of ${A.number}> → expected 404, received ${show(r)}`,
      );
    },
    async 'attachments.unguessable-ids'() {
      for (const { id } of [attachmentA, attachmentB]) {
        must(
          id.length >= 16 && !/^\d+$/.test(id) && !id.includes(A.number) && !id.includes(B.number),
          `attachment id ${id} → expected at least 16 characters of random, not a counter or a message number`,
        );
      }
      const common = [...attachmentA.id].filter((c, i) => attachmentB.id[i] === c).length;
      must(
        common < attachmentA.id.length - 4,
        `attachment ids ${attachmentA.id} and ${attachmentB.id} of two uploads in a row differ in too few places`,
      );
    },
    async 'idempotency.replay'() {
      const r = await create(keyA);
      must(
        r.status === 201 && r.body?.number === A.number,
        `POST /conversations again with the same Idempotency-Key and content → expected 201 with number ${A.number}, received ${show(r)} ${r.body?.number ?? ''}`,
      );
      must(
        r.headers.get('Idempotent-Replayed') === 'true',
        `the replay → expected Idempotent-Replayed: true, received ${r.headers.get('Idempotent-Replayed')}`,
      );
    },
    async 'idempotency.other-content-422'() {
      const r = await create(keyA, marked('Annan text'));
      must(
        r.status === 422,
        `POST /conversations with the same Idempotency-Key and another body → expected 422, received ${show(r)}`,
      );
    },
    async 'idempotency.file-bytes'() {
      const r = await create(keyA, marked('Konversation A'), pdfBytes(256, 'b'));
      must(
        r.status === 422,
        `POST /conversations with the same Idempotency-Key, same file name and size, other bytes → expected 422, received ${show(r)}`,
      );
    },
    async 'idempotency.per-user'() {
      const r = await create(keyA, marked('Konversation A'), pdfBytes(256, 'a'), 'colleague');
      must(
        r.status === 201 && r.body?.number !== A.number,
        `POST /conversations by a colleague with the employer's Idempotency-Key and content → expected 201 with a new number, received ${show(r)} ${r.body?.number ?? ''}`,
      );
      must(
        r.headers.get('Idempotent-Replayed') !== 'true',
        "the colleague got the employer's stored answer (Idempotent-Replayed: true)",
      );
    },
    async 'concurrency.strong-etag'() {
      const r = await call('employer', 'GET', `/conversations/${A.number}`);
      const etag = r.headers.get('ETag');
      must(
        etag === `"${r.body.version}"`,
        `GET /conversations/${A.number} → expected ETag: "${r.body.version}" (strong), received ${etag}`,
      );
    },
    async 'concurrency.if-match-star-412'() {
      const r = await claimProbe({ 'If-Match': '*' });
      must(
        r.status === 412,
        `POST /conversations/${A.number}/claim with If-Match: * → expected 412, received ${show(r)}`,
      );
    },
    async 'concurrency.if-match-weak-412'() {
      const version = (await current(A.number)).version;
      const r = await claimProbe({ 'If-Match': `W/"${version}"` });
      must(
        r.status === 412,
        `POST /conversations/${A.number}/claim with If-Match: W/"${version}" (the current version, weak) → expected 412, received ${show(r)}`,
      );
    },
    async 'concurrency.if-match-required-428'() {
      const r = await claimProbe({});
      must(
        r.status === 428,
        `POST /conversations/${A.number}/claim without If-Match → expected 428, received ${show(r)}`,
      );
    },
    async 'concurrency.stale-412'() {
      const r = await claimProbe({ 'If-Match': '"kit-stale-version"' });
      must(
        r.status === 412,
        `POST /conversations/${A.number}/claim with a stale If-Match → expected 412, received ${show(r)}`,
      );
      const version = (await current(A.number)).version;
      const ok = await call('employer', 'POST', `/conversations/${A.number}/claim`, {
        headers: { 'If-Match': `"${version}"` },
      });
      must(
        ok.status === 200,
        `POST /conversations/${A.number}/claim with the current If-Match → expected 200, received ${show(ok)}`,
      );
      await call('employer', 'POST', `/conversations/${A.number}/release`, {
        headers: { 'If-Match': `"${ok.body.version}"` },
      });
    },
    async 'content.search-json-only'() {
      const query = JSON.stringify({
        filters: { subjectId: null, messageNumber: '', assigneeId: '', text: '', statuses: [] },
        sort: { key: 'date', direction: 'desc' },
        page: 1,
        pageSize: 25,
      });
      for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
        const r = await call('employer', 'POST', '/conversations/search', { raw: { type, body: query } });
        must(
          r.status === 415,
          `POST /conversations/search with Content-Type: ${type} → expected 415, received ${show(r)}`,
        );
      }
      const ok = await call('employer', 'POST', '/conversations/search', {
        raw: { type: 'application/json', body: query },
      });
      must(
        ok.status === 200,
        `POST /conversations/search with application/json → expected 200, received ${show(ok)}`,
      );
    },
    async 'content.type-from-bytes'() {
      const before = await messageCount(A.number);
      const html = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
      const r = await reply(A.number, {
        form: withFields({ body: marked('HTML som PDF') }, files(html, 'lon.pdf', 'application/pdf')),
      });
      must(
        r.status === 415,
        `POST /conversations/${A.number}/messages with HTML bytes as lon.pdf (application/pdf) → expected 415, received ${show(r)}`,
      );
      must((await messageCount(A.number)) === before, 'HTML uploaded as lon.pdf was stored');
    },
    async 'content.too-large-413'() {
      const r = await reply(A.number, {
        form: withFields(
          { body: marked('Stor fil') },
          files(pdfBytes(config.attachments.maxBytes + 1), 'stor.pdf'),
        ),
      });
      must(
        r.status === 413,
        `POST /conversations/${A.number}/messages with a file of maxBytes + 1 (${config.attachments.maxBytes + 1} bytes) → expected 413, received ${show(r)}`,
      );
    },
    async 'content.upload-encoding'() {
      // As the REST adapter sends: each file a part with its file name and its own Content-Type.
      const r = await reply(A.number, {
        form: withFields(
          { body: marked('Bilaga') },
          files(pdfBytes(300, 'c'), 'intyg.pdf', 'application/pdf'),
        ),
      });
      must(
        r.status === 201,
        `POST /conversations/${A.number}/messages with a file part of Content-Type application/pdf → expected 201, received ${show(r)}`,
      );
      const stored = r.body.messages.at(-1).attachments[0];
      must(
        stored?.mimeType === 'application/pdf',
        `the stored attachment → expected mimeType application/pdf, received ${stored?.mimeType}`,
      );
    },
    async 'download.disposition'() {
      const r = await call('employer', 'GET', `/conversations/${A.number}/attachments/${attachmentA.id}`, {
        download: true,
      });
      const cd = r.headers.get('Content-Disposition') ?? '';
      const name = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1];
      must(
        /^attachment\s*;/i.test(cd) && name !== undefined && decodeURIComponent(name) === fileName,
        `GET …/attachments/${attachmentA.id} → expected Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(fileName)}, received ${cd}`,
      );
    },
    async 'download.nosniff'() {
      const r = await call('employer', 'GET', `/conversations/${A.number}/attachments/${attachmentA.id}`, {
        download: true,
      });
      must(
        r.headers.get('X-Content-Type-Options') === 'nosniff',
        `GET …/attachments/${attachmentA.id} → expected X-Content-Type-Options: nosniff, received ${r.headers.get('X-Content-Type-Options')}`,
      );
    },
    async 'download.csp-sandbox'() {
      const r = await call('employer', 'GET', `/conversations/${A.number}/attachments/${attachmentA.id}`, {
        download: true,
      });
      const csp = r.headers.get('Content-Security-Policy') ?? '';
      must(
        /(^|;)\s*sandbox\s*(;|$)/.test(csp),
        `GET …/attachments/${attachmentA.id} → expected Content-Security-Policy: sandbox, received ${csp || 'none'}`,
      );
    },
    async 'download.no-store'() {
      const r = await call('employer', 'GET', `/conversations/${A.number}/attachments/${attachmentA.id}`, {
        download: true,
      });
      must(
        /no-store/.test(r.headers.get('Cache-Control') ?? ''),
        `GET …/attachments/${attachmentA.id} → expected Cache-Control: no-store, received ${r.headers.get('Cache-Control')}`,
      );
      must(
        r.bytes.length === attachmentA.size,
        `the download → expected ${attachmentA.size} bytes, received ${r.bytes.length}`,
      );
    },
  };

  // Rules over every response of the run, judged at the end.
  const overall = {
    'errors.problem-details'() {
      for (const r of seen.filter((x) => x.status >= 400 && x.status < 500)) {
        const type = r.contentType.split(';')[0].trim();
        must(
          type === 'application/problem+json' &&
            r.body?.status === r.status &&
            typeof r.body?.title === 'string' &&
            typeof r.body?.type === 'string',
          `${r.method} ${r.path} → ${r.status} expected application/problem+json with type, title and status, received ${r.contentType}`,
        );
      }
    },
    'cache.no-store'() {
      for (const r of seen.filter((x) => !x.download))
        must(
          /no-store/.test(r.headers.get('Cache-Control') ?? ''),
          `${r.method} ${r.path} → expected Cache-Control: no-store, received ${r.headers.get('Cache-Control')}`,
        );
    },
    'schema.responses'() {
      for (const r of seen) {
        const problem = validator.check(r);
        must(problem === null, `${problem}`);
      }
    },
    'auth.cookie-attributes'() {
      let count = 0;
      for (const r of seen) {
        for (const c of r.headers.getSetCookie()) {
          count++;
          must(
            /;\s*Secure/i.test(c) && /;\s*HttpOnly/i.test(c) && /;\s*SameSite=(Strict|Lax)/i.test(c),
            `${r.method} ${r.path} set a cookie without Secure, HttpOnly and SameSite: ${c.replace(/=[^;]*/, '=…')}`,
          );
        }
      }
      if (count === 0) return 'no cookie set by the API; check the portal sign-in separately';
    },
  };

  const background = async () => {
    const seconds = options.idleTimeoutSeconds;
    if (!seconds) return 'skipped: give --idle-timeout-seconds to check it';
    // The last check: it lets the other-organisation party's session run out.
    await call('otherOrganisation', 'GET', '/me');
    const until = Date.now() + seconds * 1500;
    for (let i = 0; i < 200 && Date.now() < until; i++) {
      await call('otherOrganisation', 'GET', '/notices/count', { headers: { 'X-Background-Request': '1' } });
      await new Promise((resolve) => setTimeout(resolve, Math.max(100, (seconds * 1000) / 6)));
    }
    const r = await call('otherOrganisation', 'GET', '/me');
    must(
      r.status === 401,
      `GET /me after ${seconds * 1.5} s of only X-Background-Request: 1 requests → expected 401 (idle timeout ${seconds} s), received ${show(r)}`,
    );
  };

  /** @type {RuleResult[]} */
  const results = [];
  const record = async (
    /** @type {string} */ id,
    /** @type {() => Promise<string | void> | string | void} */ fn,
  ) => {
    try {
      const note = await fn();
      results.push({
        id,
        ok: typeof note === 'string' && note.startsWith('skipped') ? null : true,
        ...(note ? { evidence: note } : {}),
      });
    } catch (error) {
      results.push({
        id,
        ok: false,
        evidence: error instanceof Failure ? error.message : `error: ${String(error)}`,
      });
    }
    log(format(results.at(-1)));
  };
  for (const rule of RULES) {
    if (checks[rule.id]) await record(rule.id, checks[rule.id]);
  }
  for (const [id, fn] of Object.entries(overall)) await record(id, fn);
  await record('auth.background-no-extend', background);
  return RULES.map(
    (rule) => results.find((r) => r.id === rule.id) ?? { id: rule.id, ok: false, evidence: 'not checked' },
  );
}

/** @param {RuleResult | undefined} result */
export function format(result) {
  if (!result) return '';
  const rule = RULES.find((r) => r.id === result.id);
  const mark = result.ok === true ? '✓' : result.ok === false ? '✗' : '–';
  return `${mark} ${result.id}: ${rule?.summary ?? ''}${result.evidence ? ` — ${result.evidence}` : ''}`;
}
