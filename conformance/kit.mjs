/**
 * The conformance kit: black-box HTTP scenarios, one per rule of api/openapi.yaml ("Rules a
 * server must enforce"), played against a running server with the credentials of five parties.
 * Every response is also validated against the OpenAPI schemas. Every conversation it creates
 * starts with TEST_MARKER; it claims, takes over and closes only conversations it created, and
 * closes them all at the end (as the officer party, or the other officer for its department's if
 * the officer cannot see them), printing any it could not close.
 *
 * A rule's outcome is pass (✓), fail (✗, with the request, what was expected and what came back,
 * the problem's detail included), could not check (?, a precondition of the check failed, e.g. a
 * party's write was refused for want of its CSRF token), or skipped (–, e.g. an option not given).
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ResponseValidator } from './openapi.mjs';
import { RULES } from './rules.mjs';

export const TEST_MARKER = '[KONFORMANSTEST]';
export const FOREIGN_ORIGIN = 'https://conformance-kit.invalid';
export const PARTIES = /** @type {const} */ ([
  'employer',
  'colleague',
  'otherOrganisation',
  'officer',
  'otherOfficer',
]);
const EXPOSED_HEADERS = ['etag', 'location', 'retry-after', 'idempotent-replayed', 'content-disposition'];
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MARKS = { pass: '✓', fail: '✗', unchecked: '?', skipped: '–' };

/**
 * @typedef {{ cookie: string, csrfToken?: string }} Credentials
 * @typedef {{ id: string, outcome: keyof typeof MARKS, evidence?: string }} RuleResult
 * @typedef {{
 *   baseUrl: string,
 *   parties: Record<typeof PARTIES[number], Credentials>,
 *   csrfHeader?: string,
 *   allowedOrigin?: string,
 *   idleTimeoutSeconds?: number,
 *   heartbeatSeconds?: number,
 *   log?: (line: string) => void,
 * }} KitOptions
 */

/** The server broke the rule. */
class Failure extends Error {}
/** A precondition of the check failed: it could not tell. */
class Unchecked extends Error {}
/** The check needs something the run was not given. */
class Skipped extends Error {}

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

/**
 * One HTTP exchange over node:http(s), which (unlike fetch) lets the kit send its own `Host`.
 * @param {URL} url @param {string} method @param {Record<string, string>} headers @param {Buffer | string} [body]
 * @returns {Promise<{ status: number, headers: Headers, bytes: Uint8Array }>}
 */
export function exchange(url, method, headers, body) {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, { method, headers }, (response) => {
      /** @type {Buffer[]} */
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        const received = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          for (const one of [value ?? []].flat()) received.append(name, one);
        }
        resolve({ status: response.statusCode ?? 0, headers: received, bytes: Buffer.concat(chunks) });
      });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/**
 * @typedef {{ id?: string, event: string, raw: string, data: any }} StreamEvent
 * @typedef {{
 *   status: number, headers: Headers, events: StreamEvent[], comments: number, retry?: number,
 *   lastReceived: number, ended: boolean, close: () => void,
 *   waitFor: (what: () => boolean, ms: number) => Promise<boolean>,
 * }} Stream
 */

/**
 * `GET /events` kept open: its events, comments and `retry:` as they arrive (the Server-Sent
 * Events format, read line by line).
 * @param {URL} url @param {Record<string, string>} headers @returns {Promise<Stream>}
 */
export function openStream(url, headers) {
  return new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(url, { method: 'GET', headers: { Accept: 'text/event-stream', ...headers } });
    request.on('error', reject);
    request.on('response', (response) => {
      const received = new Headers();
      for (const [name, value] of Object.entries(response.headers))
        for (const one of [value ?? []].flat()) received.append(name, one);
      /** @type {Stream} */
      const stream = {
        status: response.statusCode ?? 0,
        headers: received,
        events: [],
        comments: 0,
        lastReceived: performance.now(),
        ended: false,
        close: () => request.destroy(),
        async waitFor(what, ms) {
          const until = performance.now() + ms;
          while (!what() && !stream.ended && performance.now() < until)
            await new Promise((r) => setTimeout(r, 20));
          return what();
        },
      };
      let buffer = '';
      /** @type {{ id?: string, event?: string, data: string[] }} */
      let pending = { data: [] };
      response.setEncoding('utf8');
      response.on('data', (/** @type {string} */ chunk) => {
        stream.lastReceived = performance.now();
        buffer += chunk;
        const lines = buffer.split(/\r\n|\r|\n/);
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (line === '') {
            if (pending.data.length > 0 || pending.event !== undefined) {
              const raw = pending.data.join('\n');
              let data;
              try {
                data = JSON.parse(raw);
              } catch {
                data = undefined;
              }
              stream.events.push({ id: pending.id, event: pending.event ?? 'message', raw, data });
            }
            pending = { data: [] };
          } else if (line.startsWith(':')) stream.comments++;
          else {
            const at = line.indexOf(':');
            const field = at < 0 ? line : line.slice(0, at);
            const value = at < 0 ? '' : line.slice(at + 1).replace(/^ /, '');
            if (field === 'data') pending.data.push(value);
            else if (field === 'id' || field === 'event') pending[field] = value;
            else if (field === 'retry' && /^\d+$/.test(value)) stream.retry = Number(value);
          }
        }
      });
      const ended = () => (stream.ended = true);
      response.on('end', ended);
      response.on('close', ended);
      response.on('error', ended);
      resolve(stream);
    });
    request.end();
  });
}

/** The first page of a search: for everything, or with some filters set. */
const searchQuery = (filters = {}) => ({
  filters: { subjectId: null, messageNumber: '', assigneeId: '', text: '', statuses: [], ...filters },
  sort: { key: 'date', direction: 'desc' },
  page: 1,
  pageSize: 25,
});

