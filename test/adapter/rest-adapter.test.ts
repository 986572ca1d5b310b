import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { ConversationChange, SecureMessagesAdapter, UploadProgress } from '../../src/adapter/adapter.js';
import {
  AuthRequiredError,
  ConflictError,
  ForbiddenError,
  isAbortError,
  isAdapterError,
  NetworkError,
  NotFoundError,
  ServerError,
  TooLargeError,
  UnsupportedTypeError,
  ValidationError,
} from '../../src/adapter/errors.js';
import { createRestAdapter, type RestAdapterOptions } from '../../src/adapter/rest-adapter.js';
import { DEFAULT_FILTERS, type SearchQuery } from '../../src/domain/query.js';
import type { Conversation } from '../../src/domain/types.js';
import { COLLEAGUE, conversation, OFFICER } from '../fixtures.js';

const BASE = '/api/adapter-unit/v1';
const url = (path: string): string => `*${BASE}${path}`;

const worker = setupWorker();

/** A conversation as the server answers it: one message from a colleague, with an attachment. */
function answered(overrides: Partial<Conversation> = {}): Conversation {
  return conversation({
    number: '12345',
    subject: { id: 'lon', name: 'Anställning och lön' },
    status: 'sent',
    lastActivityAt: '2026-03-02T10:00:00Z',
    messages: [
      {
        id: 'm1',
        author: COLLEAGUE,
        sentAt: '2026-03-02T10:00:00Z',
        body: 'Hej',
        attachments: [{ id: 'a1', name: 'Årsbesked ö.pdf', size: 3, mimeType: 'application/pdf' }],
      },
    ],
    ...overrides,
  });
}

function conversationResponse(
  c: Conversation = answered(),
  status = 200,
  headers: Record<string, string> = {},
) {
  return HttpResponse.json(c, {
    status,
    headers: { ETag: `"${c.version}"`, 'Cache-Control': 'no-store', ...headers },
  });
}

