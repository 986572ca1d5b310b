/**
 * MSW request handlers implementing the HTTP contract (api/openapi.yaml) over the mock store.
 * Paths are matched as `*${basePath}/...`, so they work with any origin. Every response carries
 * `Cache-Control: no-store`; errors are `application/problem+json`. Writes from a foreign origin
 * are refused (403), searches must be JSON (415), downloads carry the contract's headers.
 */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import type { User } from '../src/domain/types.js';
import type { Fault, MockFaultController } from './faults.js';
import { problemDetails, ProblemError, type ProblemDetails } from './problem.js';
import { DEFAULT_HEARTBEAT_MS, eventStream } from './events.js';
import { RuleSwitches, type RuleSwitch } from './rules.js';
import { versionOf, type MockStore, type UploadedFile } from './store.js';

export interface HandlerContext {
  readonly basePath: string;
  /** The current store (replaced on every reset). */
  readonly store: MockStore;
  readonly faults: MockFaultController;
  currentUser(): User;
  /**
   * The user a request is from, when the caller keeps sessions (the mock HTTP server); null
   * answers 401. Without it every request is from `currentUser()`.
   */
  userFor?(request: Request): User | null;
  /** Origins besides the request's own whose writes are accepted (a CORS allowlist). */
  readonly allowedOrigins?: readonly string[];
  /** Test-only switches (rules.ts). */
  readonly rules?: RuleSwitches;
  /** How often an open event stream sends a heartbeat; default 15 s. */
  readonly heartbeatMs?: number;
  /** False: no live updates (`GET /events` answers 404), as a server that has none. */
  readonly liveUpdates?: boolean;
}

/** On every response: never cache personal data; let scripts on another origin read our headers. */
const NO_STORE: Readonly<Record<string, string>> = {
  'Cache-Control': 'no-store',
  'Access-Control-Expose-Headers': 'ETag, Location, Retry-After, Idempotent-Replayed, Content-Disposition',
};

/** `/api/secure-messages/v1/` → `/api/secure-messages/v1`; always one leading slash. */
export function normaliseBasePath(basePath: string): string {
  const trimmed = basePath.trim().replace(/\/+$/, '');
  return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** The part of the URL's path after the base path, e.g. '/conversations/12345/claim'. */
export function pathAfterBase(url: string, basePath: string): string {
  const pathname = new URL(url).pathname;
  const at = basePath === '' ? 0 : pathname.indexOf(basePath);
  return at < 0 ? pathname : pathname.slice(at + basePath.length) || '/';
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return HttpResponse.json(body as never, { status, headers: { ...NO_STORE, ...headers } });
}

function problemResponse(
  problem: ProblemDetails,
  headers: Readonly<Record<string, string>> = {},
  contentType = 'application/problem+json',
): Response {
  return new HttpResponse(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': contentType, ...NO_STORE, ...headers },
  });
}

/** What a gateway in front of the server answers when the origin's answer did not reach it. */
function gatewayResponse(status: 502 | 503 | 504): Response {
  const title = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' }[status];
  const html = `<!doctype html><html><head><title>${status} ${title}</title></head><body><h1>${status} ${title}</h1></body></html>`;
  return new HttpResponse(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
}

/**
 * A write is refused when its `Origin` is present and neither the request's own origin nor in the
 * allowlist, or when the browser says it is cross-site. Clients that send no Origin (Node) pass;
 * the mock HTTP server also asks them for a CSRF token.
 */
export function isForeignWrite(request: Request, allowedOrigins: readonly string[]): boolean {
  if (request.headers.get('Sec-Fetch-Site')?.toLowerCase() === 'cross-site') return true;
  const origin = request.headers.get('Origin');
  if (origin === null) return false;
  if (origin === new URL(request.url).origin) return false;
  return !allowedOrigins.includes(origin);
}

/** `application/json`, with parameters (charset) allowed; nothing else (no text/plain, no forms). */
function isJson(request: Request): boolean {
  const type = request.headers.get('Content-Type') ?? '';
  return type.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

function etag(version: string): string {
  return `"${version}"`;
}

/** RFC 5987/8187 encoding for `filename*=UTF-8''…`. */
export function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

async function readForm(request: Request): Promise<FormData> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!/^multipart\/form-data/i.test(type)) {
    throw new ProblemError(400, { detail: 'Begäran ska vara multipart/form-data.' });
  }
  try {
    return await request.formData();
  } catch {
    throw new ProblemError(400, { detail: 'Begäran kunde inte läsas.' });
  }
}

function formText(form: FormData, name: string): string | null {
  const value = form.get(name);
  return typeof value === 'string' ? value : null;
}

