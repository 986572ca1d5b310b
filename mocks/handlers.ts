/**
 * MSW request handlers implementing the HTTP contract (api/openapi.yaml) over the mock store.
 * Paths are matched as `*${basePath}/...`, so they work with any origin. Every response carries
 * `Cache-Control: no-store`; errors are `application/problem+json`.
 */
import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import type { User } from '../src/domain/types.js';
import type { Fault, MockFaultController } from './faults.js';
import { problemDetails, ProblemError, type ProblemDetails } from './problem.js';
import { versionOf, type MockStore, type UploadedFile } from './store.js';

export interface HandlerContext {
  readonly basePath: string;
  /** The current store (replaced on every reset). */
  readonly store: MockStore;
  readonly faults: MockFaultController;
  currentUser(): User;
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

function problemResponse(problem: ProblemDetails, headers: Readonly<Record<string, string>> = {}): Response {
  return new HttpResponse(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', ...NO_STORE, ...headers },
  });
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

function formFiles(form: FormData): UploadedFile[] {
  return form.getAll('files').map((entry) => {
    if (typeof entry === 'string') {
      throw new ProblemError(422, { detail: 'Ogiltig fil.', errors: { files: 'Ogiltig fil.' } });
    }
    return { name: entry.name, size: entry.size, type: entry.type, data: entry };
  });
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

  const run = async (
    resolve: Resolve,
    request: Request,
    params: Record<string, string | readonly string[] | undefined>,
  ) => {
    try {
      return await resolve({ request, params, user: ctx.currentUser() });
    } catch (error) {
      if (error instanceof ProblemError) return problemResponse(error.problem, error.headers);
      return problemResponse(problemDetails(500, { detail: 'Oväntat fel i mockservern.' }));
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
        }
      }
      return run(resolve, request, params);
    });

  const withConversation = (
    status: number,
    conversation: { version: string },
    headers: Record<string, string> = {},
  ) => json(conversation, status, { ETag: etag(conversation.version), ...headers });

  const assignment =
    (action: 'claim' | 'release' | 'takeOver' | 'close'): Resolve =>
    ({ request, params, user }) => {
      const number = messageNumberParam(params.number);
      const conversation = ctx.store[action](user, number, request.headers.get('If-Match'));
      return withConversation(200, conversation);
    };

  return [
    route('get', '/me', ({ user }) => json(user)),
    route('get', '/subjects', () => json(ctx.store.subjects)),
    route('get', '/organisations', ({ user }) => json(ctx.store.organisationsFor(user))),
    route('get', '/config', () => json(ctx.store.config)),
    route('get', '/notices/count', ({ user }) => json({ count: ctx.store.noticeCount(user) })),

    route('post', '/conversations/search', async ({ request, user }) => {
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
          files: formFiles(form),
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
      return withConversation(200, conversation);
    }),

    route('post', '/conversations/:number/messages', async ({ request, params, user }) => {
      const number = messageNumberParam(params.number);
      const key = request.headers.get('Idempotency-Key');
      if (!key?.trim()) throw new ProblemError(400, { detail: 'Idempotency-Key saknas.' });
      const form = await readForm(request);
      const result = ctx.store.reply(
        user,
        number,
        { body: formText(form, 'body') ?? '', files: formFiles(form) },
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
      return new HttpResponse(file.blob, {
        status: 200,
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Disposition': `attachment; filename*=UTF-8''${encodeRfc8187(file.name)}`,
          'Content-Length': String(file.blob.size),
          'X-Content-Type-Options': 'nosniff',
          ...NO_STORE,
        },
      });
    }),

    // Anything else under the base path: a problem response, never the dev server's 404 page.
    http.all(`*${base}/*`, () => problemResponse(problemDetails(404, { detail: 'Okänd resurs.' }))),
  ];
}
