import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import { DEFAULT_FILTERS, DEFAULT_SORT } from '../../src/domain/query.js';
import type { Conversation } from '../../src/domain/types.js';
import { createMockBackend, MOCK_USER_IDS, startMockWorker, type MockBackend } from '../../mocks/index.js';
import { NOW } from './helpers.js';
import { sampleFile } from '../../mocks/sample-files.js';

const BASE = '/api/secure-messages/v1';
const url = (path: string) => `${BASE}${path}`;

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  errors?: Record<string, string>;
  assignee?: { id: string } | null;
  version?: string;
  maxBytes?: number;
}

async function problemOf(response: Response, status: number): Promise<ProblemBody> {
  expect(response.status).to.equal(status);
  expect(response.headers.get('Content-Type')).to.match(/^application\/problem\+json/);
  expect(response.headers.get('Cache-Control')).to.equal('no-store');
  const body = (await response.json()) as ProblemBody;
  expect(body.status).to.equal(status);
  expect(body.type).to.be.a('string').that.has.length.greaterThan(0);
  expect(body.title).to.be.a('string').that.has.length.greaterThan(0);
  return body;
}

async function ok<T>(response: Response, status = 200): Promise<T> {
  expect(response.status, await response.clone().text()).to.equal(status);
  expect(response.headers.get('Cache-Control')).to.equal('no-store');
  expect(response.headers.get('Access-Control-Expose-Headers')).to.include('Idempotent-Replayed');
  return (await response.json()) as T;
}

function form(fields: Record<string, string>, files: File[] = []): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  for (const f of files) data.append('files', f);
  return data;
}

function send(path: string, data: FormData, key: string | null = crypto.randomUUID()): Promise<Response> {
  return fetch(url(path), {
    method: 'POST',
    body: data,
    headers: key === null ? {} : { 'Idempotency-Key': key },
  });
}

function write(path: string, ifMatch: string | null): Promise<Response> {
  return fetch(url(path), { method: 'POST', headers: ifMatch === null ? {} : { 'If-Match': ifMatch } });
}

