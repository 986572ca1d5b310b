/**
 * CONTRACT tests: the REST adapter against the mock backend (MSW over the in-memory store), for
 * every adapter operation and every error of the HTTP contract in api/openapi.yaml.
 */
import { expect } from '@open-wc/testing';
import type { SetupWorker } from 'msw/browser';
import {
  createMockBackend,
  MOCK_USER_IDS,
  startMockWorker,
  TEST_PERSONS,
  writePersonnummer,
  type Fault,
  type FaultMatch,
} from '../../mocks/index.js';
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
import { createRestAdapter } from '../../src/adapter/rest-adapter.js';
import {
  DEFAULT_FILTERS,
  DEFAULT_SORT,
  type ConversationFilters,
  type SearchQuery,
} from '../../src/domain/query.js';
import type { Conversation, ConversationSummary } from '../../src/domain/types.js';
import { WEBDRIVER } from '../engine.js';
import { sampleFile } from '../../mocks/sample-files.js';

const BASE = '/api/secure-messages/v1';
const NOW = new Date('2026-03-02T09:00:00Z');
const backend = createMockBackend({ seed: 11, size: 60, now: NOW });

let worker: SetupWorker;
let keyCounter = 0;
const newKey = (): string => `contract-${Date.now()}-${++keyCounter}`;
const signal = (): AbortSignal => new AbortController().signal;
const send = (idempotencyKey = newKey(), onProgress?: (p: UploadProgress) => void) => ({
  signal: signal(),
  idempotencyKey,
  ...(onProgress ? { onProgress } : {}),
});
const api = (): SecureMessagesAdapter => createRestAdapter({ baseUrl: BASE });

function query(filters: Partial<ConversationFilters> = {}, extra: Partial<SearchQuery> = {}): SearchQuery {
  return {
    filters: { ...DEFAULT_FILTERS, statuses: [...DEFAULT_FILTERS.statuses], ...filters },
    sort: { ...DEFAULT_SORT },
    page: 1,
    pageSize: 25,
    ...extra,
  };
}

function pdf(name = 'intyg.pdf', size = 1024): File {
  return sampleFile(name, size, 'application/pdf');
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  expect.fail('expected the call to reject');
  return undefined;
}

/** A conversation of the employer's organisation matching the predicate. */
function homeConversation(predicate: (s: ConversationSummary) => boolean = () => true): ConversationSummary {
  const found = backend.store
    .summaries()
    .find((s) => s.organisation.customerNumber === '0000' && predicate(s));
  if (!found) throw new Error('no matching seeded conversation');
  return found;
}

function fault(f: Fault, match?: FaultMatch, times = 1): void {
  backend.faults.add({ ...f, ...(match ? { match } : {}), times });
}

/**
 * Aborts once the mock holds the request (its hang fault is taken). Aborting earlier lets a slow
 * engine deliver the request after the test, to the next test's store, where it would be written.
 */