function problem(status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  return new HttpResponse(JSON.stringify({ type: 'about:blank', title: 'Fel', status, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

const QUERY: SearchQuery = {
  filters: {
    ...DEFAULT_FILTERS,
    statuses: [...DEFAULT_FILTERS.statuses],
    text: '19121212-1212 Tolvan Tolvansson',
  },
  sort: { key: 'date', direction: 'desc' },
  page: 2,
  pageSize: 25,
};

function adapter(options: Partial<RestAdapterOptions> = {}): SecureMessagesAdapter {
  return createRestAdapter({ baseUrl: BASE, ...options });
}

const signal = (): AbortSignal => new AbortController().signal;
const sendOptions = (
  extra: Partial<{ onProgress: (p: UploadProgress) => void; signal: AbortSignal }> = {},
) => ({
  signal: extra.signal ?? signal(),
  idempotencyKey: 'key-1',
  ...(extra.onProgress ? { onProgress: extra.onProgress } : {}),
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  expect.fail('expected the call to reject');
  return undefined;
}

/** Every adapter operation, with the request it must make. */
interface OperationCase {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  write: boolean;
  respond: () => Response;
  call: (a: SecureMessagesAdapter, s: AbortSignal) => Promise<unknown>;
}

const json = (body: unknown) => () => HttpResponse.json(body as never);
const file = (name = 'bilaga.pdf', size = 3) =>
  new File([new Uint8Array(size).fill(66)], name, { type: 'application/pdf' });

const OPERATIONS: OperationCase[] = [
  {
    name: 'getCurrentUser',
    method: 'GET',
    path: '/me',
    write: false,
    respond: json({
      ...COLLEAGUE,
      organisation: null,
      capabilities: { canClose: false, canAssign: true, canChooseOrganisation: false },
    }),
    call: (a, s) => a.getCurrentUser(s),
  },
  {
    name: 'getSubjects',
    method: 'GET',
    path: '/subjects',
    write: false,
    respond: json([{ id: 'x', name: 'X' }]),
    call: (a, s) => a.getSubjects(s),
  },
  {
    name: 'getOrganisations',
    method: 'GET',
    path: '/organisations',
    write: false,
    respond: json([]),
    call: (a, s) => a.getOrganisations(s),
  },
  {
    name: 'getServerConfig',
    method: 'GET',
    path: '/config',
    write: false,
    respond: json({
      attachments: { maxBytes: 10, maxFiles: 1, allowedTypes: [] },
      messageMaxLength: 100,
      expectedReplyWorkingDays: 3,
    }),
    call: (a, s) => a.getServerConfig(s),
  },
  {
    name: 'searchConversations',
    method: 'POST',
    path: '/conversations/search',
    write: false,
    respond: json({ items: [], total: 0, page: 2, pageSize: 25 }),
    call: (a, s) => a.searchConversations(QUERY, s),
  },
  {
    name: 'getConversation',
    method: 'GET',
    path: '/conversations/12345',
    write: false,
    respond: () => conversationResponse(),
    call: (a, s) => a.getConversation('12345', s),
  },
  {
    name: 'createConversation',
    method: 'POST',
    path: '/conversations',
    write: true,
    respond: () => conversationResponse(answered(), 201),
    call: (a, s) =>
      a.createConversation({ subjectId: 'lon', body: 'Hej', files: [] }, { signal: s, idempotencyKey: 'k' }),
  },
  {
    name: 'reply',
    method: 'POST',
    path: '/conversations/12345/messages',
    write: true,
    respond: () => conversationResponse(answered(), 201),
    call: (a, s) => a.reply('12345', { body: 'Svar', files: [] }, { signal: s, idempotencyKey: 'k' }),
  },
  {
    name: 'claim',
    method: 'POST',
    path: '/conversations/12345/claim',
    write: true,
    respond: () => conversationResponse(),
    call: (a, s) => a.claim('12345', 'v1', s),
  },
  {
    name: 'release',
    method: 'POST',
    path: '/conversations/12345/release',
    write: true,
    respond: () => conversationResponse(),
    call: (a, s) => a.release('12345', 'v1', s),
  },
  {
    name: 'takeOver',
    method: 'POST',
    path: '/conversations/12345/take-over',
    write: true,
    respond: () => conversationResponse(),
    call: (a, s) => a.takeOver('12345', 'v1', s),
  },
  {
    name: 'close',
    method: 'POST',
    path: '/conversations/12345/close',
    write: true,
    respond: () => conversationResponse(),
    call: (a, s) => a.close('12345', 'v1', s),
  },
  {
    name: 'getNoticeCount',
    method: 'GET',
    path: '/notices/count',
    write: false,
    respond: json({ count: 4 }),
    call: (a, s) => a.getNoticeCount(s),
  },
  {
    name: 'downloadAttachment',
    method: 'GET',
    path: '/conversations/12345/attachments/a1',
    write: false,
    respond: () =>
      new HttpResponse(new Uint8Array([1, 2, 3]), {
        headers: { 'Content-Type': 'application/octet-stream' },
      }),
    call: (a, s) => a.downloadAttachment('12345', 'a1', s),
  },
];

function handle(op: OperationCase, resolver: (request: Request) => Response | Promise<Response>) {
  const method = op.method === 'GET' ? http.get : http.post;
  return method(url(op.path), ({ request }) => resolver(request));
}

describe('REST adapter', () => {
  before(async () => {
    await worker.start({
      serviceWorker: { url: '/mockServiceWorker.js' },
      quiet: true,
      onUnhandledRequest: 'bypass',
    });
  });
  afterEach(() => worker.resetHandlers());
  after(() => worker.stop());

  describe('every request', () => {
    for (const op of OPERATIONS) {
      it(`${op.name}: ${op.method} ${op.path}, cache no-store, same-origin credentials, headers hook`, async () => {
        const seen: Request[] = [];
        worker.use(
          handle(op, (request) => {
            seen.push(request.clone());
            return op.respond();
          }),
        );
        let hookCalls = 0;
        const a = adapter({
          headers: () => {
            hookCalls++;
            return { 'X-CSRF-Token': `token-${hookCalls}` };
          },
        });
        await op.call(a, signal());
        await op.call(a, signal());
        expect(seen).to.have.length(2);
        const request = seen[0];
        expect(request.method).to.equal(op.method);
        expect(new URL(request.url).pathname).to.equal(`${BASE}${op.path}`);
        expect(new URL(request.url).search).to.equal('');
        expect(request.cache).to.equal('no-store');
        expect(request.credentials).to.equal('same-origin');
        expect(request.headers.get('Accept')).to.contain('application/json');
        expect(hookCalls).to.equal(2);
        expect(seen.map((r) => r.headers.get('X-CSRF-Token'))).to.deep.equal(['token-1', 'token-2']);
      });
    }

    it('passes credentials and cache through a custom fetch', async () => {
      const inits: RequestInit[] = [];
      const a = adapter({
        credentials: 'include',
        fetch: (_input, init) => {
          inits.push(init ?? {});
          return Promise.resolve(HttpResponse.json({ count: 1 }));
        },
      });
      expect(await a.getNoticeCount(signal())).to.equal(1);
      expect(inits[0].credentials).to.equal('include');
      expect(inits[0].cache).to.equal('no-store');
      expect(inits[0].signal).to.be.instanceOf(AbortSignal);
    });

    it('an API on another origin: the default cache mode, so the browser reuses its CORS preflight', async () => {
      const inits: RequestInit[] = [];
      const a = createRestAdapter({
        baseUrl: 'https://api.example/v1',
        fetch: (_input, init) => {
          inits.push(init ?? {});
          return Promise.resolve(HttpResponse.json({ count: 1 }));
        },
      });
      expect(await a.getNoticeCount(signal())).to.equal(1);
      expect(inits[0].cache).to.equal('default');
    });

    it('accepts an absolute base URL with a trailing slash and an async headers hook', async () => {
      let token: string | null = null;
      worker.use(
        http.get(url('/notices/count'), ({ request }) => {
          token = request.headers.get('X-CSRF-Token');
          return HttpResponse.json({ count: 2 });
        }),
      );
      const a = createRestAdapter({
        baseUrl: `${location.origin}${BASE}/`,
        headers: async () => ({ 'X-CSRF-Token': 'async' }),
      });
      expect(await a.getNoticeCount(signal())).to.equal(2);
      expect(token).to.equal('async');
    });

    it('protocol headers win over the headers hook', async () => {
      let ifMatch: string | null = null;
      worker.use(
        http.post(url('/conversations/12345/claim'), ({ request }) => {
          ifMatch = request.headers.get('If-Match');
          return conversationResponse();
        }),
      );
      await adapter({ headers: () => ({ 'If-Match': '"evil"' }) }).claim('12345', 'v1', signal());
      expect(ifMatch).to.equal('"v1"');
    });
  });

  describe('search', () => {
    it('POSTs the query as JSON and never puts the search text in the URL', async () => {
      let request: Request | undefined;
      let body: unknown;
      worker.use(
        http.post(url('/conversations/search'), async ({ request: r }) => {
          request = r;
          body = await r.json();
          return HttpResponse.json({ items: [], total: 0, page: 2, pageSize: 25 });
        }),
      );
      const result = await adapter().searchConversations(QUERY, signal());
      expect(result.total).to.equal(0);
      expect(request?.method).to.equal('POST');
      expect(request?.headers.get('Content-Type')).to.equal('application/json');
      const target = decodeURIComponent(request?.url ?? '');
      expect(target).not.to.contain('19121212');
      expect(target).not.to.contain('Tolvan');
      expect(target).not.to.contain('?');
      expect(body).to.deep.equal(QUERY);
    });
  });

  describe('sending messages', () => {
    it('createConversation sends multipart fields, files and the Idempotency-Key', async () => {
      let key: string | null = null;
      let form: FormData | undefined;
      worker.use(
        http.post(url('/conversations'), async ({ request }) => {
          key = request.headers.get('Idempotency-Key');
          expect(request.headers.get('Content-Type')).to.match(/^multipart\/form-data; boundary=/);
          form = await request.formData();
          return conversationResponse(answered(), 201);
        }),
      );
      await adapter().createConversation(
        {
          subjectId: 'lon',
          body: 'Rad 1\nRad 2 åäö',
          files: [file('a.pdf', 3), file('b.pdf', 5)],
          organisationCustomerNumber: '0000',
        },
        { signal: signal(), idempotencyKey: 'draft-42' },
      );
      expect(key).to.equal('draft-42');
      expect(form?.get('subjectId')).to.equal('lon');
      // multipart/form-data encoding turns line breaks into CRLF (HTML spec); the server normalises.
      expect((form?.get('body') as string).replace(/\r\n/g, '\n')).to.equal('Rad 1\nRad 2 åäö');
      expect(form?.get('organisationCustomerNumber')).to.equal('0000');
      const files = (form?.getAll('files') ?? []) as File[];
      expect(files.map((f) => [f.name, f.size])).to.deep.equal([
        ['a.pdf', 3],
        ['b.pdf', 5],
      ]);
    });

    it('createConversation leaves out organisationCustomerNumber when not given', async () => {
      let form: FormData | undefined;
      worker.use(
        http.post(url('/conversations'), async ({ request }) => {
          form = await request.formData();
          return conversationResponse(answered(), 201);
        }),
      );
      await adapter().createConversation(
        { subjectId: 'lon', body: 'Hej', files: [] },
        { signal: signal(), idempotencyKey: 'k' },
      );
      expect(form?.has('organisationCustomerNumber')).to.equal(false);
      expect(form?.getAll('files')).to.have.length(0);
    });

    for (const withProgress of [false, true]) {
      it(`reply sends body, files and the Idempotency-Key (${withProgress ? 'XMLHttpRequest' : 'fetch'})`, async () => {
        let key: string | null = null;
        let form: FormData | undefined;
        worker.use(
          http.post(url('/conversations/12345/messages'), async ({ request }) => {
            key = request.headers.get('Idempotency-Key');
            form = await request.formData();
            return conversationResponse(answered({ version: 'v2' }), 201);
          }),
        );
        const result = await adapter().reply(
          '12345',
          { body: 'Svar', files: [file('lön.pdf', 4)] },
          { ...sendOptions(withProgress ? { onProgress: () => undefined } : {}), idempotencyKey: 'reply-7' },
        );
        expect(result.version).to.equal('v2');
        expect(key).to.equal('reply-7');
        expect(form?.get('body')).to.equal('Svar');
        expect(((form?.getAll('files') ?? []) as File[]).map((f) => f.name)).to.deep.equal(['lön.pdf']);
      });
    }

    it('reports upload progress with loaded/total for a larger file (XMLHttpRequest)', async () => {
      const size = 3 * 1024 * 1024;
      let received = 0;
      worker.use(
        http.post(url('/conversations'), async ({ request }) => {
          received = ((await request.formData()).get('files') as File).size;
          return conversationResponse(answered(), 201);
        }),
      );
      const events: UploadProgress[] = [];
      await adapter().createConversation(
        { subjectId: 'lon', body: 'Stor fil', files: [file('stor.pdf', size)] },
        sendOptions({ onProgress: (p) => events.push(p) }),
      );
      expect(received).to.equal(size);
      expect(events.length).to.be.at.least(2);
      expect(events[0].loaded).to.equal(0);
      const last = events[events.length - 1];
      expect(last.total).to.be.at.least(size);
      expect(last.loaded).to.equal(last.total);
      for (const e of events) expect(e.loaded).to.be.at.most(e.total);
    });

    it('passes the upload progress events of XMLHttpRequest on', async () => {
      // Requests answered by the service worker fire no upload `progress` events in Chromium, so
      // the events a real network upload fires are dispatched here by hand.
      worker.use(http.post(url('/conversations'), () => conversationResponse(answered(), 201)));
      const originalSend = XMLHttpRequest.prototype.send;
      XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body) {
        this.upload.dispatchEvent(
          new ProgressEvent('progress', { loaded: 400, total: 1000, lengthComputable: true }),
        );
        this.upload.dispatchEvent(
          new ProgressEvent('progress', { loaded: 700, total: 0, lengthComputable: false }),
        );
        return originalSend.call(this, body);
      };
      const events: UploadProgress[] = [];
      try {
        await adapter().createConversation(
          { subjectId: 'lon', body: 'Hej', files: [file('a.pdf', 1000)] },
          sendOptions({ onProgress: (p) => events.push(p) }),
        );
      } finally {
        XMLHttpRequest.prototype.send = originalSend;
      }
      expect(events.slice(0, 2)).to.deep.equal([
        { loaded: 400, total: 1000 },
        { loaded: 700, total: 0 },
      ]);
      expect(events[events.length - 1].loaded).to.equal(events[events.length - 1].total);
    });

    it('sends with XMLHttpRequest with the headers hook and withCredentials for include', async () => {
      let token: string | null = null;
      worker.use(
        http.post(url('/conversations/12345/messages'), ({ request }) => {
          token = request.headers.get('X-CSRF-Token');
          return conversationResponse(answered(), 201);
        }),
      );
      const opened: XMLHttpRequest[] = [];
      const originalSend = XMLHttpRequest.prototype.send;
      XMLHttpRequest.prototype.send = function (this: XMLHttpRequest, body) {
        opened.push(this);
        return originalSend.call(this, body);
      };
      try {
        await adapter({ credentials: 'include', headers: () => ({ 'X-CSRF-Token': 'x1' }) }).reply(
          '12345',
          { body: 'Svar', files: [] },
          sendOptions({ onProgress: () => undefined }),
        );
      } finally {
        XMLHttpRequest.prototype.send = originalSend;
      }
      expect(opened).to.have.length(1);
      expect(opened[0].withCredentials).to.equal(true);
      expect(token).to.equal('x1');
    });

    it("with credentials 'omit' sends through fetch and reports progress once when done", async () => {
      const inits: RequestInit[] = [];
      const events: UploadProgress[] = [];
      const a = adapter({
        credentials: 'omit',
        fetch: (_input, init) => {
          inits.push(init ?? {});
          return Promise.resolve(conversationResponse(answered(), 201));
        },
      });
      await a.reply(
        '12345',
        { body: 'Svar', files: [file('x.pdf', 10)] },
        sendOptions({ onProgress: (p) => events.push(p) }),
      );
      expect(inits[0].credentials).to.equal('omit');
      expect(events).to.deep.equal([{ loaded: 14, total: 14 }]);
    });

    it('a throwing progress callback does not fail the upload', async () => {
      worker.use(http.post(url('/conversations'), () => conversationResponse(answered(), 201)));
      const result = await adapter().createConversation(
        { subjectId: 'lon', body: 'Hej', files: [file('a.pdf', 1000)] },
        sendOptions({
          onProgress: () => {
            throw new Error('progress bar broke');
          },
        }),
      );
      expect(result.number).to.equal('12345');
    });
  });

  describe('versions', () => {
    const writes = [
      {
        name: 'claim',
        path: 'claim',
        call: (a: SecureMessagesAdapter, v: string) => a.claim('12345', v, signal()),
      },
      {
        name: 'release',
        path: 'release',
        call: (a: SecureMessagesAdapter, v: string) => a.release('12345', v, signal()),
      },
      {
        name: 'takeOver',
        path: 'take-over',
        call: (a: SecureMessagesAdapter, v: string) => a.takeOver('12345', v, signal()),
      },
      {
        name: 'close',
        path: 'close',
        call: (a: SecureMessagesAdapter, v: string) => a.close('12345', v, signal()),
      },
    ];
    for (const w of writes) {
      it(`${w.name} sends If-Match with the quoted version`, async () => {
        const seen: (string | null)[] = [];
        worker.use(
          http.post(url(`/conversations/12345/${w.path}`), ({ request }) => {
            seen.push(request.headers.get('If-Match'));
            return conversationResponse(answered({ version: 'v9' }));
          }),
        );
        const result = await w.call(adapter(), 'v8');
        await w.call(adapter(), '"v8"');
        expect(seen).to.deep.equal(['"v8"', '"v8"']);
        expect(result.version).to.equal('v9');
      });
    }

    it('takes the version from the ETag when it differs from the body', async () => {
      worker.use(
        http.get(url('/conversations/12345'), () =>
          HttpResponse.json(answered({ version: 'body-version' }), {
            headers: { ETag: 'W/"etag-version"' },
          }),
        ),
      );
      expect((await adapter().getConversation('12345', signal())).version).to.equal('etag-version');
    });

    it('keeps the body version when there is no ETag', async () => {
      worker.use(http.get(url('/conversations/12345'), () => HttpResponse.json(answered({ version: 'v5' }))));
      expect((await adapter().getConversation('12345', signal())).version).to.equal('v5');
    });

    it('encodes path parameters', async () => {
      let path = '';
      worker.use(
        http.get(url('/conversations/:number/attachments/:id'), ({ request }) => {
          path = new URL(request.url).pathname;
          return new HttpResponse('x');
        }),
      );
      await adapter().downloadAttachment('12345', 'a b/c', signal());
      expect(path).to.equal(`${BASE}/conversations/12345/attachments/a%20b%2Fc`);
    });
  });

  describe('error mapping', () => {
    const retryDate = () => new Date(Date.now() + 90_000).toUTCString();
    const cases: {
      name: string;
      response: () => Response;
      check: (error: unknown) => void;
    }[] = [
      {
        name: '401 → AuthRequiredError',
        response: () => problem(401),
        check: (e) => {
          expect(e).to.be.instanceOf(AuthRequiredError);
          expect((e as AuthRequiredError).status).to.equal(401);
          // The problem document's details; the message is for developers, the elements word the kind.
          expect((e as AuthRequiredError).problem).to.deep.equal({
            type: 'about:blank',
            title: 'Fel',
            status: 401,
          });
          expect((e as Error).message).to.equal(
            'HTTP 401: the session has ended; the user must sign in again.',
          );
        },
      },
      {
        name: '401 with an HTML body → AuthRequiredError',
        response: () =>
          new HttpResponse('<html>login</html>', { status: 401, headers: { 'Content-Type': 'text/html' } }),
        check: (e) => {
          expect(e).to.be.instanceOf(AuthRequiredError);
          expect((e as AuthRequiredError).problem).to.equal(undefined);
        },
      },
      {
        name: '403 → ForbiddenError',
        response: () => problem(403),
        check: (e) => expect(e).to.be.instanceOf(ForbiddenError),
      },
      {
        name: '404 → NotFoundError',
        response: () => problem(404),
        check: (e) => expect(e).to.be.instanceOf(NotFoundError),
      },
      {
        name: '409 → ConflictError with assignee and version',
        response: () => problem(409, { assignee: COLLEAGUE, version: 'v3' }),
        check: (e) => {
          expect(e).to.be.instanceOf(ConflictError);
          const c = e as ConflictError;
          expect(c.status).to.equal(409);
          expect(c.assignee).to.deep.equal(COLLEAGUE);
          expect(c.currentVersion).to.equal('v3');
          expect(c.problem?.status).to.equal(409);
        },
      },
      {
        name: '412 → ConflictError, no assignee, version from the ETag',
        response: () => problem(412, { assignee: null }, { ETag: '"v4"' }),
        check: (e) => {
          const c = e as ConflictError;
          expect(c).to.be.instanceOf(ConflictError);
          expect(c.status).to.equal(412);
          expect(c.assignee).to.equal(null);
          expect(c.currentVersion).to.equal('v4');
        },
      },
      {
        name: '409 with a malformed assignee → assignee null',
        response: () => problem(409, { assignee: { id: 7 } }),
        check: (e) => {
          expect((e as ConflictError).assignee).to.equal(null);
          expect((e as ConflictError).currentVersion).to.equal(null);
        },
      },
      {
        name: '422 → ValidationError with field errors',
        response: () =>
          problem(422, { errors: { body: 'Skriv ett meddelande.', files: 'Ogiltig fil.', bad: 3 } }),
        check: (e) => {
          expect(e).to.be.instanceOf(ValidationError);
          expect((e as ValidationError).status).to.equal(422);
          expect((e as ValidationError).fieldErrors).to.deep.equal({
            body: 'Skriv ett meddelande.',
            files: 'Ogiltig fil.',
          });
        },
      },
      {
        name: '400 → ValidationError (status 400)',
        response: () => problem(400, { detail: 'Idempotency-Key saknas.' }),
        check: (e) => {
          expect(e).to.be.instanceOf(ValidationError);
          expect((e as ValidationError).status).to.equal(400);
          expect((e as ValidationError).fieldErrors).to.deep.equal({});
          expect((e as ValidationError).problem?.detail).to.equal('Idempotency-Key saknas.');
        },
      },
      {
        name: '413 → TooLargeError with maxBytes',
        response: () => problem(413, { maxBytes: 10_485_760 }),
        check: (e) => {
          expect(e).to.be.instanceOf(TooLargeError);
          expect((e as TooLargeError).maxBytes).to.equal(10_485_760);
        },
      },
      {
        name: '413 without a body → TooLargeError, maxBytes null',
        response: () => new HttpResponse(null, { status: 413 }),
        check: (e) => expect((e as TooLargeError).maxBytes).to.equal(null),
      },
      {
        name: '415 → UnsupportedTypeError',
        response: () => problem(415),
        check: (e) => expect(e).to.be.instanceOf(UnsupportedTypeError),
      },
      {
        name: '500 with a non-JSON body → ServerError',
        response: () =>
          new HttpResponse('Internal Server Error', {
            status: 500,
            headers: { 'Content-Type': 'text/plain' },
          }),
        check: (e) => {
          expect(e).to.be.instanceOf(ServerError);
          expect((e as ServerError).status).to.equal(500);
          expect((e as ServerError).retryAfterSeconds).to.equal(null);
        },
      },
      {
        name: '503 with Retry-After in seconds',
        response: () => problem(503, {}, { 'Retry-After': '120' }),
        check: (e) => {
          expect(e).to.be.instanceOf(ServerError);
          expect((e as ServerError).status).to.equal(503);
          expect((e as ServerError).retryAfterSeconds).to.equal(120);
        },
      },
      {
        name: '502 with Retry-After as an HTTP date',
        response: () => problem(502, {}, { 'Retry-After': retryDate() }),
        check: (e) => {
          expect((e as ServerError).retryAfterSeconds).to.be.within(85, 91);
        },
      },
      {
        name: '429 → ServerError with Retry-After',
        response: () => problem(429, {}, { 'Retry-After': '3' }),
        check: (e) => expect((e as ServerError).retryAfterSeconds).to.equal(3),
      },
      {
        name: '428 (unexpected) → ServerError',
        response: () => problem(428),
        check: (e) => expect((e as ServerError).status).to.equal(428),
      },
      {
        name: '200 with a non-JSON body → ServerError',
        response: () =>
          new HttpResponse('<html>portal</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }),
        check: (e) => {
          expect(e).to.be.instanceOf(ServerError);
          expect((e as ServerError).status).to.equal(200);
          expect((e as ServerError).problem).to.equal(undefined);
          expect((e as Error).message).to.equal(
            'HTTP 200: the response body is not what the contract describes.',
          );
        },
      },
      {
        name: '200 with JSON of the wrong shape → ServerError',
        response: () => HttpResponse.json({ number: 12345 }),
        check: (e) => expect(e).to.be.instanceOf(ServerError),
      },
      {
        name: 'a network error → NetworkError, outcome known for a read',
        response: () => HttpResponse.error(),
        check: (e) => {
          expect(e).to.be.instanceOf(NetworkError);
          expect((e as NetworkError).outcomeUnknown).to.equal(false);
          expect((e as Error).message).to.equal(
            'The request got no answer (offline, or the connection failed).',
          );
        },
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        worker.use(http.get(url('/conversations/12345'), () => c.response()));
        const error = await rejection(adapter().getConversation('12345', signal()));
        expect(isAdapterError(error), String(error)).to.equal(true);
        c.check(error);
      });
    }

    for (const op of OPERATIONS) {
      it(`${op.name}: a network error → NetworkError with outcomeUnknown ${op.write}`, async () => {
        worker.use(handle(op, () => HttpResponse.error()));
        const error = await rejection(op.call(adapter(), signal()));
        expect(error).to.be.instanceOf(NetworkError);
        expect((error as NetworkError).outcomeUnknown).to.equal(op.write);
      });

      it(`${op.name}: 503 → ServerError`, async () => {
        worker.use(handle(op, () => problem(503, {}, { 'Retry-After': '5' })));
        const error = await rejection(op.call(adapter(), signal()));
        expect(error).to.be.instanceOf(ServerError);
        expect((error as ServerError).retryAfterSeconds).to.equal(5);
      });
    }

    it('a fetch that throws TypeError → NetworkError with the cause', async () => {
      const cause = new TypeError('Failed to fetch');
      const error = await rejection(
        adapter({ fetch: () => Promise.reject(cause) }).claim('12345', 'v1', signal()),
      );
      expect(error).to.be.instanceOf(NetworkError);
      expect((error as NetworkError).outcomeUnknown).to.equal(true);
      expect((error as Error).cause).to.equal(cause);
    });

    const xhrCases: {
      name: string;
      response: () => Response;
      type: new (...args: never[]) => Error;
      outcomeUnknown?: boolean;
    }[] = [
      {
        name: 'network error',
        response: () => HttpResponse.error(),
        type: NetworkError,
        outcomeUnknown: true,
      },
      { name: '413', response: () => problem(413, { maxBytes: 100 }), type: TooLargeError },
      { name: '415', response: () => problem(415), type: UnsupportedTypeError },
      {
        name: '422',
        response: () => problem(422, { errors: { idempotencyKey: 'Annat innehåll.' } }),
        type: ValidationError,
      },
      { name: '500 non-JSON', response: () => new HttpResponse('oops', { status: 500 }), type: ServerError },
      { name: '201 non-JSON', response: () => new HttpResponse('oops', { status: 201 }), type: ServerError },
    ];
    for (const c of xhrCases) {
      it(`with upload progress (XMLHttpRequest): ${c.name} → ${c.type.name}`, async () => {
        worker.use(http.post(url('/conversations'), () => c.response()));
        const error = await rejection(
          adapter().createConversation(
            { subjectId: 'lon', body: 'Hej', files: [file()] },
            sendOptions({ onProgress: () => undefined }),
          ),
        );
        expect(error).to.be.instanceOf(c.type);
        if (c.outcomeUnknown !== undefined)
          expect((error as NetworkError).outcomeUnknown).to.equal(c.outcomeUnknown);
      });
    }
  });

  describe('aborting', () => {
    for (const op of OPERATIONS) {
      it(`${op.name}: an already aborted signal rejects with AbortError and sends nothing`, async () => {
        let requests = 0;
        worker.use(
          handle(op, () => {
            requests++;
            return op.respond();
          }),
        );
        const controller = new AbortController();
        controller.abort();
        const error = await rejection(op.call(adapter(), controller.signal));
        expect(isAbortError(error)).to.equal(true);
        expect(isAdapterError(error)).to.equal(false);
        expect(requests).to.equal(0);
      });

      it(`${op.name}: aborting during the request rejects with AbortError`, async () => {
        let arrived!: () => void;
        const started = new Promise<void>((resolve) => (arrived = resolve));
        worker.use(
          handle(op, async () => {
            arrived();
            await delay('infinite');
            return op.respond();
          }),
        );
        const controller = new AbortController();
        const pending = op.call(adapter(), controller.signal);
        await started;
        controller.abort();
        const error = await rejection(pending);
        expect(isAbortError(error), String(error)).to.equal(true);
      });
    }

    it('rejects with a custom abort reason as is', async () => {
      const reason = new DOMException('Ny sökning', 'AbortError');
      const controller = new AbortController();
      controller.abort(reason);
      expect(await rejection(adapter().getSubjects(controller.signal))).to.equal(reason);
    });

    it('aborting an XMLHttpRequest upload rejects with AbortError', async () => {
      let arrived!: () => void;
      const started = new Promise<void>((resolve) => (arrived = resolve));
      worker.use(
        http.post(url('/conversations'), async () => {
          arrived();
          await delay('infinite');
          return conversationResponse(answered(), 201);
        }),
      );
      const controller = new AbortController();
      const pending = adapter().createConversation(
        { subjectId: 'lon', body: 'Hej', files: [file()] },
        sendOptions({ signal: controller.signal, onProgress: () => undefined }),
      );
      await started;
      controller.abort();
      const error = await rejection(pending);
      expect(isAbortError(error), String(error)).to.equal(true);
    });

    it('an abort that races a failing response still rejects with AbortError, not a typed error', async () => {
      const controller = new AbortController();
      const a = adapter({
        fetch: () => {
          controller.abort();
          return Promise.resolve(problem(500));
        },
      });
      const error = await rejection(a.getNoticeCount(controller.signal));
      expect(isAbortError(error)).to.equal(true);
    });
  });

  describe('aborting a write that succeeded', () => {
    it('notifies (the change happened) and rejects with AbortError', async () => {
      const controller = new AbortController();
      const a = adapter({
        fetch: () => {
          controller.abort();
          return Promise.resolve(conversationResponse());
        },
      });
      const changes: ConversationChange[] = [];
      a.subscribe((c) => changes.push(c));
      const error = await rejection(a.claim('12345', 'v1', controller.signal));
      expect(isAbortError(error)).to.equal(true);
      expect(changes).to.deep.equal([{ type: 'claimed', number: '12345' }]);
    });
  });

  describe('downloadAttachment', () => {
    it('returns the bytes and the name from Content-Disposition filename* (åäö)', async () => {
      worker.use(
        http.get(
          url('/conversations/12345/attachments/a1'),
          () =>
            new HttpResponse(new Uint8Array([1, 2, 3, 4]), {
              headers: {
                'Content-Type': 'application/octet-stream',
                'Content-Disposition':
                  "attachment; filename*=UTF-8''L%C3%B6nespecifikation%20%C3%A5%C3%A4%C3%B6%20%C3%85%C3%84%C3%96.pdf",
              },
            }),
        ),
      );
      const result = await adapter().downloadAttachment('12345', 'a1', signal());
      expect(result.name).to.equal('Lönespecifikation åäö ÅÄÖ.pdf');
      expect([...new Uint8Array(await result.blob.arrayBuffer())]).to.deep.equal([1, 2, 3, 4]);
    });

    it('falls back to the attachment name the adapter has seen, then to the id', async () => {
      worker.use(
        http.get(url('/conversations/12345'), () => conversationResponse()),
        http.get(url('/conversations/12345/attachments/:id'), () => new HttpResponse(new Uint8Array([9]))),
      );
      const a = adapter();
      expect((await a.downloadAttachment('12345', 'a1', signal())).name).to.equal('a1');
      await a.getConversation('12345', signal());
      expect((await a.downloadAttachment('12345', 'a1', signal())).name).to.equal('Årsbesked ö.pdf');
    });

    it('maps 404 to NotFoundError', async () => {
      worker.use(http.get(url('/conversations/12345/attachments/a1'), () => problem(404)));
      expect(await rejection(adapter().downloadAttachment('12345', 'a1', signal()))).to.be.instanceOf(
        NotFoundError,
      );
    });
  });

  describe('change notifications', () => {
    const writes: { op: string; type: ConversationChange['type'] }[] = [
      { op: 'createConversation', type: 'created' },
      { op: 'reply', type: 'replied' },
      { op: 'claim', type: 'claimed' },
      { op: 'release', type: 'released' },
      { op: 'takeOver', type: 'taken-over' },
      { op: 'close', type: 'closed' },
    ];
    for (const w of writes) {
      const op = OPERATIONS.find((o) => o.name === w.op);
      if (!op) throw new Error(w.op);
      it(`${w.op} notifies '${w.type}' after success, and not after a failure`, async () => {
        const a = adapter();
        const changes: ConversationChange[] = [];
        a.subscribe((c) => changes.push(c));
        worker.use(handle(op, () => problem(409, { assignee: OFFICER })));
        await rejection(op.call(a, signal()));
        expect(changes).to.deep.equal([]);
        worker.resetHandlers();
        worker.use(handle(op, () => op.respond()));
        await op.call(a, signal());
        expect(changes).to.deep.equal([{ type: w.type, number: '12345' }]);
      });
    }

    it('reads do not notify', async () => {
      const a = adapter();
      let count = 0;
      a.subscribe(() => count++);
      for (const op of OPERATIONS.filter((o) => !o.write)) {
        worker.use(handle(op, () => op.respond()));
        await op.call(a, signal());
      }
      expect(count).to.equal(0);
    });

    it('an idempotent replay notifies too', async () => {
      worker.use(
        http.post(url('/conversations'), () =>
          conversationResponse(answered(), 201, { 'Idempotent-Replayed': 'true' }),
        ),
      );
      const a = adapter();
      const changes: ConversationChange[] = [];
      a.subscribe((c) => changes.push(c));
      const c = await a.createConversation({ subjectId: 'lon', body: 'Hej', files: [] }, sendOptions());
      expect(c.number).to.equal('12345');
      expect(changes).to.deep.equal([{ type: 'created', number: '12345' }]);
    });

    it('a throwing listener does not break the write, and unsubscribing works', async () => {
      worker.use(http.post(url('/conversations/12345/claim'), () => conversationResponse()));
      const original = console.error;
      let logged = 0;
      console.error = () => {
        logged++;
      };
      const a = adapter();
      const seen: string[] = [];
      a.subscribe(() => {
        throw new Error('listener bug');
      });
      const off = a.subscribe((c) => seen.push(c.type));
      try {
        const result = await a.claim('12345', 'v1', signal());
        expect(result.number).to.equal('12345');
        off();
        await a.claim('12345', 'v1', signal());
      } finally {
        console.error = original;
      }
      expect(seen).to.deep.equal(['claimed']);
      expect(logged).to.equal(2);
    });

    it('adapters sharing a hub see each other’s changes', async () => {
      worker.use(http.post(url('/conversations/12345/close'), () => conversationResponse()));
      const first = createRestAdapter({ baseUrl: BASE });
      const second = createRestAdapter({ baseUrl: BASE, changes: first.changes });
      const seen: string[] = [];
      first.subscribe((c) => seen.push(c.type));
      await second.close('12345', 'v1', signal());
      expect(seen).to.deep.equal(['closed']);
    });
  });
});