function search(body: unknown): Promise<Response> {
  return fetch(url('/conversations/search'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const QUERY = { filters: { ...DEFAULT_FILTERS }, sort: { ...DEFAULT_SORT }, page: 1, pageSize: 25 };

describe('mock handlers (through the service worker)', () => {
  let backend: MockBackend;
  let worker: SetupWorker;

  before(async () => {
    backend = createMockBackend({ seed: 5, size: 120, now: NOW });
    worker = await startMockWorker(backend, { quiet: true });
  });
  beforeEach(() => backend.reset());
  after(() => worker.stop());

  async function createOne(
    body = 'Hej! Gäller 196005272809.',
  ): Promise<{ conversation: Conversation; response: Response }> {
    const response = await send('/conversations', form({ subjectId: 'berakning', body }));
    const conversation = await ok<Conversation>(response, 201);
    return { conversation, response };
  }

  describe('reading', () => {
    it('GET /me answers the current user and follows switches', async () => {
      expect(await ok(await fetch(url('/me')))).to.include({
        id: 'NAEF00',
        name: 'Namn Efternamn',
        side: 'employer',
      });
      backend.setCurrentUser('kpah01');
      const officer = await ok<{ id: string; capabilities: { canClose: boolean } }>(await fetch(url('/me')));
      expect(officer.id).to.equal('KPAH01');
      expect(officer.capabilities.canClose).to.equal(true);
    });

    it('GET /subjects answers the six subjects', async () => {
      const subjects = await ok<{ id: string; name: string }[]>(await fetch(url('/subjects')));
      expect(subjects.map((s) => s.name)).to.deep.equal([
        'Anställning och lön',
        'Beräkning',
        'Utbetalning',
        'Övrigt',
        'Ekonomi och fakturor',
        'Rapportering',
      ]);
    });

    it('GET /organisations is empty for employer users and full for KPA staff', async () => {
      expect(await ok(await fetch(url('/organisations')))).to.deep.equal([]);
      backend.setCurrentUser(MOCK_USER_IDS.officer);
      const organisations = await ok<{ customerNumber: string }[]>(await fetch(url('/organisations')));
      expect(organisations.map((o) => o.customerNumber)).to.include('0000');
      expect(organisations.length).to.be.greaterThan(5);
    });

    it('GET /config answers the attachment rules and limits', async () => {
      const config = await ok<{
        attachments: { maxBytes: number; maxFiles: number; allowedTypes: { extension: string }[] };
        messageMaxLength: number;
        expectedReplyWorkingDays: number;
      }>(await fetch(url('/config')));
      expect(config.attachments.maxBytes).to.equal(10 * 1024 * 1024);
      expect(config.attachments.maxFiles).to.equal(1);
      expect(config.attachments.allowedTypes.map((t) => t.extension)).to.deep.equal([
        'pdf',
        'jpg',
        'jpeg',
        'png',
        'docx',
        'xlsx',
        'txt',
        'csv',
      ]);
      expect(config.messageMaxLength).to.equal(5000);
      expect(config.expectedReplyWorkingDays).to.equal(3);
    });

    it('GET /notices/count counts per side', async () => {
      const employer = await ok<{ count: number }>(await fetch(url('/notices/count')));
      expect(employer.count).to.equal(backend.store.noticeCount(backend.currentUser()));
      expect(employer.count).to.be.greaterThan(0);
    });

    it('POST /conversations/search answers a page', async () => {
      const result = await ok<{
        items: { number: string; status: string }[];
        total: number;
        page: number;
        pageSize: number;
      }>(await search(QUERY));
      expect(result.page).to.equal(1);
      expect(result.pageSize).to.equal(25);
      expect(result.items.length).to.equal(Math.min(25, result.total));
      expect(result.items.every((s) => s.status !== 'closed')).to.equal(true);
    });

    it('POST /conversations/search: 422 per field, 400 for a body that is not JSON', async () => {
      const problem = await problemOf(
        await search({
          ...QUERY,
          page: 0,
          pageSize: 7,
          sort: { key: 'x', direction: 'asc' },
          filters: { ...QUERY.filters, messageNumber: '12', assigneeId: '1' },
        }),
        422,
      );
      expect(Object.keys(problem.errors ?? {}).sort()).to.deep.equal([
        'assigneeId',
        'messageNumber',
        'page',
        'pageSize',
        'sort',
      ]);
      await problemOf(await search('{not json'), 400);
    });

    it('GET /conversations/{number} answers the conversation with an ETag', async () => {
      const number = backend.store.summaries().find((s) => s.organisation.customerNumber === '0000')!.number;
      const response = await fetch(url(`/conversations/${number}`));
      const conversation = await ok<Conversation>(response);
      expect(conversation.number).to.equal(number);
      expect(response.headers.get('ETag')).to.equal(`"${conversation.version}"`);
      expect(conversation.messages.length).to.be.greaterThan(0);
    });

    it('GET /conversations/{number}: 404 for another organisation, unknown or malformed numbers', async () => {
      const foreign = backend.store.summaries().find((s) => s.organisation.customerNumber !== '0000')!.number;
      await problemOf(await fetch(url(`/conversations/${foreign}`)), 404);
      await problemOf(await fetch(url('/conversations/99999')), 404);
      await problemOf(await fetch(url('/conversations/abc')), 404);
    });

    it('answers unknown paths under the base path with a 404 problem', async () => {
      await problemOf(await fetch(url('/nothing/here')), 404);
    });
  });

  describe('sending', () => {
    it('POST /conversations creates with 201, Location and ETag', async () => {
      const size = backend.store.size;
      const { conversation, response } = await createOne();
      expect(conversation.status).to.equal('sent');
      expect(conversation.number).to.match(/^\d{5}$/);
      expect(response.headers.get('ETag')).to.equal(`"${conversation.version}"`);
      expect(response.headers.get('Location')).to.equal(
        new URL(url(`/conversations/${conversation.number}`), location.href).href,
      );
      expect(response.headers.get('Idempotent-Replayed')).to.equal(null);
      expect(backend.store.size).to.equal(size + 1);
    });

    it('POST /conversations by KPA staff requires an organisation', async () => {
      backend.setCurrentUser(MOCK_USER_IDS.officer);
      const problem = await problemOf(
        await send('/conversations', form({ subjectId: 'ovrigt', body: 'Hej' })),
        422,
      );
      expect(problem.errors).to.have.property('organisationCustomerNumber');
      const created = await ok<Conversation>(
        await send(
          '/conversations',
          form({ subjectId: 'ovrigt', body: 'Hej', organisationCustomerNumber: '1042' }),
        ),
        201,
      );
      expect(created.status).to.equal('new');
      expect(created.organisation.name).to.equal('Sjöviks kommun');
    });

    it('replays a repeat with the same key: 201, Idempotent-Replayed, no second conversation', async () => {
      const data = () =>
        form({ subjectId: 'utbetalning', body: 'Utbetalningen saknas' }, [sampleFile('spec.pdf', 16)]);
      const first = await ok<Conversation>(await send('/conversations', data(), 'key-1'), 201);
      const size = backend.store.size;
      const again = await send('/conversations', data(), 'key-1');
      expect(again.status).to.equal(201);
      expect(again.headers.get('Idempotent-Replayed')).to.equal('true');
      expect(((await again.json()) as Conversation).number).to.equal(first.number);
      expect(backend.store.size).to.equal(size);
      const changed = await problemOf(
        await send('/conversations', form({ subjectId: 'utbetalning', body: 'Annat' }), 'key-1'),
        422,
      );
      expect(changed.errors).to.have.property('idempotencyKey');
    });

    it('POST /conversations: 400 without Idempotency-Key or multipart body', async () => {
      await problemOf(await send('/conversations', form({ subjectId: 'ovrigt', body: 'Hej' }), null), 400);
      const json = await fetch(url('/conversations'), {
        method: 'POST',
        headers: { 'Idempotency-Key': 'k', 'Content-Type': 'application/json' },
        body: '{}',
      });
      await problemOf(json, 400);
    });

    it('POST /conversations: 413 with maxBytes and 415, storing nothing', async () => {
      backend.store.config.attachments.maxBytes = 1000;
      const size = backend.store.size;
      const tooLarge = await problemOf(
        await send(
          '/conversations',
          form({ subjectId: 'ovrigt', body: 'Hej' }, [sampleFile('stor.pdf', 1001)]),
        ),
        413,
      );
      expect(tooLarge.maxBytes).to.equal(1000);
      await problemOf(
        await send(
          '/conversations',
          form({ subjectId: 'ovrigt', body: 'Hej' }, [
            new File(['MZ'], 'virus.exe', { type: 'application/x-msdownload' }),
          ]),
        ),
        415,
      );
      expect(backend.store.size).to.equal(size);
    });

    it('POST /conversations: 422 per field', async () => {
      const problem = await problemOf(await send('/conversations', form({ subjectId: '', body: ' ' })), 422);
      expect(Object.keys(problem.errors ?? {}).sort()).to.deep.equal(['body', 'subjectId']);
    });

    it('POST /conversations/{number}/messages replies, reopening a closed one', async () => {
      const { conversation } = await createOne();
      backend.setCurrentUser(MOCK_USER_IDS.officer);
      const answered = await ok<Conversation>(
        await send(`/conversations/${conversation.number}/messages`, form({ body: 'Svar från KPA' })),
        201,
      );
      expect(answered.status).to.equal('reply-received');
      const closed = await ok<Conversation>(
        await write(`/conversations/${conversation.number}/close`, `"${answered.version}"`),
      );
      expect(closed.status).to.equal('closed');
      backend.setCurrentUser(MOCK_USER_IDS.employer);
      const response = await send(
        `/conversations/${conversation.number}/messages`,
        form({ body: 'En sak till' }, [new File(['a;b'], 'lista.csv', { type: 'text/csv' })]),
      );
      const reopened = await ok<Conversation>(response, 201);
      expect(response.headers.get('ETag')).to.equal(`"${reopened.version}"`);
      expect(reopened.status).to.equal('sent');
      expect(reopened.history.map((h) => h.action)).to.deep.equal(['closed', 'reopened']);
      expect(reopened.messages).to.have.length(3);
    });

    it('stores multipart text (sent with CRLF line breaks) with LF line breaks', async () => {
      const { conversation } = await createOne('Rad ett\nRad två\r\nRad tre');
      expect(conversation.messages[0]!.body).to.equal('Rad ett\nRad två\nRad tre');
    });

    it('POST /conversations/{number}/messages: 400, 404, 413, 415, 422 and replay', async () => {
      const { conversation } = await createOne();
      const path = `/conversations/${conversation.number}/messages`;
      await problemOf(await send(path, form({ body: 'x' }), null), 400);
      await problemOf(await send('/conversations/99999/messages', form({ body: 'x' })), 404);
      backend.store.config.attachments.maxBytes = 10;
      await problemOf(await send(path, form({ body: 'x' }, [sampleFile('a.pdf', 11)])), 413);
      await problemOf(
        await send(path, form({ body: 'x' }, [new File(['x'], 'a.zip', { type: 'application/zip' })])),
        415,
      );
      await problemOf(await send(path, form({ body: '' })), 422);
      await ok(await send(path, form({ body: 'Tack' }), 'r'), 201);
      const replay = await send(path, form({ body: 'Tack' }), 'r');
      expect(replay.headers.get('Idempotent-Replayed')).to.equal('true');
      expect(backend.store.peek(conversation.number)!.messages).to.have.length(2);
    });
  });

  describe('assignment and close', () => {
    it('claim, take-over and release with If-Match; ETag follows', async () => {
      const { conversation } = await createOne();
      const base = `/conversations/${conversation.number}`;
      backend.setCurrentUser(MOCK_USER_IDS.colleague);
      const claimedResponse = await write(`${base}/claim`, `"${conversation.version}"`);
      const claimed = await ok<Conversation>(claimedResponse);
      expect(claimed.assignee?.id).to.equal('ABCD01');
      expect(claimedResponse.headers.get('ETag')).to.equal(`"${claimed.version}"`);
      backend.setCurrentUser(MOCK_USER_IDS.employer);
      const taken = await ok<Conversation>(await write(`${base}/take-over`, `"${claimed.version}"`));
      expect(taken.assignee?.id).to.equal('NAEF00');
      const released = await ok<Conversation>(await write(`${base}/release`, `"${taken.version}"`));
      expect(released.assignee).to.equal(null);
    });

    it('412 with the current assignee and version, 428 without If-Match, 409 on conflicts, 403 without rights', async () => {
      const { conversation } = await createOne();
      const base = `/conversations/${conversation.number}`;
      backend.setCurrentUser(MOCK_USER_IDS.colleague);
      const claimed = await ok<Conversation>(await write(`${base}/claim`, `"${conversation.version}"`));
      backend.setCurrentUser(MOCK_USER_IDS.employer);
      const stale = await problemOf(await write(`${base}/claim`, `"${conversation.version}"`), 412);
      expect(stale.assignee?.id).to.equal('ABCD01');
      expect(stale.version).to.equal(claimed.version);
      await problemOf(await write(`${base}/claim`, null), 428);
      const conflict = await problemOf(await write(`${base}/claim`, `"${claimed.version}"`), 409);
      expect(conflict.assignee?.id).to.equal('ABCD01');
      await problemOf(await write(`${base}/release`, `"${claimed.version}"`), 409);
      await problemOf(await write(`${base}/close`, `"${claimed.version}"`), 403);
      backend.setCurrentUser(MOCK_USER_IDS.officer);
      // The employer's assignee is not KPA's: KPA has nobody to take over from.
      const nobody = await problemOf(await write(`${base}/take-over`, `"${claimed.version}"`), 409);
      expect(nobody.assignee).to.equal(null);
      const closed = await ok<Conversation>(await write(`${base}/close`, `"${claimed.version}"`));
      await problemOf(await write(`${base}/close`, `"${closed.version}"`), 409);
      await problemOf(await write('/conversations/99999/close', `"${closed.version}"`), 404);
    });
  });

  describe('attachments', () => {
    it('downloads bytes with Content-Disposition and octet-stream', async () => {
      const bytes = new Uint8Array([37, 80, 68, 70, 45, 1, 2, 3]);
      const created = await ok<Conversation>(
        await send(
          '/conversations',
          form({ subjectId: 'ovrigt', body: 'Bilaga' }, [
            new File([bytes], 'Lönespec mars.pdf', { type: 'application/pdf' }),
          ]),
        ),
        201,
      );
      const attachment = created.messages[0]!.attachments[0]!;
      const response = await fetch(url(`/conversations/${created.number}/attachments/${attachment.id}`));
      expect(response.status).to.equal(200);
      expect(response.headers.get('Content-Type')).to.equal('application/octet-stream');
      expect(response.headers.get('Content-Disposition')).to.equal(
        "attachment; filename*=UTF-8''L%C3%B6nespec%20mars.pdf",
      );
      expect(response.headers.get('Cache-Control')).to.equal('no-store');
      expect(new Uint8Array(await response.arrayBuffer())).to.deep.equal(bytes);
      await problemOf(await fetch(url(`/conversations/${created.number}/attachments/nope`)), 404);
      backend.setCurrentUser(MOCK_USER_IDS.otherOrganisation);
      await problemOf(await fetch(url(`/conversations/${created.number}/attachments/${attachment.id}`)), 404);
    });
  });

  describe('faults', () => {
    it('latency delays matching responses', async () => {
      backend.faults.add({ kind: 'latency', ms: 300, match: { path: '/me' } });
      const started = performance.now();
      await ok(await fetch(url('/me')));
      expect(performance.now() - started).to.be.at.least(290);
      const quick = performance.now();
      await ok(await fetch(url('/subjects')));
      expect(performance.now() - quick).to.be.lessThan(290);
    });

    it('offline fails with a network error and stores nothing', async () => {
      backend.faults.add({ kind: 'offline' });
      const size = backend.store.size;
      let error: unknown;
      try {
        await send('/conversations', form({ subjectId: 'ovrigt', body: 'Hej' }));
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(TypeError);
      expect(backend.store.size).to.equal(size);
      backend.faults.clear();
      await ok(await fetch(url('/me')));
    });

    const statuses = [401, 403, 404, 409, 412, 413, 415, 422, 500, 502, 503, 504] as const;
    for (const status of statuses) {
      it(`status ${status} answers a problem and stores nothing`, async () => {
        backend.faults.add({
          kind: 'status',
          status,
          match: { method: 'POST', path: '/conversations' },
          times: 1,
        });
        const size = backend.store.size;
        const problem = await problemOf(
          await send('/conversations', form({ subjectId: 'ovrigt', body: 'Hej' })),
          status,
        );
        if (status === 413) expect(problem.maxBytes).to.equal(backend.store.config.attachments.maxBytes);
        expect(backend.store.size).to.equal(size);
        await ok(await send('/conversations', form({ subjectId: 'ovrigt', body: 'Hej' })), 201);
      });
    }

    it('5xx carries Retry-After when asked', async () => {
      backend.faults.add({ kind: 'status', status: 503, retryAfterSeconds: 7 });
      const response = await fetch(url('/notices/count'));
      await problemOf(response.clone(), 503);
      expect(response.headers.get('Retry-After')).to.equal('7');
    });

    it('409/412 faults on a conversation carry its assignee and version', async () => {
      const { conversation } = await createOne();
      await ok(await write(`/conversations/${conversation.number}/claim`, `"${conversation.version}"`));
      backend.faults.add({ kind: 'status', status: 412, match: { path: /\/take-over$/ } });
      const problem = await problemOf(
        await write(`/conversations/${conversation.number}/take-over`, '"x"'),
        412,
      );
      expect(problem.assignee?.id).to.equal('NAEF00');
      expect(problem.version).to.equal(backend.store.peek(conversation.number)!.version);
    });

    it('hang never answers until the request is aborted', async () => {
      backend.faults.add({ kind: 'hang', match: { path: '/notices/count' }, times: 1 });
      const controller = new AbortController();
      const pending = fetch(url('/notices/count'), { signal: controller.signal });
      let settled = false;
      void pending.then(
        () => (settled = true),
        () => (settled = true),
      );
      // A second request to the same path, sent after it: the fault is used up, so it answers.
      // Requests are handled in the order they come, so a hung request answered by mistake
      // would have settled by then.
      await ok(await fetch(url('/notices/count')));
      expect(settled).to.equal(false);
      controller.abort();
      let error: unknown;
      try {
        await pending;
      } catch (e) {
        error = e;
      }
      expect((error as DOMException).name).to.equal('AbortError');
    });

    it('lost-response does the write, then fails; a retry with the same key replays', async () => {
      backend.faults.add({
        kind: 'lost-response',
        match: { method: 'POST', path: '/conversations' },
        times: 1,
      });
      const size = backend.store.size;
      const data = () => form({ subjectId: 'rapportering', body: 'Rapporteringen för 199101072388' });
      let error: unknown;
      try {
        await send('/conversations', data(), 'lost-1');
      } catch (e) {
        error = e;
      }
      expect(error).to.be.instanceOf(TypeError);
      expect(backend.store.size).to.equal(size + 1);
      const retry = await send('/conversations', data(), 'lost-1');
      expect(retry.status).to.equal(201);
      expect(retry.headers.get('Idempotent-Replayed')).to.equal('true');
      expect(backend.store.size).to.equal(size + 1);
    });

    it('reset clears faults', async () => {
      backend.faults.add({ kind: 'offline' });
      backend.reset();
      expect(backend.faults.active).to.have.length(0);
      await ok(await fetch(url('/me')));
    });
  });

  describe('contract rules', () => {
    it('compares If-Match strongly: * and weak tags answer 412 and change nothing', async () => {
      const { conversation } = await createOne();
      const path = `/conversations/${conversation.number}/claim`;
      for (const ifMatch of ['*', `W/"${conversation.version}"`]) {
        const problem = await problemOf(await write(path, ifMatch), 412);
        expect(problem.version).to.equal(conversation.version);
      }
      expect(backend.store.peek(conversation.number)!.assignee).to.equal(null);
      await ok(await write(path, `"${conversation.version}"`));
    });

    it('answers every conversation with a strong ETag', async () => {
      const { conversation, response } = await createOne();
      expect(response.headers.get('ETag')).to.equal(`"${conversation.version}"`);
    });

    it('searches only with application/json bodies (415 otherwise)', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'text/plain;charset=UTF-8']) {
        const response = await fetch(url('/conversations/search'), {
          method: 'POST',
          headers: { 'Content-Type': type },
          body: JSON.stringify(QUERY),
        });
        await problemOf(response, 415);
      }
      await ok(await search(QUERY));
    });

    it('decides a file type from its bytes: HTML as lon.pdf is 415, a real PDF is stored as one', async () => {
      const size = backend.store.size;
      const html = new File(['<!doctype html><script>alert(1)</script>'], 'lon.pdf', {
        type: 'application/pdf',
      });
      await problemOf(await send('/conversations', form({ subjectId: 'ovrigt', body: 'Lön' }, [html])), 415);
      expect(backend.store.size).to.equal(size);
      const png = new File([sampleFile('bild.png', 64) as BlobPart], 'bild.pdf', { type: 'application/pdf' });
      await problemOf(await send('/conversations', form({ subjectId: 'ovrigt', body: 'Lön' }, [png])), 415);
      // The claimed type does not count either way: a PDF sent as octet-stream is a PDF.
      const pdf = sampleFile('lon.pdf', 64, 'application/octet-stream');
      const created = await ok<Conversation>(
        await send('/conversations', form({ subjectId: 'ovrigt', body: 'Lön' }, [pdf])),
        201,
      );
      expect(created.messages[0]!.attachments[0]!.mimeType).to.equal('application/pdf');
    });

    it('gives attachments random ids that only work under their own conversation', async () => {
      const data = () => form({ subjectId: 'ovrigt', body: 'Bilaga' }, [sampleFile('a.pdf', 64)]);
      const first = await ok<Conversation>(await send('/conversations', data()), 201);
      const second = await ok<Conversation>(await send('/conversations', data()), 201);
      const id = first.messages[0]!.attachments[0]!.id;
      expect(id).to.match(/^[0-9a-f-]{36}$/);
      expect(id).not.to.contain(first.number);
      await problemOf(await fetch(url(`/conversations/${second.number}/attachments/${id}`)), 404);
      expect((await fetch(url(`/conversations/${first.number}/attachments/${id}`))).status).to.equal(200);
    });

    it('compares files of a retried send by their bytes', async () => {
      const data = (fill: string) =>
        form({ subjectId: 'ovrigt', body: 'Samma' }, [
          new File([`%PDF-1.7 ${fill}`], 'a.pdf', { type: 'application/pdf' }),
        ]);
      await ok(await send('/conversations', data('x'), 'bytes-key'), 201);
      const problem = await problemOf(await send('/conversations', data('y'), 'bytes-key'), 422);
      expect(problem.errors).to.have.property('idempotencyKey');
      const again = await send('/conversations', data('x'), 'bytes-key');
      expect(again.headers.get('Idempotent-Replayed')).to.equal('true');
    });

    it('downloads with attachment, nosniff, a sandbox CSP and no-store', async () => {
      const created = await ok<Conversation>(
        await send(
          '/conversations',
          form({ subjectId: 'ovrigt', body: 'Bilaga' }, [sampleFile('a.pdf', 64)]),
        ),
        201,
      );
      const id = created.messages[0]!.attachments[0]!.id;
      const response = await fetch(url(`/conversations/${created.number}/attachments/${id}`));
      expect(response.headers.get('Content-Disposition')).to.equal("attachment; filename*=UTF-8''a.pdf");
      expect(response.headers.get('X-Content-Type-Options')).to.equal('nosniff');
      expect(response.headers.get('Content-Security-Policy')).to.equal('sandbox');
      expect(response.headers.get('Cache-Control')).to.equal('no-store');
    });

    it('a gateway fault: the origin stores the reply, the client gets the status as text/html', async () => {
      const { conversation } = await createOne();
      const path = `/conversations/${conversation.number}/messages`;
      backend.faults.add({ kind: 'gateway', status: 504, times: 2, match: { method: 'POST', path } });
      const messages = backend.store.messageCount();
      for (let i = 0; i < 2; i++) {
        const response = await send(path, form({ body: 'Svar' }), 'gateway-key');
        expect(response.status).to.equal(504);
        expect(response.headers.get('Content-Type')).to.match(/^text\/html/);
        expect(await response.text()).to.contain('504');
      }
      expect(backend.store.messageCount()).to.equal(messages + 1);
      const settled = await send(path, form({ body: 'Svar' }), 'gateway-key');
      expect(settled.status).to.equal(201);
      expect(settled.headers.get('Idempotent-Replayed')).to.equal('true');
      expect(backend.store.messageCount()).to.equal(messages + 1);
      expect(() => backend.faults.add({ kind: 'gateway', status: 500 as 502 })).to.throw(RangeError);
    });
  });

  describe('another base path', () => {
    it('serves the same contract under a custom base path on any origin', async () => {
      const custom = createMockBackend({ size: 5, now: NOW, basePath: '/portal/api/sm/' });
      worker.use(...custom.handlers);
      try {
        const me = await ok<{ id: string }>(await fetch('/portal/api/sm/me'));
        expect(me.id).to.equal('NAEF00');
        custom.faults.add({ kind: 'status', status: 401, match: { path: '/me' } });
        await problemOf(await fetch('/portal/api/sm/me'), 401);
        expect(() => custom.reset({ basePath: '/other' })).to.throw();
      } finally {
        worker.resetHandlers();
      }
    });
  });
});