async function formFiles(form: FormData, rules: RuleSwitches): Promise<UploadedFile[]> {
  const files: UploadedFile[] = [];
  for (const entry of form.getAll('files')) {
    if (typeof entry === 'string') {
      throw new ProblemError(422, { detail: 'Ogiltig fil.', errors: { files: 'Ogiltig fil.' } });
    }
    // The REST adapter sends each file with its own type (application/pdf, …); the type is never
    // trusted either way. The switch plays a server that only takes application/octet-stream parts.
    const partType = entry.type.split(';')[0]!.trim().toLowerCase();
    if (!rules.enforced('content.upload-encoding') && partType !== 'application/octet-stream') {
      throw new ProblemError(415, { detail: 'Filen ska skickas som application/octet-stream.' });
    }
    files.push({ name: entry.name, type: entry.type, bytes: new Uint8Array(await entry.arrayBuffer()) });
  }
  return files;
}

function messageNumberParam(value: string | readonly string[] | undefined): string {
  if (typeof value !== 'string' || !/^\d{5}$/.test(value)) {
    throw new ProblemError(404, { detail: 'Konversationen finns inte.' });
  }
  return value;
}

type Resolve = (args: {
  request: Request;
  params: Record<string, string | readonly string[] | undefined>;
  user: User;
}) => Promise<Response> | Response;