/** @param {KitOptions} options @returns {Promise<RuleResult[]>} */
export async function runConformance(options) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const csrfHeader = options.csrfHeader ?? 'X-CSRF-Token';
  const validator = new ResponseValidator();
  /** @typedef {{ party: string | null, method: string, path: string, status: number, headers: Headers, contentType: string, body: any, bytes: Uint8Array, download: boolean }} Exchange */
  /** @type {Exchange[]} every response the rules over the whole run judge */
  const seen = [];
  /** @type {Set<string>} numbers of the conversations the kit created */
  const created = new Set();
  const log = options.log ?? (() => {});

  /**
   * @param {typeof PARTIES[number] | null} party
   * @param {string} method
   * @param {string} path
   * @param {{ json?: unknown, raw?: { type: string, body: string }, form?: FormData, headers?: Record<string, string>, csrf?: boolean, download?: boolean }} [init]
   * @returns {Promise<Exchange>}
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
    /** @type {Buffer | string | undefined} */
    let body;
    if (init.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.raw) {
      headers['Content-Type'] = init.raw.type;
      body = init.raw.body;
    } else if (init.form) {
      const encoded = new Request('http://form.invalid/', { method: 'POST', body: init.form });
      headers['Content-Type'] = encoded.headers.get('Content-Type') ?? '';
      body = Buffer.from(await encoded.arrayBuffer());
    }
    if (body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(body));
    const response = await exchange(new URL(`${base}${path}`), method, headers, body);
    const contentType = response.headers.get('Content-Type') ?? '';
    let parsed;
    if (/json/.test(contentType)) {
      try {
        parsed = JSON.parse(new TextDecoder().decode(response.bytes));
      } catch {
        parsed = undefined;
      }
    }
    const entry = {
      party,
      method,
      path,
      ...response,
      contentType,
      body: parsed,
      download: Boolean(init.download),
    };
    if (method === 'POST' && path === '/conversations' && entry.status === 201 && parsed?.number)
      created.add(parsed.number);
    // Answers to another Host may come from a proxy in front of the server: not judged as the API's.
    if (method !== 'OPTIONS' && !init.headers?.Host) seen.push(entry);
    return entry;
  }

  /** The status, with the problem's detail (or title) when the body has one. */
  const show = (/** @type {Exchange} */ r) => {
    const text = r.body?.detail ?? r.body?.title;
    return typeof text === 'string' ? `${r.status} (${text})` : String(r.status);
  };
  /**
   * Fails unless `r` answered `status`. A write refused with 403 for a party that has no CSRF token
   * says nothing about the rule: the check could not be done.
   * @param {Exchange} r @param {number} status @param {string} [how] what was special about the request
   */
  const expect = (r, status, how = '') => {
    if (r.status === status) return;
    const request = `${r.method} ${r.path}${how ? ` ${how}` : ''}${r.party ? ` as ${r.party}` : ''}`;
    if (r.status === 403 && r.method !== 'GET' && r.party && !options.parties[r.party].csrfToken)
      throw new Unchecked(`${request} → ${show(r)}: the ${r.party} party has no CSRF token`);
    throw new Failure(`${request} → expected ${status}, received ${show(r)}`);
  };
  /** @param {Exchange} r @param {string} field */
  const mustName = (r, field) =>
    must(
      typeof r.body?.errors?.[field] === 'string',
      `${r.method} ${r.path} → ${r.status} expected errors.${field}, received errors ${JSON.stringify(r.body?.errors ?? null)}`,
    );
  /** @param {Exchange} r */
  const mustBeReplay = (r) =>
    must(
      r.headers.get('Idempotent-Replayed') === 'true',
      `the replay ${r.method} ${r.path} → expected Idempotent-Replayed: true, received ${r.headers.get('Idempotent-Replayed')}`,
    );

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
  /** Stops the run: the kit cannot go on without it. */
  const setUp = (/** @type {Exchange} */ r, /** @type {number} */ status, /** @type {string} */ what) => {
    if (r.status !== status)
      throw new Error(`${what}: ${r.method} ${r.path} answered ${show(r)}; cannot go on`);
    return r.body;
  };

  // ---- Set-up: who the parties are, and two conversations of the employer's, with files.
  const me = {};
  for (const party of PARTIES) {
    me[party] = setUp(await call(party, 'GET', '/me'), 200, `${party}: check its credentials`);
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
  if (me.officer.side !== 'kpa' || !me.officer.department)
    throw new Error('the officer party must be a KPA user with a department');
  if (
    me.otherOfficer.side !== 'kpa' ||
    !me.otherOfficer.department ||
    me.otherOfficer.department.id === me.officer.department.id ||
    me.otherOfficer.capabilities?.canSeeAllDepartments
  )
    throw new Error(
      "the other-officer party must be a KPA user of another department than the officer's, who does not see all departments",
    );
  /** An Ämne of `party`'s department that the `other` party's department does not answer. */
  const onlyOf = (/** @type {'officer' | 'otherOfficer'} */ party, /** @type {string} */ other) =>
    me[party].department.subjectIds.find(
      (/** @type {string} */ id) => !me[other].department.subjectIds.includes(id),
    );
  const officerSubject = onlyOf('officer', 'otherOfficer');
  const otherOfficerSubject = onlyOf('otherOfficer', 'officer');
  if (!officerSubject || !otherOfficerSubject)
    throw new Error(
      "the officer's and the other officer's departments must each answer an Ämne the other does not",
    );
  const config = setUp(await call('employer', 'GET', '/config'), 200, 'reading the settings');
  const subjectId = setUp(await call('employer', 'GET', '/subjects'), 200, 'reading the subjects')[0].id;
  const run = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const marked = (/** @type {string} */ text) => `${TEST_MARKER} ${text} (${run})`;
  const fileName = 'Lönebesked år 2026.pdf';

  const create = async (
    /** @type {string} */ key,
    body = marked('Konversation A'),
    bytes = pdfBytes(256, 'a'),
    /** @type {typeof PARTIES[number]} */ party = 'employer',
    subject = subjectId,
  ) =>
    call(party, 'POST', '/conversations', {
      headers: { 'Idempotency-Key': key },
      form: withFields({ subjectId: subject, body }, files(bytes, fileName)),
    });
  const newKey = () => `kit-${run}-${Math.random().toString(36).slice(2)}`;
  /** A precondition of a check: a write that must succeed for the check to tell anything. */
  const need = (/** @type {Exchange} */ r, /** @type {number} */ status, /** @type {string} */ what) => {
    if (r.status !== status) throw new Unchecked(`${what}: ${r.method} ${r.path} → ${show(r)}`);
    return r.body;
  };
  /** A new conversation of the employer's under `subject`, an Ämne of one officer's department. */
  const createUnder = async (/** @type {string} */ subject, /** @type {string} */ text) =>
    need(
      await create(newKey(), marked(text), pdfBytes(), 'employer', subject),
      201,
      `creating a conversation under ${subject}`,
    );
  const keyA = `kit-${run}-a`;
  const A = setUp(await create(keyA), 201, 'creating a conversation');
  const B = setUp(await create(`kit-${run}-b`, marked('Konversation B')), 201, 'creating a conversation');
  const attachmentA = A.messages?.[0]?.attachments?.[0];
  const attachmentB = B.messages?.[0]?.attachments?.[0];
  if (!attachmentA || !attachmentB)
    throw new Error('a conversation created with a file came back without it');
  // One conversation under an Ämne of each officer's department.
  const ofOfficer = await createUnder(officerSubject, 'Handläggarens avdelning');
  const ofOtherOfficer = await createUnder(otherOfficerSubject, 'Annan avdelning');
  const current = async (
    /** @type {string} */ number,
    /** @type {typeof PARTIES[number]} */ party = 'employer',
  ) => (await call(party, 'GET', `/conversations/${number}`)).body;
  const messageCount = async (/** @type {string} */ number) => (await current(number)).messages.length;
  const ifMatch = async (
    /** @type {string} */ number,
    /** @type {typeof PARTIES[number]} */ party = 'employer',
  ) => ({
    'If-Match': `"${(await current(number, party)).version}"`,
  });
  /** @param {string} number @param {{ headers?: Record<string, string>, form?: FormData, csrf?: boolean }} [init] */
  const reply = (number, init = {}) =>
    call('employer', 'POST', `/conversations/${number}/messages`, {
      ...init,
      headers: { 'Idempotency-Key': newKey(), ...init.headers },
      form: init.form ?? withFields({ body: marked('Svar') }),
    });
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
  /** A refused write to A must not have stored a message. */
  const unchangedAfter = async (/** @type {number} */ before, /** @type {Exchange} */ r) =>
    must((await messageCount(A.number)) === before, `${r.method} ${r.path} → ${show(r)}, but it was stored`);
  const download = () =>
    call('employer', 'GET', `/conversations/${A.number}/attachments/${attachmentA.id}`, { download: true });

  // ---- Live updates: one scenario that the rules events.* judge.
  const heartbeatSeconds = options.heartbeatSeconds ?? 30;
  const listen = (/** @type {typeof PARTIES[number] | null} */ party, headers = {}) =>
    openStream(new URL(`${base}/events`), {
      ...(party ? { Cookie: options.parties[party].cookie } : {}),
      ...headers,
    });
  /** The officer answers a conversation of the employer's; its new version. */
  const officerAnswers = async (/** @type {string} */ number) => {
    const r = await call('officer', 'POST', `/conversations/${number}/messages`, {
      headers: { 'Idempotency-Key': newKey() },
      form: withFields({ body: marked('Svar från KPA') }),
    });
    return /** @type {string} */ (need(r, 201, `the officer's answer to ${number}`).version);
  };
  /** The event that tells of `number` at `version`. */
  const tellsOf =
    (/** @type {string} */ number, /** @type {string} */ version) => (/** @type {StreamEvent} */ e) =>
      e.event === 'conversation' && e.data?.number === number && e.data?.version === version;
  const about =
    (/** @type {Stream} */ s, /** @type {string} */ number, /** @type {string} */ version) => () =>
      s.events.some(tellsOf(number, version));
  /** What a stream received, for the evidence. */
  const heard = (/** @type {Stream} */ s) =>
    s.events.length === 0 ? 'no event' : s.events.map((e) => `${e.event} ${e.raw}`).join(', ');
  /** @type {Promise<any> | undefined} */
  let liveRun;
  const live = () =>
    (liveRun ??= (async () => {
      const employer = await listen('employer');
      if (employer.status === 404) throw new Skipped('the server offers no live updates (GET /events → 404)');
      if (employer.status !== 200) throw new Unchecked(`GET /events as employer → ${employer.status}`);
      const other = await listen('otherOrganisation');
      try {
        const started = await employer.waitFor(() => employer.events.length > 0, 5000);
        const versionA = await officerAnswers(A.number);
        const toldA = await employer.waitFor(about(employer, A.number, versionA), 5000);
        const count = (await call('employer', 'GET', '/notices/count')).body?.count;
        await employer.waitFor(
          () => employer.events.some((e) => e.event === 'notices' && e.data?.count === count),
          2000,
        );
        const resumeFrom = employer.events.find(tellsOf(A.number, versionA))?.id;
        employer.close();
        const versionB = await officerAnswers(B.number);
        let resumed;
        if (resumeFrom !== undefined) {
          resumed = await listen('employer', { 'Last-Event-ID': resumeFrom });
          await resumed.waitFor(about(resumed, B.number, versionB), 5000);
          resumed.close();
        }
        const quietSince = performance.now();
        const beat = await other.waitFor(() => other.lastReceived > quietSince, heartbeatSeconds * 1500);
        return { employer, other, resumed, started, toldA, count, versionA, versionB, resumeFrom, beat };
      } finally {
        other.close();
      }
    })());

  /** @type {Record<string, () => Promise<void>>} */
  const checks = {
    async 'events.changes'() {
      const { employer, started, toldA, count, versionA } = await live();
      const first = employer.events[0];
      must(
        started && first?.event === 'notices' && Number.isInteger(first.data?.count),
        `GET /events as employer → expected an event notices with the count first, received ${heard(employer)}`,
      );
      must(
        toldA,
        `after the officer's answer to ${A.number} (version ${versionA}), the employer's stream → expected an event conversation {"number":"${A.number}","version":"${versionA}"} within 5 s, received ${heard(employer)}`,
      );
      must(
        employer.events.some((e) => e.event === 'notices' && e.data?.count === count),
        `after the officer's answer, the employer's stream → expected an event notices {"count":${count}} (GET /notices/count), received ${heard(employer)}`,
      );
    },
    async 'events.organisation-scope'() {
      const { other } = await live();
      const leaked = other.events.find((e) => [A.number, B.number].includes(e.data?.number));
      must(
        !leaked,
        `the other organisation's stream told of the employer's conversation: ${leaked?.event} ${leaked?.raw}`,
      );
    },
    async 'events.no-personal-data'() {
      const { employer, other, resumed } = await live();
      const schemas = {
        conversation: 'ConversationChangeEvent',
        notices: 'NoticeCountEvent',
        reset: 'EmptyEvent',
      };
      for (const e of [employer, other, resumed].flatMap((s) => s?.events ?? [])) {
        const schema = schemas[/** @type {keyof typeof schemas} */ (e.event)];
        must(schema !== undefined, `an event of a kind the contract does not name: ${e.event} ${e.raw}`);
        const problem = e.data === undefined ? 'not JSON' : validator.checkSchema(schema, e.data);
        must(
          problem === null,
          `the event ${e.event} ${e.raw} → expected ${schema} and nothing else: ${problem}`,
        );
        must(!e.raw.includes(TEST_MARKER), `the event ${e.event} carries message text: ${e.raw}`);
      }
    },
    async 'events.resume'() {
      const { employer, resumed, resumeFrom, versionB } = await live();
      const unnamed = employer.events.find((e) => !e.id);
      must(!unnamed, `an event without an id: ${unnamed?.event} ${unnamed?.raw}`);
      if (!resumed) throw new Unchecked('no event about the first change to resume from');
      must(
        about(resumed, B.number, versionB)(),
        `GET /events with Last-Event-ID: ${resumeFrom} (before the officer answered ${B.number}) → expected an event conversation {"number":"${B.number}","version":"${versionB}"}, received ${heard(resumed)}`,
      );
    },
    async 'events.heartbeat'() {
      const { employer, beat } = await live();
      must(
        Number.isInteger(employer.retry) && /** @type {number} */ (employer.retry) > 0,
        'GET /events → expected retry: <milliseconds> at its start, received none',
      );
      must(
        beat,
        `GET /events → expected a comment or an event at least every ${heartbeatSeconds} s, received nothing for ${heartbeatSeconds * 1.5} s`,
      );
    },
    async 'auth.session-required'() {
      const reads = [
        '/me',
        '/subjects',
        '/organisations',
        '/config',
        '/notices/count',
        `/conversations/${A.number}`,
      ];
      for (const path of [...reads, `/conversations/${A.number}/attachments/${attachmentA.id}`])
        expect(await call(null, 'GET', path), 401, 'without a session cookie');
    },
    async 'csrf.origin'() {
      const before = await messageCount(A.number);
      for (const headers of [{ Origin: FOREIGN_ORIGIN }, { 'Sec-Fetch-Site': 'cross-site' }]) {
        const r = await reply(A.number, { headers });
        expect(r, 403, `with ${Object.entries(headers)[0].join(': ')}`);
        await unchangedAfter(before, r);
      }
    },
    async 'csrf.token'() {
      if (!options.parties.employer.csrfToken)
        throw new Skipped('no CSRF token given (the server checks Origin only)');
      const before = await messageCount(A.number);
      const r = await reply(A.number, { csrf: false });
      expect(r, 403, `without ${csrfHeader} and without Origin`);
      await unchangedAfter(before, r);
    },
    async 'csrf.host-not-trusted'() {
      const { protocol, port } = new URL(base);
      const host = `conformance-kit.invalid${port ? `:${port}` : ''}`;
      const before = await messageCount(A.number);
      const write = await reply(A.number, {
        csrf: false,
        headers: { Host: host, Origin: `${protocol}//${host}` },
      });
      must(
        write.status >= 400,
        `${write.method} ${write.path} with Host: ${host}, Origin: ${protocol}//${host} and no CSRF token → expected a refusal, received ${show(write)}`,
      );
      await unchangedAfter(before, write);
      const r = await call('employer', 'GET', '/me', { headers: { Host: host } });
      must(
        r.status === 421 || r.status === 400,
        `GET /me with Host: ${host} → expected 421 (or 400), received ${show(r)}`,
      );
    },
    async 'cors.allowlist'() {
      const preflight = (/** @type {string} */ origin, /** @type {string} */ requestHeaders) =>
        call(null, 'OPTIONS', '/conversations/search', {
          headers: {
            Origin: origin,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': requestHeaders,
          },
        });
      for (const r of [
        await preflight(FOREIGN_ORIGIN, 'content-type'),
        await call('employer', 'GET', '/me', { headers: { Origin: FOREIGN_ORIGIN } }),
      ]) {
        const acao = r.headers.get('Access-Control-Allow-Origin');
        must(
          acao !== FOREIGN_ORIGIN && acao !== '*',
          `${r.method} ${r.path} from ${FOREIGN_ORIGIN} → expected no Access-Control-Allow-Origin for it, received ${acao}`,
        );
      }
      const allowed = options.allowedOrigin;
      if (!allowed) throw new Skipped("give --allowed-origin to check the allowed origin's CORS");
      const probe = await listen('employer');
      probe.close();
      const wanted = [
        'content-type',
        'idempotency-key',
        'if-match',
        'x-background-request',
        csrfHeader.toLowerCase(),
        // Resuming the event stream sends Last-Event-ID.
        ...(probe.status === 404 ? [] : ['last-event-id']),
      ];
      // With credentials a `*` is no wildcard: every header must be named.
      for (const [r, name, needed] of [
        [await preflight(allowed, wanted.join(',')), 'Access-Control-Allow-Headers', wanted],
        [
          await call('employer', 'GET', '/me', { headers: { Origin: allowed } }),
          'Access-Control-Expose-Headers',
          EXPOSED_HEADERS,
        ],
      ]) {
        const received = (/** @type {string} */ name) => `${name}: ${r.headers.get(name)}`;
        const from = `${r.method} ${r.path} from the allowed ${allowed} → expected`;
        must(
          r.headers.get('Access-Control-Allow-Origin') === allowed,
          `${from} it in Access-Control-Allow-Origin, received ${received('Access-Control-Allow-Origin')}`,
        );
        must(
          r.headers.get('Access-Control-Allow-Credentials') === 'true',
          `${from} Access-Control-Allow-Credentials: true, received ${received('Access-Control-Allow-Credentials')}`,
        );
        const listed = (r.headers.get(name) ?? '')
          .toLowerCase()
          .split(',')
          .map((h) => h.trim());
        const missing = needed.filter((h) => !listed.includes(h));
        must(missing.length === 0, `${from} ${missing.join(', ')} in ${name}, received ${received(name)}`);
      }
    },
    async 'authz.organisation-404'() {
      expect(
        await call('colleague', 'GET', `/conversations/${A.number}`),
        200,
        '(a colleague of the same organisation)',
      );
      const write = async (/** @type {string} */ action) =>
        call('otherOrganisation', 'POST', `/conversations/${A.number}/${action}`, {
          headers: await ifMatch(A.number),
        });
      // All probes first: a claim a server lets through is released again by the release probe.
      const probes = [
        await call('otherOrganisation', 'GET', `/conversations/${A.number}`),
        await call('otherOrganisation', 'GET', `/conversations/${A.number}/attachments/${attachmentA.id}`),
        await call('otherOrganisation', 'POST', `/conversations/${A.number}/messages`, {
          headers: { 'Idempotency-Key': `kit-${run}-other` },
          form: withFields({ body: marked('Fel organisation') }),
        }),
        await write('claim'),
        await write('release'),
        await write('take-over'),
        await write('close'),
      ];
      for (const r of probes) expect(r, 404, '(of another organisation)');
      const search = await call('otherOrganisation', 'POST', '/conversations/search', {
        json: searchQuery({ messageNumber: A.number }),
      });
      expect(search, 200, `for ${A.number}`);
      must(
        search.body?.total === 0,
        `${search.method} ${search.path} for ${A.number} as another organisation → expected total 0, received ${search.body?.total}`,
      );
    },
    async 'authz.department-scope'() {
      expect(
        await call('otherOfficer', 'GET', `/conversations/${ofOtherOfficer.number}`),
        200,
        `(${otherOfficerSubject}, of its own department)`,
      );
      const path = `/conversations/${ofOfficer.number}`;
      const probes = [
        await call('otherOfficer', 'GET', path),
        await call('otherOfficer', 'POST', `${path}/messages`, {
          headers: { 'Idempotency-Key': newKey() },
          form: withFields({ body: marked('Fel avdelning') }),
        }),
        await call('otherOfficer', 'POST', `${path}/claim`, { headers: await ifMatch(ofOfficer.number) }),
      ];
      for (const r of probes) expect(r, 404, `(${officerSubject}, of another department)`);
      const search = await call('otherOfficer', 'POST', '/conversations/search', {
        json: searchQuery({ messageNumber: ofOfficer.number }),
      });
      expect(search, 200, `for ${ofOfficer.number}`);
      must(
        search.body?.total === 0,
        `${search.method} ${search.path} for ${ofOfficer.number} (${officerSubject}) as otherOfficer → expected total 0, received ${search.body?.total}`,
      );
    },
    async 'authz.close-staff-only'() {
      const r = await call('employer', 'POST', `/conversations/${B.number}/close`, {
        headers: await ifMatch(B.number),
      });
      expect(r, 403);
      const staff = await call('officer', 'POST', `/conversations/${B.number}/close`, {
        headers: await ifMatch(B.number),
      });
      expect(staff, 200, '(a conversation the kit created)');
    },
    async 'assignment.per-side'() {
      if (!me.officer.capabilities?.canAssign)
        throw new Skipped('the officer party may not assign (capabilities.canAssign)');
      const { number } = await createUnder(officerSubject, 'Ansvar per sida');
      const path = `/conversations/${number}`;
      const assigneeOf = (/** @type {Exchange} */ r) => r.body?.assignee?.id ?? null;
      /**
       * Fails unless the answer `r` shows its reader `assignee`, its own side's, and no claim,
       * release or take-over by the other side in its history.
       */
      const sees = (/** @type {Exchange} */ r, /** @type {string | null} */ assignee, when = '') => {
        const side = r.party === 'officer' ? 'kpa' : 'employer';
        const whose = side === 'kpa' ? "KPA's" : "the employer's";
        const request = `${r.method} ${r.path} as ${r.party}${when ? ` ${when}` : ''}`;
        must(
          assigneeOf(r) === assignee,
          `${request} → expected assignee ${assignee} (${whose}), received ${assigneeOf(r)}`,
        );
        const leaked = (r.body?.history ?? []).find(
          (/** @type {any} */ h) =>
            ['claimed', 'released', 'taken-over'].includes(h.action) && h.actor?.side !== side,
        );
        must(
          !leaked,
          `${request} → expected only ${whose} claims, releases and take-overs in history, received ${JSON.stringify(leaked)}`,
        );
      };
      const claim = await call('officer', 'POST', `${path}/claim`, {
        headers: await ifMatch(number, 'officer'),
      });
      expect(claim, 200, '(a conversation the kit created)');
      sees(claim, me.officer.id);
      sees(await call('employer', 'GET', path), null, "after the officer's claim");
      const own = await call('employer', 'POST', `${path}/claim`, { headers: await ifMatch(number) });
      expect(own, 200, "after the officer's claim");
      sees(own, me.employer.id, "after the officer's claim");
      sees(await call('officer', 'GET', path), me.officer.id, "after the employer's claim");
    },
    async 'queue.department-only'() {
      if (!me.officer.capabilities?.canSeeAllDepartments)
        throw new Skipped(
          'the officer party does not see all departments (capabilities.canSeeAllDepartments)',
        );
      for (const departmentOnly of [true, false]) {
        const r = await call('officer', 'POST', '/conversations/search', {
          json: searchQuery({ text: run, departmentOnly }),
        });
        const how = `with departmentOnly: ${departmentOnly}, subjectId null and text "${run}"`;
        expect(r, 200, how);
        const found = (r.body?.items ?? []).map((/** @type {any} */ c) => c.number);
        const other = `${ofOtherOfficer.number} (${otherOfficerSubject}, of another department)`;
        must(
          found.includes(ofOfficer.number) && found.includes(ofOtherOfficer.number) !== departmentOnly,
          `${r.method} ${r.path} ${how} as officer → expected ${ofOfficer.number} (${officerSubject}) ${departmentOnly ? `but not ${other}` : `and ${other}`}, received ${found.join(', ') || 'none'}`,
        );
      }
    },
    async 'queue.waiting-since'() {
      const W = await createUnder(officerSubject, 'Väntar sedan');
      const first = W.messages[0].sentAt;
      // A moment between the employer's two messages, so that their times differ (a server that
      // keeps whole seconds cannot be told from a correct one here).
      await new Promise((resolve) => setTimeout(resolve, 20));
      need(await reply(W.number), 201, "the employer's second message");
      const waiting = async (/** @type {string} */ when, /** @type {string | null} */ since, what = '') => {
        const r = await call('officer', 'GET', `/conversations/${W.number}`);
        expect(r, 200);
        const received = r.body?.waitingSince ?? null;
        must(
          since === null
            ? received === null
            : received !== null && Date.parse(received) === Date.parse(since),
          `${r.method} ${r.path} as officer ${when} → expected waitingSince ${since}${what}, received ${received}`,
        );
      };
      await waiting("after the employer's two messages", first, " (the first one's sentAt)");
      await officerAnswers(W.number);
      await waiting("after the officer's answer", null);
      const again = need(await reply(W.number), 201, "the employer's message after the officer's answer");
      await waiting(
        'after the employer wrote again',
        again.messages.at(-1).sentAt,
        " (that message's sentAt)",
      );
    },
    async 'queue.notices'() {
      const officers = /** @type {const} */ (['officer', 'otherOfficer']);
      const counts = async () => {
        const rs = await Promise.all(officers.map((p) => call(p, 'GET', '/notices/count')));
        for (const r of rs) expect(r, 200);
        return rs.map((r) => r.body?.count);
      };
      for (const [subject, department] of [
        [officerSubject, 'officer'],
        [otherOfficerSubject, 'otherOfficer'],
      ]) {
        const before = await counts();
        const { number } = await createUnder(subject, 'Notis');
        const after = await counts();
        officers.forEach((party, i) => {
          const rise = party === department ? 1 : 0;
          must(
            after[i] === before[i] + rise,
            `GET /notices/count as ${party} after the employer created ${number} (${subject}, ${rise ? 'an Ämne of its department' : 'an Ämne of another department'}) → expected ${before[i] + rise} (${before[i]} before), received ${after[i]}`,
          );
        });
      }
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
      expect(r, 422, `naming customer number ${foreign} of another organisation`);
      mustName(r, 'organisationCustomerNumber');
    },
    async 'attachments.belong-to-conversation'() {
      expect(await download(), 200);
      const r = await call('employer', 'GET', `/conversations/${B.number}/attachments/${attachmentA.id}`);
      expect(r, 404, `(an attachment of ${A.number})`);
    },
    async 'attachments.unguessable-ids'() {
      for (const { id } of [attachmentA, attachmentB]) {
        must(
          UUID_V4.test(id),
          `attachment id ${id} → expected a random UUID v4 in lower case (122 random bits)`,
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
      expect(r, 201, 'again with the same Idempotency-Key and content');
      must(
        r.body?.number === A.number,
        `the replay → expected number ${A.number}, received ${r.body?.number}`,
      );
      mustBeReplay(r);
      const key = `kit-${run}-reply`;
      const send = () =>
        reply(A.number, {
          headers: { 'Idempotency-Key': key },
          form: withFields({ body: marked('Svar två gånger') }),
        });
      expect(await send(), 201);
      const count = await messageCount(A.number);
      const again = await send();
      expect(again, 201, 'again with the same Idempotency-Key and content');
      mustBeReplay(again);
      must(
        (await messageCount(A.number)) === count,
        `the replay ${again.method} ${again.path} stored the reply a second time`,
      );
    },
    async 'idempotency.other-content-422'() {
      const r = await create(keyA, marked('Annan text'));
      expect(r, 422, 'with the same Idempotency-Key and another body');
      mustName(r, 'idempotencyKey');
    },
    async 'idempotency.file-bytes'() {
      const r = await create(keyA, marked('Konversation A'), pdfBytes(256, 'b'));
      expect(r, 422, 'with the same Idempotency-Key, same file name and size, other bytes');
    },
    async 'idempotency.per-user'() {
      const r = await create(keyA, marked('Konversation A'), pdfBytes(256, 'a'), 'colleague');
      expect(r, 201, "with the employer's Idempotency-Key and content");
      must(
        r.body?.number !== A.number,
        `${r.method} ${r.path} as colleague → expected a new number, received ${A.number}`,
      );
      must(
        r.headers.get('Idempotent-Replayed') !== 'true',
        "the colleague got the employer's stored answer (Idempotent-Replayed: true)",
      );
    },
    async 'concurrency.if-match-star-412'() {
      expect(await claimProbe({ 'If-Match': '*' }), 412, 'with If-Match: *');
    },
    async 'concurrency.if-match-weak-412'() {
      const version = (await current(A.number)).version;
      expect(
        await claimProbe({ 'If-Match': `W/"${version}"` }),
        412,
        `with If-Match: W/"${version}" (the current version, weak)`,
      );
    },
    async 'concurrency.if-match-required-428'() {
      expect(await claimProbe({}), 428, 'without If-Match');
    },
    async 'concurrency.stale-412'() {
      const { version, assignee } = await current(A.number);
      const r = await claimProbe({ 'If-Match': '"kit-stale-version"' });
      expect(r, 412, 'with a stale If-Match');
      must(
        r.body !== undefined &&
          'assignee' in r.body &&
          (r.body.assignee?.id ?? null) === (assignee?.id ?? null),
        `the 412 → expected assignee ${assignee?.id ?? 'null'} (who holds it now), received ${r.body?.assignee === undefined ? 'none' : JSON.stringify(r.body.assignee)}`,
      );
      must(
        r.body?.version === version,
        `the 412 → expected version ${version} (the current one), received ${r.body?.version}`,
      );
      // The current version works: claim, a colleague's take-over, release.
      for (const [party, action] of [
        ['employer', 'claim'],
        ['colleague', 'take-over'],
        ['colleague', 'release'],
      ]) {
        const path = `/conversations/${A.number}/${action}`;
        expect(
          await call(/** @type {any} */ (party), 'POST', path, { headers: await ifMatch(A.number) }),
          200,
          'with the current If-Match',
        );
      }
    },
    async 'content.search-json-only'() {
      const query = JSON.stringify(searchQuery());
      for (const [type, status] of [
        ['text/plain', 415],
        ['application/x-www-form-urlencoded', 415],
        ['application/json', 200],
      ]) {
        const r = await call('employer', 'POST', '/conversations/search', { raw: { type, body: query } });
        expect(r, /** @type {number} */ (status), `with Content-Type: ${type}`);
      }
    },
    async 'content.type-from-bytes'() {
      const before = await messageCount(A.number);
      const html = new TextEncoder().encode('<!doctype html><script>alert(1)</script>');
      const r = await reply(A.number, {
        form: withFields({ body: marked('HTML som PDF') }, files(html, 'lon.pdf', 'application/pdf')),
      });
      expect(r, 415, 'with HTML bytes as lon.pdf (application/pdf)');
      await unchangedAfter(before, r);
    },
    async 'content.too-large-413'() {
      const { maxBytes } = config.attachments;
      const r = await reply(A.number, {
        form: withFields({ body: marked('Stor fil') }, files(pdfBytes(maxBytes + 1), 'stor.pdf')),
      });
      expect(r, 413, `with a file of maxBytes + 1 (${maxBytes + 1} bytes)`);
      must(
        r.body?.maxBytes === maxBytes,
        `the 413 → expected maxBytes ${maxBytes}, received ${r.body?.maxBytes}`,
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
      expect(r, 201, 'with a file part of Content-Type application/pdf');
      const stored = r.body.messages.at(-1).attachments[0];
      must(
        stored?.mimeType === 'application/pdf',
        `the stored attachment → expected mimeType application/pdf, received ${stored?.mimeType}`,
      );
    },
    async 'download.disposition'() {
      const cd = (await download()).headers.get('Content-Disposition') ?? '';
      const name = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1];
      must(
        /^attachment\s*;/i.test(cd) && name !== undefined && decodeURIComponent(name) === fileName,
        `GET …/attachments/${attachmentA.id} → expected Content-Disposition: attachment; filename*=UTF-8''${encodeURIComponent(fileName)}, received ${cd}`,
      );
    },
    async 'download.nosniff'() {
      const value = (await download()).headers.get('X-Content-Type-Options');
      must(
        value === 'nosniff',
        `GET …/attachments/${attachmentA.id} → expected X-Content-Type-Options: nosniff, received ${value}`,
      );
    },
    async 'download.csp-sandbox'() {
      const csp = (await download()).headers.get('Content-Security-Policy') ?? '';
      must(
        /(^|;)\s*sandbox\s*(;|$)/.test(csp),
        `GET …/attachments/${attachmentA.id} → expected Content-Security-Policy: sandbox, received ${csp || 'none'}`,
      );
    },
    async 'download.no-store'() {
      const r = await download();
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

  // Rules over every response of the run, judged after the checks.
  const overall = {
    async 'concurrency.strong-etag'() {
      for (const r of seen.filter(
        (x) => x.status < 300 && typeof x.body?.version === 'string' && x.body.messages,
      ))
        must(
          r.headers.get('ETag') === `"${r.body.version}"`,
          `${r.method} ${r.path} → ${r.status} expected ETag: "${r.body.version}" (strong), received ${r.headers.get('ETag')}`,
        );
    },
    async 'errors.problem-details'() {
      for (const r of seen.filter((x) => x.status >= 400 && x.status < 500)) {
        const type = r.contentType.split(';')[0].trim();
        must(
          type === 'application/problem+json' &&
            r.body?.status === r.status &&
            typeof r.body?.title === 'string' &&
            typeof r.body?.type === 'string',
          `${r.method} ${r.path} → ${show(r)} expected application/problem+json with type, title and status, received ${r.contentType}`,
        );
      }
    },
    async 'cache.no-store'() {
      for (const r of seen.filter((x) => !x.download))
        must(
          /no-store/.test(r.headers.get('Cache-Control') ?? ''),
          `${r.method} ${r.path} → expected Cache-Control: no-store, received ${r.headers.get('Cache-Control')}`,
        );
    },
    async 'schema.responses'() {
      for (const r of seen) {
        const problem = validator.check(r);
        must(problem === null, `${problem}`);
      }
    },
    async 'auth.cookie-attributes'() {
      const cookies = seen.flatMap((r) => r.headers.getSetCookie().map((c) => ({ r, c })));
      if (cookies.length === 0)
        throw new Skipped('no cookie set by the API; check the portal sign-in separately');
      for (const { r, c } of cookies)
        must(
          /;\s*Secure/i.test(c) && /;\s*HttpOnly/i.test(c) && /;\s*SameSite=(Strict|Lax)/i.test(c),
          `${r.method} ${r.path} set a cookie without Secure, HttpOnly and SameSite: ${c.replace(/=[^;]*/, '=…')}`,
        );
    },
  };

  // The last checks let sessions run out: the other organisation's with background requests, the
  // colleague's with its event stream open (idleStream).
  const background = async () => {
    const seconds = options.idleTimeoutSeconds;
    if (!seconds) throw new Skipped('give --idle-timeout-seconds to check it');
    const first = await call('otherOrganisation', 'GET', '/me');
    if (first.status !== 200)
      throw new Unchecked(
        `the other-organisation session had already ended before the check began: GET /me → ${show(first)}`,
      );
    const until = Date.now() + seconds * 1500;
    for (let i = 0; i < 200 && Date.now() < until; i++) {
      await call('otherOrganisation', 'GET', '/notices/count', { headers: { 'X-Background-Request': '1' } });
      await new Promise((resolve) => setTimeout(resolve, Math.max(100, (seconds * 1000) / 6)));
    }
    const r = await call('otherOrganisation', 'GET', '/me');
    expect(
      r,
      401,
      `after ${seconds * 1.5} s of only X-Background-Request: 1 requests (idle timeout ${seconds} s)`,
    );
  };

  /**
   * The colleague keeps only an event stream open past the idle timeout: the session must end
   * (events.background) and the stream with it (events.session-end). Resolves to each rule's error.
   * @returns {Promise<{ background?: Error, end?: Error }>}
   */
  const idleStream = async () => {
    const seconds = options.idleTimeoutSeconds;
    if (!seconds) {
      const skipped = new Skipped('give --idle-timeout-seconds to check it');
      return { background: skipped, end: skipped };
    }
    const anonymous = await listen(null);
    anonymous.close();
    const stream = await listen('colleague');
    if (stream.status !== 200) {
      stream.close();
      const why = stream.status === 404 ? Skipped : Unchecked;
      const error = new why(`GET /events as colleague → ${stream.status}`);
      return { background: error, end: error };
    }
    const waited = Math.max(seconds * 1.5, seconds + heartbeatSeconds * 1.5);
    await new Promise((resolve) => setTimeout(resolve, waited * 1000));
    const me = await call('colleague', 'GET', '/me');
    const ended = stream.ended;
    stream.close();
    const ago = `${waited} s after the colleague's last request but its GET /events (idle timeout ${seconds} s)`;
    return {
      ...(me.status === 401
        ? {}
        : { background: new Failure(`GET /me as colleague ${ago} → expected 401, received ${show(me)}`) }),
      ...(anonymous.status !== 401
        ? {
            end: new Failure(
              `GET /events without a session cookie → expected 401, received ${anonymous.status}`,
            ),
          }
        : me.status !== 401
          ? { end: new Unchecked(`the colleague's session had not ended ${ago}`) }
          : ended
            ? {}
            : { end: new Failure(`the colleague's event stream was still open ${ago}, its session ended`) }),
    };
  };

  /**
   * Closes what the kit created (as the officer, or as the other officer what the officer cannot
   * see) and says what is left open.
   */
  const cleanUp = async () => {
    const left = [];
    for (const number of created) {
      /** @type {typeof PARTIES[number]} */
      let party = 'officer';
      let conversation = await call(party, 'GET', `/conversations/${number}`);
      if (conversation.status === 404)
        conversation = await call((party = 'otherOfficer'), 'GET', `/conversations/${number}`);
      if (conversation.body?.status === 'closed') continue;
      const r = await call(party, 'POST', `/conversations/${number}/close`, {
        headers: { 'If-Match': `"${conversation.body?.version}"` },
      });
      if (r.status !== 200) left.push(`${number} (${show(r)})`);
    }
    log(
      left.length === 0
        ? `Closed every conversation the kit created (${created.size}).`
        : `Left open (close them by hand; their texts start with ${TEST_MARKER}): ${left.join(', ')}`,
    );
  };

  /** @type {RuleResult[]} */
  const results = [];
  const record = async (/** @type {string} */ id, /** @type {() => Promise<void>} */ check) => {
    try {
      await check();
      results.push({ id, outcome: 'pass' });
    } catch (error) {
      const outcome =
        error instanceof Unchecked ? 'unchecked' : error instanceof Skipped ? 'skipped' : 'fail';
      const known = error instanceof Failure || outcome !== 'fail';
      results.push({ id, outcome, evidence: known ? error.message : `error: ${String(error)}` });
    }
    log(format(results.at(-1)));
  };
  for (const rule of RULES) {
    if (checks[rule.id]) await record(rule.id, checks[rule.id]);
  }
  await cleanUp();
  for (const [id, check] of Object.entries(overall)) await record(id, check);
  if (options.idleTimeoutSeconds) log(`Letting the idle timeout (${options.idleTimeoutSeconds} s) pass …`);
  const idle = idleStream();
  await record('auth.background-no-extend', background);
  const { background: streamed, end } = await idle.catch((error) => ({ background: error, end: error }));
  await record('events.background', async () => {
    if (streamed) throw streamed;
  });
  await record('events.session-end', async () => {
    if (end) throw end;
  });
  return RULES.map(
    (rule) =>
      results.find((r) => r.id === rule.id) ?? { id: rule.id, outcome: 'fail', evidence: 'not checked' },
  );
}

/** @param {RuleResult | undefined} result */
export function format(result) {
  if (!result) return '';
  const rule = RULES.find((r) => r.id === result.id);
  const prefix = { pass: '', fail: '', unchecked: 'could not check: ', skipped: 'skipped: ' }[result.outcome];
  return `${MARKS[result.outcome]} ${result.id}: ${rule?.summary ?? ''}${result.evidence ? ` — ${prefix}${result.evidence}` : ''}`;
}

/** The summary lines of a run: the counts, and which rules were skipped or could not be checked and why. */
export function summarise(/** @type {RuleResult[]} */ results) {
  const [passed, failed, unchecked, skipped] = /** @type {const} */ ([
    'pass',
    'fail',
    'unchecked',
    'skipped',
  ]).map((outcome) => results.filter((r) => r.outcome === outcome));
  const list = (/** @type {RuleResult[]} */ rs) => rs.map((r) => `${r.id} (${r.evidence})`).join('; ');
  return [
    `${passed.length} passed, ${failed.length} failed, ${unchecked.length} could not be checked, ${skipped.length} skipped`,
    ...(skipped.length ? [`Skipped: ${list(skipped)}`] : []),
    ...(unchecked.length ? [`Could not check: ${list(unchecked)}`] : []),
  ];
}