async function abortWhenHanging(controller: AbortController): Promise<void> {
  while (backend.faults.active.length > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  controller.abort();
}

describe('REST adapter × mock backend (contract)', () => {
  before(async () => {
    worker = await startMockWorker(backend, { quiet: true });
  });
  beforeEach(() => backend.reset());
  after(() => worker.stop());

  describe('reading', () => {
    it('getCurrentUser: the employer with capabilities', async () => {
      const user = await api().getCurrentUser(signal());
      expect(user.id).to.equal(MOCK_USER_IDS.employer);
      expect(user.name).to.equal('Namn Efternamn');
      expect(user.side).to.equal('employer');
      expect(user.organisation?.name).to.equal('Kundnamnet');
      expect(user.capabilities).to.deep.equal({
        canClose: false,
        canAssign: true,
        canChooseOrganisation: false,
      });
    });

    it('getCurrentUser follows setCurrentUser (the case officer)', async () => {
      backend.setCurrentUser(MOCK_USER_IDS.officer);
      const user = await api().getCurrentUser(signal());
      expect(user.id).to.equal(MOCK_USER_IDS.officer);
      expect(user.side).to.equal('kpa');
      expect(user.organisation).to.equal(null);
      expect(user.capabilities.canClose).to.equal(true);
    });

    it('getSubjects: the server’s list in order', async () => {
      const subjects = await api().getSubjects(signal());
      expect(subjects).to.deep.equal(backend.store.subjects.map((s) => ({ ...s })));
      expect(subjects.map((s) => s.name)).to.include.members([
        'Anställning och lön',
        'Beräkning',
        'Utbetalning',
        'Övrigt',
      ]);
    });

    it('getOrganisations: empty for employer users, all for the case officer', async () => {
      expect(await api().getOrganisations(signal())).to.deep.equal([]);
      backend.setCurrentUser(MOCK_USER_IDS.officer);
      const organisations = await api().getOrganisations(signal());
      expect(organisations.map((o) => o.customerNumber)).to.include('0000');
      expect(organisations.length).to.equal(backend.store.organisations.length);
    });

    it('getServerConfig: attachment rules, message length, reply time', async () => {
      const config = await api().getServerConfig(signal());
      expect(config).to.deep.equal(backend.store.config);
      expect(config.attachments.maxBytes).to.be.greaterThan(0);
    });

    it('searchConversations: one page, the employer’s organisation only, newest first, without closed', async () => {
      const result = await api().searchConversations(query(), signal());
      const expected = backend.store
        .summaries()
        .filter((s) => s.organisation.customerNumber === '0000' && s.status !== 'closed');
      expect(result.total).to.equal(expected.length);
      expect(result.page).to.equal(1);
      expect(result.pageSize).to.equal(25);
      expect(result.items.length).to.equal(Math.min(25, expected.length));
      for (const item of result.items) {
        expect(item.organisation.customerNumber).to.equal('0000');
        expect(item.status).not.to.equal('closed');
      }
      const dates = result.items.map((i) => i.lastActivityAt);
      expect(dates).to.deep.equal([...dates].sort().reverse());
    });

    it('searchConversations: paging gives the rest', async () => {
      const first = await api().searchConversations(query({}, { pageSize: 25, page: 1 }), signal());
      const second = await api().searchConversations(query({}, { pageSize: 25, page: 2 }), signal());
      expect(second.total).to.equal(first.total);
      const numbers = new Set([...first.items, ...second.items].map((i) => i.number));
      expect(numbers.size).to.equal(first.items.length + second.items.length);
    });

    it('searchConversations: a personnummer written in another form finds the conversation', async () => {
      const person = TEST_PERSONS[3];
      const created = await api().createConversation(
        {
          subjectId: 'berakning',
          body: `Gäller ${person.firstName} ${writePersonnummer(person.personnummer, 'short-dash')}.`,
          files: [],
        },
        send(),
      );
      for (const form of ['long-dash', 'long', 'short'] as const) {
        const result = await api().searchConversations(
          query({ text: writePersonnummer(person.personnummer, form) }),
          signal(),
        );
        expect(
          result.items.map((i) => i.number),
          form,
        ).to.include(created.number);
      }
    });

    it('searchConversations: a message number finds a closed conversation (other filters not applied)', async () => {
      const target = homeConversation((s) => s.status !== 'closed');
      backend.setCurrentUser(MOCK_USER_IDS.officer);
      const current = await api().getConversation(target.number, signal());
      await api().close(target.number, current.version, signal());
      backend.setCurrentUser(MOCK_USER_IDS.employer);
      const hidden = await api().searchConversations(query({ text: 'zzz-no-such-text' }), signal());
      expect(hidden.items.map((i) => i.number)).not.to.include(target.number);
      const result = await api().searchConversations(
        query({ messageNumber: target.number, text: 'zzz-no-such-text' }),
        signal(),
      );
      expect(result.items.map((i) => [i.number, i.status])).to.deep.equal([[target.number, 'closed']]);
      expect(result.total).to.equal(1);
    });

    it('searchConversations: invalid filters → ValidationError per field', async () => {
      const error = await rejection(api().searchConversations(query({ messageNumber: '12a' }), signal()));
      expect(error).to.be.instanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors)).to.include('messageNumber');
    });

    it('getConversation: the conversation with version = ETag; reading never changes the status', async () => {
      const target = homeConversation((s) => s.status === 'new' || s.status === 'reply-received');
      const first = await api().getConversation(target.number, signal());
      const second = await api().getConversation(target.number, signal());
      expect(first.number).to.equal(target.number);
      expect(first.status).to.equal(target.status);
      expect(second.status).to.equal(target.status);
      expect(first.version).to.equal(second.version);
      expect(first.version).to.equal(backend.store.peek(target.number)?.version);
      expect(first.messages.length).to.be.greaterThan(0);
    });

    it('getConversation: another organisation’s conversation and an unknown number → NotFoundError', async () => {
      const other = backend.store.summaries().find((s) => s.organisation.customerNumber !== '0000');
      if (!other) throw new Error('no conversation of another organisation in the seed');
      expect(await rejection(api().getConversation(other.number, signal()))).to.be.instanceOf(NotFoundError);
      const unknown = ['00000', '99999'].find((n) => !backend.store.peek(n)) ?? 'abcde';
      expect(await rejection(api().getConversation(unknown, signal()))).to.be.instanceOf(NotFoundError);
    });

    it('getNoticeCount: the conversations needing the user’s attention', async () => {
      expect(await api().getNoticeCount(signal())).to.equal(backend.store.noticeCount(backend.currentUser()));
      backend.setCurrentUser(MOCK_USER_IDS.officer);
      expect(await api().getNoticeCount(signal())).to.equal(backend.store.noticeCount(backend.currentUser()));
    });

    it('downloadAttachment: the uploaded bytes under their name (åäö)', async function () {
      // WebKit's Request.formData(), which the mock backend parses uploads with in its service
      // worker, reads a multipart part whose file name has non-ASCII letters as text, not as a
      // file. A real server parses the upload itself; WebKit sends the same bytes as the others.
      if (WEBDRIVER) this.skip();
      const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0xe5, 0xe4, 0xf6]);
      const file = new File([bytes], 'Löneunderlag år 2026 – Åsa & Örjan.pdf', { type: 'application/pdf' });
      const created = await api().createConversation(
        { subjectId: 'ovrigt', body: 'Se bilaga.', files: [file] },
        send(),
      );
      const attachment = created.messages[0].attachments[0];
      expect(attachment.name).to.equal(file.name);
      const downloaded = await api().downloadAttachment(created.number, attachment.id, signal());
      expect(downloaded.name).to.equal('Löneunderlag år 2026 – Åsa & Örjan.pdf');
      expect([...new Uint8Array(await downloaded.blob.arrayBuffer())]).to.deep.equal([...bytes]);
    });

    it('downloadAttachment: a seeded attachment; an unknown one → NotFoundError', async () => {
      const withAttachment = backend.store
        .records()
        .find(
          (r) =>
            r.summary.organisation.customerNumber === '0000' &&
            r.messages.some((m) => m.attachments.length > 0),
        );
      if (!withAttachment) throw new Error('no seeded attachment');
      const attachment = withAttachment.messages.flatMap((m) => m.attachments)[0];
      const downloaded = await api().downloadAttachment(
        withAttachment.summary.number,
        attachment.id,
        signal(),
      );
      expect(downloaded.name).to.equal(attachment.name);
      expect(downloaded.blob.size).to.be.greaterThan(0);
      const error = await rejection(
        api().downloadAttachment(withAttachment.summary.number, 'no-such-id', signal()),
      );
      expect(error).to.be.instanceOf(NotFoundError);
    });
  });

  describe('writing', () => {
    it('createConversation (employer): status Skickat, a new five-digit number, notifies', async () => {
      const a = api();
      const changes: ConversationChange[] = [];
      a.subscribe((c) => changes.push(c));
      const before = backend.store.size;
      const created = await a.createConversation(
        { subjectId: 'utbetalning', body: 'När betalas pensionen ut?', files: [pdf()] },
        send(),
      );
      expect(created.number).to.match(/^\d{5}$/);
      expect(created.status).to.equal('sent');
      expect(created.subject.id).to.equal('utbetalning');
      expect(created.messages.map((m) => [m.author.id, m.body])).to.deep.equal([
        [MOCK_USER_IDS.employer, 'När betalas pensionen ut?'],
      ]);
      expect(created.messages[0].attachments.map((f) => [f.name, f.size])).to.deep.equal([
        ['intyg.pdf', 1024],
      ]);
      expect(created.version).to.equal(backend.store.peek(created.number)?.version);
      expect(backend.store.size).to.equal(before + 1);
      expect(changes).to.deep.equal([{ type: 'created', number: created.number }]);
    });

    it('createConversation (case officer) to a chosen organisation: status Nytt meddelande', async () => {
      backend.setCurrentUser(MOCK_USER_IDS.officer);
      const created = await api().createConversation(
        {
          subjectId: 'rapportering',
          body: 'Vi saknar underlag.',
          files: [],
          organisationCustomerNumber: '0000',
        },
        send(),
      );
      expect(created.status).to.equal('new');
      expect(created.organisation.customerNumber).to.equal('0000');
    });

    it('createConversation: missing fields → ValidationError per field, nothing stored', async () => {
      const before = backend.store.size;
      const error = await rejection(
        api().createConversation({ subjectId: '', body: '   ', files: [] }, send()),
      );
      expect(error).to.be.instanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors)).to.include.members(['subjectId', 'body']);
      expect(backend.store.size).to.equal(before);
    });

    it('createConversation with upload progress (XMLHttpRequest)', async () => {
      const events: UploadProgress[] = [];
      const created = await api().createConversation(
        { subjectId: 'ovrigt', body: 'Stor bilaga.', files: [pdf('stor.pdf', 2 * 1024 * 1024)] },
        send(newKey(), (p) => events.push(p)),
      );
      expect(created.messages[0].attachments[0].size).to.equal(2 * 1024 * 1024);
      expect(events.length).to.be.greaterThan(0);
      expect(events[events.length - 1].loaded).to.equal(events[events.length - 1].total);
    });

    it('an idempotent replay answers the same conversation and stores nothing new', async () => {
      const a = api();
      let notified = 0;
      a.subscribe(() => notified++);
      const key = newKey();
      const draft = { subjectId: 'berakning', body: 'Samma utkast', files: [pdf()] };
      const first = await a.createConversation(draft, send(key));
      const size = backend.store.size;
      const messages = backend.store.messageCount();
      const again = await a.createConversation(draft, send(key));
      expect(again.number).to.equal(first.number);
      expect(again.version).to.equal(first.version);
      expect(backend.store.size).to.equal(size);
      expect(backend.store.messageCount()).to.equal(messages);
      expect(notified).to.equal(2);
    });

    it('the same key with other content → ValidationError on idempotencyKey', async () => {
      const key = newKey();
      await api().createConversation({ subjectId: 'berakning', body: 'Först', files: [] }, send(key));
      const error = await rejection(
        api().createConversation({ subjectId: 'berakning', body: 'Annat', files: [] }, send(key)),
      );
      expect(error).to.be.instanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors).to.have.property('idempotencyKey');
    });

    it('reply (employer, then officer): statuses follow the transitions', async () => {
      const created = await api().createConversation(
        { subjectId: 'ovrigt', body: 'Fråga', files: [] },
        send(),
      );
      backend.setCurrentUser(MOCK_USER_IDS.officer);
      const answered = await api().reply(created.number, { body: 'Svar från KPA', files: [] }, send());
      expect(answered.status).to.equal('reply-received');
      backend.setCurrentUser(MOCK_USER_IDS.employer);
      const replied = await api().reply(created.number, { body: 'Tack', files: [pdf()] }, send());
      expect(replied.status).to.equal('sent');
      expect(replied.messages.map((m) => m.body)).to.deep.equal(['Fråga', 'Svar från KPA', 'Tack']);
      expect(replied.version).not.to.equal(answered.version);
    });

    it('line breaks in a message come back as LF (multipart sends CRLF; the server normalises)', async () => {
      const created = await api().createConversation(
        { subjectId: 'ovrigt', body: 'Rad 1\nRad 2\n\nRad 4', files: [] },
        send(),
      );
      expect(created.messages[0].body).to.equal('Rad 1\nRad 2\n\nRad 4');
    });

    it('reply with upload progress (XMLHttpRequest), notifies replied', async () => {
      const target = homeConversation((s) => s.status !== 'closed');
      const a = api();
      const changes: ConversationChange[] = [];
      a.subscribe((c) => changes.push(c));
      const events: UploadProgress[] = [];
      const replied = await a.reply(
        target.number,
        { body: 'Med bilaga', files: [pdf('a.pdf', 300_000)] },
        send(newKey(), (p) => events.push(p)),
      );
      expect(replied.messages[replied.messages.length - 1].body).to.equal('Med bilaga');
      expect(events.length).to.be.greaterThan(0);
      expect(changes).to.deep.equal([{ type: 'replied', number: target.number }]);
    });

    it('reply to a closed conversation reopens it as Skickat', async () => {
      const target = homeConversation((s) => s.status !== 'closed');
      backend.setCurrentUser(MOCK_USER_IDS.officer);
      const current = await api().getConversation(target.number, signal());
      const closed = await api().close(target.number, current.version, signal());
      expect(closed.status).to.equal('closed');
      backend.setCurrentUser(MOCK_USER_IDS.employer);
      const reopened = await api().reply(target.number, { body: 'En fråga till', files: [] }, send());
      expect(reopened.status).to.equal('sent');
      expect(reopened.history.map((h) => h.action)).to.include('reopened');
    });

    it('reply to an unknown conversation → NotFoundError', async () => {
      const unknown = ['00000', '99999'].find((n) => !backend.store.peek(n)) ?? '00001';
      expect(await rejection(api().reply(unknown, { body: 'Hej', files: [] }, send()))).to.be.instanceOf(
        NotFoundError,
      );
    });

    it('claim and release: assignee and version change, history grows, notifies', async () => {
      const target = homeConversation((s) => s.assignee === null);
      const a = api();
      const changes: ConversationChange[] = [];
      a.subscribe((c) => changes.push(c));
      const current = await a.getConversation(target.number, signal());
      const claimed = await a.claim(target.number, current.version, signal());
      expect(claimed.assignee?.id).to.equal(MOCK_USER_IDS.employer);
      expect(claimed.version).not.to.equal(current.version);
      expect(claimed.history[claimed.history.length - 1].action).to.equal('claimed');
      const released = await a.release(target.number, claimed.version, signal());
      expect(released.assignee).to.equal(null);
      expect(released.history[released.history.length - 1].action).to.equal('released');
      expect(changes.map((c) => c.type)).to.deep.equal(['claimed', 'released']);
    });

    it('claim with a stale version → ConflictError carrying who holds the case now', async () => {
      const target = homeConversation((s) => s.assignee === null);
      const stale = (await api().getConversation(target.number, signal())).version;
      backend.setCurrentUser(MOCK_USER_IDS.colleague);
      const byColleague = await api().claim(target.number, stale, signal());
      backend.setCurrentUser(MOCK_USER_IDS.employer);
      const a = api();
      let notified = 0;
      a.subscribe(() => notified++);
      const error = await rejection(a.claim(target.number, stale, signal()));
      expect(error).to.be.instanceOf(ConflictError);
      const conflict = error as ConflictError;
      expect(conflict.status).to.equal(412);
      expect(conflict.assignee?.id).to.equal(MOCK_USER_IDS.colleague);
      expect(conflict.assignee?.name).to.equal('Anna Berglund');
      expect(conflict.currentVersion).to.equal(byColleague.version);
      expect(conflict.problem?.status).to.equal(412);
      expect(notified).to.equal(0);
      expect(backend.store.peek(target.number)?.assignee?.id).to.equal(MOCK_USER_IDS.colleague);
    });

    it('claim of an assigned conversation with the current version → ConflictError 409 with the assignee', async () => {
      const target = homeConversation((s) => s.assignee === null);
      backend.setCurrentUser(MOCK_USER_IDS.colleague);
      const claimed = await api().claim(
        target.number,
        (await api().getConversation(target.number, signal())).version,
        signal(),
      );
      backend.setCurrentUser(MOCK_USER_IDS.employer);
      const error = await rejection(api().claim(target.number, claimed.version, signal()));
      expect(error).to.be.instanceOf(ConflictError);
      expect((error as ConflictError).status).to.equal(409);
      expect((error as ConflictError).assignee?.id).to.equal(MOCK_USER_IDS.colleague);
    });

    it('release by someone who is not the assignee → ConflictError 409', async () => {
      const target = homeConversation((s) => s.assignee === null);
      const current = await api().getConversation(target.number, signal());
      const error = await rejection(api().release(target.number, current.version, signal()));
      expect(error).to.be.instanceOf(ConflictError);
      expect((error as ConflictError).status).to.equal(409);
    });

    it('takeOver replaces another assignee; history names the previous one', async () => {
      const target = homeConversation((s) => s.assignee === null);
      backend.setCurrentUser(MOCK_USER_IDS.colleague2);
      const claimed = await api().claim(
        target.number,
        (await api().getConversation(target.number, signal())).version,
        signal(),
      );
      backend.setCurrentUser(MOCK_USER_IDS.employer);
      const a = api();
      const changes: ConversationChange[] = [];
      a.subscribe((c) => changes.push(c));
      const taken = await a.takeOver(target.number, claimed.version, signal());
      expect(taken.assignee?.id).to.equal(MOCK_USER_IDS.employer);
      const last = taken.history[taken.history.length - 1];
      expect(last.action).to.equal('taken-over');
      expect(last.previousAssignee?.id).to.equal(MOCK_USER_IDS.colleague2);
      expect(changes).to.deep.equal([{ type: 'taken-over', number: target.number }]);
      const again = await rejection(a.takeOver(target.number, taken.version, signal()));
      expect(again).to.be.instanceOf(ConflictError);
    });

    it('close as an employer user → ForbiddenError; as the case officer it closes', async () => {
      const target = homeConversation((s) => s.status !== 'closed');
      const version = (await api().getConversation(target.number, signal())).version;
      const error = await rejection(api().close(target.number, version, signal()));
      expect(error).to.be.instanceOf(ForbiddenError);
      expect(backend.store.peek(target.number)?.status).to.equal(target.status);
      backend.setCurrentUser(MOCK_USER_IDS.officer);
      const a = api();
      const changes: ConversationChange[] = [];
      a.subscribe((c) => changes.push(c));
      const closed = await a.close(target.number, version, signal());
      expect(closed.status).to.equal('closed');
      expect(closed.history[closed.history.length - 1].action).to.equal('closed');
      expect(changes).to.deep.equal([{ type: 'closed', number: target.number }]);
      const twice = await rejection(a.close(target.number, closed.version, signal()));
      expect(twice).to.be.instanceOf(ConflictError);
      expect((twice as ConflictError).status).to.equal(409);
    });

    it("claim by the case officer sets KPA's assignee; the employer's stays", async () => {
      const target = homeConversation((s) => s.assignee === null);
      backend.setCurrentUser(MOCK_USER_IDS.officer);
      const version = (await api().getConversation(target.number, signal())).version;
      expect((await api().claim(target.number, version, signal())).assignee?.id).to.equal(
        MOCK_USER_IDS.officer,
      );
      backend.setCurrentUser(MOCK_USER_IDS.employer);
      expect((await api().getConversation(target.number, signal())).assignee).to.equal(null);
    });

    it('an attachment over the size limit → TooLargeError with maxBytes, nothing stored', async () => {
      const max = backend.store.config.attachments.maxBytes;
      const before = backend.store.size;
      const error = await rejection(
        api().createConversation(
          { subjectId: 'ovrigt', body: 'Stor', files: [pdf('stor.pdf', max + 1)] },
          send(),
        ),
      );
      expect(error).to.be.instanceOf(TooLargeError);
      expect((error as TooLargeError).maxBytes).to.equal(max);
      expect(backend.store.size).to.equal(before);
    });

    it('an attachment of a type not accepted → UnsupportedTypeError', async () => {
      const exe = new File([new Uint8Array(10)], 'program.exe', { type: 'application/x-msdownload' });
      const error = await rejection(
        api().createConversation({ subjectId: 'ovrigt', body: 'Fil', files: [exe] }, send()),
      );
      expect(error).to.be.instanceOf(UnsupportedTypeError);
    });
  });

  describe('faults', () => {
    const operations: {
      name: string;
      method: string;
      path: (n: string) => string;
      write: boolean;
      call: (a: SecureMessagesAdapter, n: string, v: string, s: AbortSignal) => Promise<unknown>;
    }[] = [
      {
        name: 'getCurrentUser',
        method: 'GET',
        path: () => '/me',
        write: false,
        call: (a, _n, _v, s) => a.getCurrentUser(s),
      },
      {
        name: 'getSubjects',
        method: 'GET',
        path: () => '/subjects',
        write: false,
        call: (a, _n, _v, s) => a.getSubjects(s),
      },
      {
        name: 'getOrganisations',
        method: 'GET',
        path: () => '/organisations',
        write: false,
        call: (a, _n, _v, s) => a.getOrganisations(s),
      },
      {
        name: 'getServerConfig',
        method: 'GET',
        path: () => '/config',
        write: false,
        call: (a, _n, _v, s) => a.getServerConfig(s),
      },
      {
        name: 'searchConversations',
        method: 'POST',
        path: () => '/conversations/search',
        write: false,
        call: (a, _n, _v, s) => a.searchConversations(query(), s),
      },
      {
        name: 'getConversation',
        method: 'GET',
        path: (n) => `/conversations/${n}`,
        write: false,
        call: (a, n, _v, s) => a.getConversation(n, s),
      },
      {
        name: 'createConversation',
        method: 'POST',
        path: () => '/conversations',
        write: true,
        call: (a, _n, _v, s) =>
          a.createConversation(
            { subjectId: 'ovrigt', body: 'Hej', files: [] },
            { signal: s, idempotencyKey: newKey() },
          ),
      },
      {
        name: 'reply',
        method: 'POST',
        path: (n) => `/conversations/${n}/messages`,
        write: true,
        call: (a, n, _v, s) =>
          a.reply(n, { body: 'Hej', files: [] }, { signal: s, idempotencyKey: newKey() }),
      },
      {
        name: 'claim',
        method: 'POST',
        path: (n) => `/conversations/${n}/claim`,
        write: true,
        call: (a, n, v, s) => a.claim(n, v, s),
      },
      {
        name: 'release',
        method: 'POST',
        path: (n) => `/conversations/${n}/release`,
        write: true,
        call: (a, n, v, s) => a.release(n, v, s),
      },
      {
        name: 'takeOver',
        method: 'POST',
        path: (n) => `/conversations/${n}/take-over`,
        write: true,
        call: (a, n, v, s) => a.takeOver(n, v, s),
      },
      {
        name: 'close',
        method: 'POST',
        path: (n) => `/conversations/${n}/close`,
        write: true,
        call: (a, n, v, s) => a.close(n, v, s),
      },
      {
        name: 'getNoticeCount',
        method: 'GET',
        path: () => '/notices/count',
        write: false,
        call: (a, _n, _v, s) => a.getNoticeCount(s),
      },
      {
        name: 'downloadAttachment',
        method: 'GET',
        path: (n) => `/conversations/${n}/attachments/x1`,
        write: false,
        call: (a, n, _v, s) => a.downloadAttachment(n, 'x1', s),
      },
    ];

    const statuses: {
      status: 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 500 | 502 | 503 | 504;
      type: new (...args: never[]) => Error;
      retryAfter?: number;
    }[] = [
      { status: 401, type: AuthRequiredError },
      { status: 403, type: ForbiddenError },
      { status: 404, type: NotFoundError },
      { status: 409, type: ConflictError },
      { status: 412, type: ConflictError },
      { status: 413, type: TooLargeError },
      { status: 415, type: UnsupportedTypeError },
      { status: 422, type: ValidationError },
      { status: 500, type: ServerError },
      { status: 502, type: ServerError },
      { status: 503, type: ServerError, retryAfter: 30 },
      { status: 504, type: ServerError, retryAfter: 0 },
    ];

    for (const op of operations) {
      for (const s of statuses) {
        it(`${op.name}: ${s.status} → ${s.type.name}, nothing changed`, async () => {
          const target = homeConversation((c) => c.assignee === null && c.status !== 'closed');
          const before = backend.store.peek(target.number);
          const size = backend.store.size;
          fault(
            {
              kind: 'status',
              status: s.status,
              ...(s.retryAfter !== undefined ? { retryAfterSeconds: s.retryAfter } : {}),
            },
            { method: op.method, path: op.path(target.number) },
          );
          const a = api();
          let notified = 0;
          a.subscribe(() => notified++);
          const error = await rejection(op.call(a, target.number, before?.version ?? '', signal()));
          expect(error, String(error)).to.be.instanceOf(s.type);
          expect((error as { status?: number }).status).to.equal(s.status);
          if (s.type === ServerError)
            expect((error as ServerError).retryAfterSeconds).to.equal(s.retryAfter ?? null);
          if (s.status === 413)
            expect((error as TooLargeError).maxBytes).to.equal(backend.store.config.attachments.maxBytes);
          if (s.status === 409 || s.status === 412) {
            const aboutConversation = op.path(target.number).includes(target.number);
            expect((error as ConflictError).currentVersion).to.equal(
              aboutConversation ? before?.version : null,
            );
          }
          expect(notified).to.equal(0);
          expect(backend.store.size).to.equal(size);
          expect(backend.store.peek(target.number)).to.deep.equal(before);
        });
      }

      it(`${op.name}: offline → NetworkError (outcomeUnknown ${op.write}), nothing changed`, async () => {
        const target = homeConversation((c) => c.assignee === null && c.status !== 'closed');
        const before = backend.store.peek(target.number);
        fault({ kind: 'offline' }, { method: op.method, path: op.path(target.number) });
        const error = await rejection(op.call(api(), target.number, before?.version ?? '', signal()));
        expect(error).to.be.instanceOf(NetworkError);
        expect((error as NetworkError).outcomeUnknown).to.equal(op.write);
        expect(backend.store.peek(target.number)).to.deep.equal(before);
      });

      it(`${op.name}: a hanging request is aborted with AbortError`, async () => {
        const target = homeConversation((c) => c.assignee === null && c.status !== 'closed');
        fault({ kind: 'hang' }, { method: op.method, path: op.path(target.number) });
        const controller = new AbortController();
        const pending = op.call(api(), target.number, 'v', controller.signal);
        await abortWhenHanging(controller);
        const error = await rejection(pending);
        expect(isAbortError(error), String(error)).to.equal(true);
        expect(isAdapterError(error)).to.equal(false);
      });
    }

    it('the claim conflict fault carries the assignee and version', async () => {
      const target = homeConversation((c) => c.assignee !== null);
      const current = backend.store.peek(target.number);
      fault({ kind: 'status', status: 409 }, { path: `/conversations/${target.number}/claim` });
      const error = (await rejection(
        api().claim(target.number, current?.version ?? '', signal()),
      )) as ConflictError;
      expect(error.assignee?.id).to.equal(target.assignee?.id);
    });

    it('a lost response to a create: NetworkError outcomeUnknown, then a retry with the same key stores exactly one', async () => {
      const a = api();
      const changes: ConversationChange[] = [];
      a.subscribe((c) => changes.push(c));
      const size = backend.store.size;
      const messages = backend.store.messageCount();
      const key = newKey();
      const draft = { subjectId: 'anstallning-och-lon', body: 'Skickas en gång', files: [pdf()] };
      fault({ kind: 'lost-response' }, { method: 'POST', path: '/conversations' });
      const error = await rejection(a.createConversation(draft, send(key)));
      expect(error).to.be.instanceOf(NetworkError);
      expect((error as NetworkError).outcomeUnknown).to.equal(true);
      expect(backend.store.size).to.equal(size + 1);
      expect(changes).to.deep.equal([]);
      const retried = await a.createConversation(draft, send(key));
      expect(backend.store.size).to.equal(size + 1);
      expect(backend.store.messageCount()).to.equal(messages + 1);
      expect(backend.store.summaries().filter((s) => s.number === retried.number)).to.have.length(1);
      expect(changes).to.deep.equal([{ type: 'created', number: retried.number }]);
    });

    it('a lost response to a reply (with upload progress): the retry with the same key adds exactly one message', async () => {
      const target = homeConversation((c) => c.status !== 'closed');
      const before = backend.store.peek(target.number)?.messages.length ?? 0;
      const key = newKey();
      const draft = { body: 'Svar som skickas en gång', files: [pdf()] };
      fault({ kind: 'lost-response' }, { method: 'POST', path: `/conversations/${target.number}/messages` });
      const error = await rejection(
        api().reply(
          target.number,
          draft,
          send(key, () => undefined),
        ),
      );
      expect(error).to.be.instanceOf(NetworkError);
      expect((error as NetworkError).outcomeUnknown).to.equal(true);
      const retried: Conversation = await api().reply(
        target.number,
        draft,
        send(key, () => undefined),
      );
      expect(retried.messages.length).to.equal(before + 1);
      expect(backend.store.peek(target.number)?.messages.length).to.equal(before + 1);
      expect(backend.store.peek(target.number)?.messages.filter((m) => m.body === draft.body)).to.have.length(
        1,
      );
    });

    it('a lost response to a claim: outcome unknown; the retry with the old version is a conflict naming the user', async () => {
      const target = homeConversation((c) => c.assignee === null);
      const version = backend.store.peek(target.number)?.version ?? '';
      fault({ kind: 'lost-response' }, { path: `/conversations/${target.number}/claim` });
      const error = await rejection(api().claim(target.number, version, signal()));
      expect((error as NetworkError).outcomeUnknown).to.equal(true);
      const retry = (await rejection(api().claim(target.number, version, signal()))) as ConflictError;
      expect(retry).to.be.instanceOf(ConflictError);
      expect(retry.assignee?.id).to.equal(MOCK_USER_IDS.employer);
    });

    it('a hanging upload (XMLHttpRequest) is aborted with AbortError and stores nothing', async () => {
      const size = backend.store.size;
      fault({ kind: 'hang' }, { method: 'POST', path: '/conversations' });
      const controller = new AbortController();
      const pending = api().createConversation(
        { subjectId: 'ovrigt', body: 'Hänger', files: [pdf()] },
        { signal: controller.signal, idempotencyKey: newKey(), onProgress: () => undefined },
      );
      await abortWhenHanging(controller);
      expect(isAbortError(await rejection(pending))).to.equal(true);
      expect(backend.store.size).to.equal(size);
    });

    it('latency delays but does not fail', async () => {
      fault({ kind: 'latency', ms: 150 }, { path: '/notices/count' });
      const started = performance.now();
      expect(await api().getNoticeCount(signal())).to.be.a('number');
      expect(performance.now() - started).to.be.at.least(140);
    });
  });
});