export function createHandlers(ctx: HandlerContext): RequestHandler[] {
  const base = normaliseBasePath(ctx.basePath);
  const rules = ctx.rules ?? new RuleSwitches();
  const enforced = (rule: RuleSwitch) => rules.enforced(rule);
  const problemType = () =>
    enforced('errors.problem-details') ? 'application/problem+json' : 'application/json';

  const run = async (
    resolve: Resolve,
    request: Request,
    params: Record<string, string | readonly string[] | undefined>,
  ) => {
    try {
      const user = ctx.userFor ? ctx.userFor(request) : ctx.currentUser();
      if (!user) throw new ProblemError(401, { detail: 'Inloggning krävs.' });
      if (
        request.method !== 'GET' &&
        enforced('csrf.origin') &&
        isForeignWrite(request, ctx.allowedOrigins ?? [])
      ) {
        throw new ProblemError(403, { detail: 'Begäran kommer från en otillåten webbplats.' });
      }
      return await resolve({ request, params, user });
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse(error.problem, error.headers, problemType());
      return problemResponse(
        problemDetails(500, { detail: 'Oväntat fel i mockservern.' }),
        {},
        problemType(),
      );
    }
  };

  const faultResponse = (fault: Extract<Fault, { kind: 'status' }>, path: string): Response => {
    const extra: Partial<ProblemDetails> = { detail: 'Simulerat fel.' };
    if (fault.status === 409 || fault.status === 412) {
      const number = /^\/conversations\/(\d{5})(?:\/|$)/.exec(path)?.[1];
      const record = number ? ctx.store.record(number) : undefined;
      extra.assignee = record?.summary.assignee ? { ...record.summary.assignee } : null;
      if (record) extra.version = versionOf(record);
    }
    if (fault.status === 413) extra.maxBytes = ctx.store.config.attachments.maxBytes;
    if (fault.status === 422) extra.errors = {};
    const headers: Record<string, string> =
      fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) };
    return problemResponse(problemDetails(fault.status, extra), headers);
  };

  const route = (method: 'get' | 'post', subPath: string, resolve: Resolve): RequestHandler =>
    http[method](`*${base}${subPath}`, async ({ request, params }) => {
      const path = pathAfterBase(request.url, base);
      const { latencyMs, fault } = ctx.faults.take(request.method, path);
      if (latencyMs > 0) await delay(latencyMs);
      if (fault) {
        switch (fault.kind) {
          case 'offline':
            return HttpResponse.error();
          case 'hang':
            await ctx.faults.hang(request.signal);
            return HttpResponse.error();
          case 'status':
            return faultResponse(fault, path);
          case 'lost-response':
            await run(resolve, request, params);
            return HttpResponse.error();
          case 'gateway':
            await run(resolve, request, params);
            return gatewayResponse(fault.status);
        }
      }
      return run(resolve, request, params);
    });

  const withConversation = (
    status: number,
    conversation: { version: string },
    headers: Record<string, string> = {},
    read = false,
  ) => {
    const tag = enforced('concurrency.strong-etag')
      ? etag(conversation.version)
      : `W/${etag(conversation.version)}`;
    const tagged = read || enforced('concurrency.strong-etag:writes');
    return json(conversation, status, { ...(tagged ? { ETag: tag } : {}), ...headers });
  };

  const assignment =
    (action: 'claim' | 'release' | 'takeOver' | 'close'): Resolve =>
    ({ request, params, user }) => {
      const number = messageNumberParam(params.number);
      const conversation = ctx.store[action](user, number, request.headers.get('If-Match'));
      return withConversation(200, conversation);
    };

  return [
    route('get', '/me', ({ user }) =>
      json(user, 200, enforced('cache.no-store') ? {} : { 'Cache-Control': 'private, max-age=60' }),
    ),
    route('get', '/subjects', () => json(ctx.store.subjects)),
    route('get', '/organisations', ({ user }) => json(ctx.store.organisationsFor(user))),
    route('get', '/config', () =>
      json(
        enforced('schema.responses')
          ? ctx.store.config
          : {
              ...ctx.store.config,
              expectedReplyWorkingDays: String(ctx.store.config.expectedReplyWorkingDays),
            },
      ),
    ),
    route('get', '/notices/count', ({ user }) => json({ count: ctx.store.noticeCount(user) })),
    route('get', '/events', ({ request, user }) => {
      if (ctx.liveUpdates === false) throw new ProblemError(404, { detail: 'Inga direktuppdateringar.' });
      return new HttpResponse(
        eventStream({
          store: ctx.store,
          user,
          lastEventId: request.headers.get('Last-Event-ID'),
          heartbeatMs: ctx.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
          rules,
        }),
        // No buffering by a proxy in front (nginx reads X-Accel-Buffering).
        { headers: { 'Content-Type': 'text/event-stream', 'X-Accel-Buffering': 'no', ...NO_STORE } },
      );
    }),

    route('post', '/conversations/search', async ({ request, user }) => {
      // Only JSON: a cross-site form can send text/plain without a preflight, JSON it cannot.
      if (enforced('content.search-json-only') && !isJson(request)) {
        throw new ProblemError(415, { detail: 'Sökfrågan ska skickas som application/json.' });
      }
      let query: unknown;
      try {
        query = await request.json();
      } catch {
        throw new ProblemError(400, { detail: 'Sökfrågan ska vara JSON.' });
      }
      return json(ctx.store.search(user, query));
    }),

    route('post', '/conversations', async ({ request, user }) => {
      const key = request.headers.get('Idempotency-Key');
      if (!key?.trim()) throw new ProblemError(400, { detail: 'Idempotency-Key saknas.' });
      const form = await readForm(request);
      const result = ctx.store.createConversation(
        user,
        {
          subjectId: formText(form, 'subjectId') ?? '',
          body: formText(form, 'body') ?? '',
          organisationCustomerNumber: formText(form, 'organisationCustomerNumber'),
          files: await formFiles(form, rules),
        },
        key,
      );
      const location = new URL(`${base}/conversations/${result.conversation.number}`, request.url).href;
      return withConversation(201, result.conversation, {
        Location: location,
        ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
      });
    }),

    route('get', '/conversations/:number', ({ params, user }) => {
      const conversation = ctx.store.getConversation(user, messageNumberParam(params.number));
      return withConversation(200, conversation, {}, true);
    }),

    route('post', '/conversations/:number/messages', async ({ request, params, user }) => {
      const number = messageNumberParam(params.number);
      const key = request.headers.get('Idempotency-Key');
      if (!key?.trim()) throw new ProblemError(400, { detail: 'Idempotency-Key saknas.' });
      const form = await readForm(request);
      const result = ctx.store.reply(
        user,
        number,
        { body: formText(form, 'body') ?? '', files: await formFiles(form, rules) },
        key,
      );
      return withConversation(
        201,
        result.conversation,
        result.replayed ? { 'Idempotent-Replayed': 'true' } : {},
      );
    }),

    route('post', '/conversations/:number/claim', assignment('claim')),
    route('post', '/conversations/:number/release', assignment('release')),
    route('post', '/conversations/:number/take-over', assignment('takeOver')),
    route('post', '/conversations/:number/close', assignment('close')),

    route('get', '/conversations/:number/attachments/:attachmentId', ({ params, user }) => {
      const attachmentId = typeof params.attachmentId === 'string' ? params.attachmentId : '';
      const file = ctx.store.attachment(user, messageNumberParam(params.number), attachmentId);
      // Always a download: never rendered by the browser, never sniffed, sandboxed if opened anyway.
      const headers: Record<string, string> = {
        'Content-Type': 'application/octet-stream',
        'Content-Disposition': enforced('download.disposition')
          ? `attachment; filename*=UTF-8''${encodeRfc8187(file.name)}`
          : `inline; filename="${file.name.replace(/[^\x20-\x7e]|"/g, '_')}"`,
        'Content-Length': String(file.blob.size),
        ...NO_STORE,
      };
      if (enforced('download.nosniff')) headers['X-Content-Type-Options'] = 'nosniff';
      if (enforced('download.csp-sandbox')) headers['Content-Security-Policy'] = 'sandbox';
      if (!enforced('download.no-store')) headers['Cache-Control'] = 'private, max-age=3600';
      return new HttpResponse(file.blob, { status: 200, headers });
    }),

    // Anything else under the base path: a problem response, never the dev server's 404 page.
    http.all(`*${base}/*`, () =>
      problemResponse(problemDetails(404, { detail: 'Okänd resurs.' }), {}, problemType()),
    ),
  ];
}
