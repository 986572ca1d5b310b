import { expect } from '@open-wc/testing';
import { DEFAULT_FILTERS, DEFAULT_SORT, type SearchQuery, type Sort } from '../../src/domain/query.js';
import { needsAttention, type Status } from '../../src/domain/status.js';
import type { Conversation, User } from '../../src/domain/types.js';
import { createMockBackend, MOCK_USER_IDS, type MockBackend } from '../../mocks/index.js';
import { parseIfMatch } from '../../mocks/store.js';
import { writePersonnummer, PERSONNUMMER_FORMS, TEST_PERSONS } from '../../mocks/test-personnummer.js';
import { expectProblem, NOW, upload, userOf } from './helpers.js';

function query(
  filters: Partial<SearchQuery['filters']> = {},
  rest: Partial<Omit<SearchQuery, 'filters'>> = {},
): SearchQuery {
  return {
    // Every department's conversations unless a test asks for the officer's queue.
    filters: {
      ...DEFAULT_FILTERS,
      statuses: [...DEFAULT_FILTERS.statuses],
      departmentOnly: false,
      ...filters,
    },
    sort: { ...DEFAULT_SORT },
    page: 1,
    pageSize: 100,
    ...rest,
  };
}

const ALL_STATUSES: Status[] = ['new', 'sent', 'answered', 'reply-received', 'closed'];

describe('mock store', () => {
  let backend: MockBackend;
  let employer: User;
  let colleague: User;
  let officer: User;
  let other: User;
  let key = 0;
  const nextKey = () => `key-${++key}`;

  before(() => {
    backend = createMockBackend({ seed: 7, size: 200, now: NOW });
    employer = userOf(backend, MOCK_USER_IDS.employer);
    colleague = userOf(backend, MOCK_USER_IDS.colleague);
    officer = userOf(backend, MOCK_USER_IDS.officer);
    other = userOf(backend, MOCK_USER_IDS.otherOrganisation);
  });
  beforeEach(() => backend.reset());

  function create(
    user: User,
    body = 'Hej! Fråga om 19551226-2667.',
    extra: { organisationCustomerNumber?: string } = {},
  ): Conversation {
    const organisationCustomerNumber =
      extra.organisationCustomerNumber ?? (user.side === 'kpa' ? '0000' : undefined);
    return backend.store.createConversation(
      user,
      { subjectId: 'berakning', body, organisationCustomerNumber, files: [] },
      nextKey(),
    ).conversation;
  }

  describe('status transitions through writes', () => {
    type Step = 'E' | 'K' | 'C';
    const cases: { steps: Step[]; status: Status; history: string[] }[] = [
      { steps: ['E'], status: 'sent', history: [] },
      { steps: ['K'], status: 'new', history: [] },
      { steps: ['E', 'E'], status: 'sent', history: [] },
      { steps: ['E', 'K'], status: 'reply-received', history: [] },
      { steps: ['E', 'K', 'E'], status: 'sent', history: [] },
      { steps: ['K', 'K'], status: 'new', history: [] },
      { steps: ['K', 'E'], status: 'answered', history: [] },
      { steps: ['K', 'E', 'E'], status: 'answered', history: [] },
      { steps: ['K', 'E', 'K'], status: 'reply-received', history: [] },
      { steps: ['K', 'C'], status: 'closed', history: ['closed'] },
      { steps: ['E', 'K', 'C'], status: 'closed', history: ['closed'] },
      { steps: ['E', 'C', 'E'], status: 'sent', history: ['closed', 'reopened'] },
      { steps: ['E', 'C', 'K'], status: 'reply-received', history: ['closed', 'reopened'] },
    ];
    for (const c of cases) {
      it(`${c.steps.join(' → ')} gives ${c.status}`, () => {
        const first = create(c.steps[0] === 'K' ? officer : employer);
        let conversation = first;
        for (const step of c.steps.slice(1)) {
          if (step === 'C') conversation = backend.store.close(officer, first.number, conversation.version);
          else {
            const user = step === 'K' ? officer : employer;
            conversation = backend.store.reply(
              user,
              first.number,
              { body: `Svar från ${user.id}`, files: [] },
              nextKey(),
            ).conversation;
          }
        }
        expect(conversation.status).to.equal(c.status);
        expect(conversation.history.map((h) => h.action)).to.deep.equal(c.history);
        expect(conversation.messages.length).to.equal(c.steps.filter((s) => s !== 'C').length);
      });
    }

    it('reading never changes status or version', () => {
      const kpaStarted = create(officer);
      const read1 = backend.store.getConversation(employer, kpaStarted.number);
      const read2 = backend.store.getConversation(employer, kpaStarted.number);
      expect(read2.status).to.equal('new');
      expect(read2.version).to.equal(read1.version);
    });

    it('changes the version on every change and stamps lastActivityAt on messages and close', () => {
      const c = create(employer);
      const replied = backend.store.reply(
        officer,
        c.number,
        { body: 'Svar', files: [] },
        nextKey(),
      ).conversation;
      expect(replied.version).to.not.equal(c.version);
      const claimed = backend.store.claim(employer, c.number, replied.version);
      expect(claimed.version).to.not.equal(replied.version);
      expect(claimed.lastActivityAt).to.equal(replied.lastActivityAt);
      const closed = backend.store.close(officer, c.number, claimed.version);
      expect(closed.version).to.not.equal(claimed.version);
      expect(closed.lastActivityAt >= claimed.lastActivityAt).to.equal(true);
    });

    it('gives new conversations unique five-digit numbers and the author as sender', () => {
      const a = create(employer);
      const b = create(officer);
      expect(a.number).to.match(/^\d{5}$/);
      expect(b.number).to.match(/^\d{5}$/);
      expect(a.number).to.not.equal(b.number);
      expect(backend.store.records().filter((r) => r.summary.number === a.number)).to.have.length(1);
      expect(a.messages[0]!.author).to.deep.equal({ id: 'NAEF00', name: 'Namn Efternamn', side: 'employer' });
      expect(a.organisation.customerNumber).to.equal('0000');
    });
  });

  describe('create validation', () => {
    const cases: {
      name: string;
      user: () => User;
      input: Partial<{ subjectId: string; body: string; organisationCustomerNumber: string }>;
      field: string;
    }[] = [
      { name: 'missing subject', user: () => employer, input: { subjectId: '' }, field: 'subjectId' },
      { name: 'unknown subject', user: () => employer, input: { subjectId: 'nope' }, field: 'subjectId' },
      { name: 'blank body', user: () => employer, input: { body: '   \n ' }, field: 'body' },
      { name: 'too long body', user: () => employer, input: { body: 'x'.repeat(5001) }, field: 'body' },
      {
        name: 'officer without organisation',
        user: () => officer,
        input: {},
        field: 'organisationCustomerNumber',
      },
      {
        name: 'officer with unknown organisation',
        user: () => officer,
        input: { organisationCustomerNumber: '9999' },
        field: 'organisationCustomerNumber',
      },
      {
        name: 'employer writing for another organisation',
        user: () => employer,
        input: { organisationCustomerNumber: '1042' },
        field: 'organisationCustomerNumber',
      },
    ];
    for (const c of cases) {
      it(`422 for ${c.name}, nothing stored`, () => {
        const size = backend.store.size;
        const problem = expectProblem(
          () =>
            backend.store.createConversation(
              c.user(),
              { subjectId: 'berakning', body: 'Hej', files: [], ...c.input },
              nextKey(),
            ),
          422,
        );
        expect(problem.errors?.[c.field]).to.be.a('string').that.has.length.greaterThan(0);
        expect(backend.store.size).to.equal(size);
      });
    }

    it('accepts a body of exactly messageMaxLength characters', () => {
      const c = create(employer, 'x'.repeat(5000));
      expect(c.messages[0]!.body).to.have.length(5000);
    });

    it('stores and counts CRLF line breaks as LF', () => {
      const c = create(employer, `${'x'.repeat(4998)}\r\ny`);
      expect(c.messages[0]!.body).to.equal(`${'x'.repeat(4998)}\ny`);
      const replied = backend.store.reply(employer, c.number, { body: 'a\r\nb\rc', files: [] }, nextKey());
      expect(replied.conversation.messages[1]!.body).to.equal('a\nb\nc');
    });
  });

  describe('attachments', () => {
    const cases: { name: string; files: () => ReturnType<typeof upload>[]; status: number }[] = [
      {
        name: 'a file over maxBytes',
        files: () => [upload('stor.pdf', 2048, 'application/pdf')],
        status: 413,
      },
      {
        name: 'a disallowed extension',
        files: () => [upload('program.exe', 10, 'application/octet-stream')],
        status: 415,
      },
      {
        name: 'bytes not matching the extension, whatever type is claimed',
        files: () => [{ ...upload('bild.pdf', 10, 'image/png'), name: 'bild.png' }],
        status: 415,
      },
      {
        name: 'HTML uploaded as lon.pdf with the type application/pdf',
        files: () => [
          {
            name: 'lon.pdf',
            type: 'application/pdf',
            bytes: new TextEncoder().encode('<!doctype html><script>alert(1)</script>'),
          },
        ],
        status: 415,
      },
      {
        name: 'too many files',
        files: () => [upload('a.pdf', 10, 'application/pdf'), upload('b.pdf', 10, 'application/pdf')],
        status: 422,
      },
      { name: 'an empty file', files: () => [upload('tom.txt', 0, 'text/plain')], status: 422 },
    ];
    for (const c of cases) {
      it(`${c.status} for ${c.name}, before storing anything`, () => {
        backend.store.config.attachments.maxBytes = 1024;
        const size = backend.store.size;
        const messages = backend.store.messageCount();
        const problem = expectProblem(
          () =>
            backend.store.createConversation(
              employer,
              { subjectId: 'ovrigt', body: 'Hej', files: c.files() },
              nextKey(),
            ),
          c.status,
        );
        if (c.status === 413) expect(problem.maxBytes).to.equal(1024);
        if (c.status === 422) expect(problem.errors).to.have.property('files');
        expect(backend.store.size).to.equal(size);
        expect(backend.store.messageCount()).to.equal(messages);
      });
    }

    it('stores the bytes of an accepted file and gives them back', async () => {
      const file = upload('Lönespecifikation mars.pdf', 300, 'application/pdf');
      const c = backend.store.createConversation(
        employer,
        { subjectId: 'ovrigt', body: 'Se bilaga', files: [file] },
        nextKey(),
      ).conversation;
      const meta = c.messages[0]!.attachments[0]!;
      expect(meta).to.include({ name: 'Lönespecifikation mars.pdf', size: 300, mimeType: 'application/pdf' });
      const download = backend.store.attachment(employer, c.number, meta.id);
      expect(download.name).to.equal('Lönespecifikation mars.pdf');
      expect(new Uint8Array(await download.blob.arrayBuffer())).to.deep.equal(file.bytes);
      expectProblem(() => backend.store.attachment(other, c.number, meta.id), 404);
      expectProblem(() => backend.store.attachment(employer, c.number, 'nope'), 404);
    });

    it('synthesises bytes of the stated size for seeded attachments', async () => {
      const record = backend.store.records().find((r) => r.messages.some((m) => m.attachments.length > 0));
      expect(record, 'a seeded attachment').to.not.equal(undefined);
      const meta = record!.messages.flatMap((m) => m.attachments)[0]!;
      const download = backend.store.attachment(officer, record!.summary.number, meta.id);
      expect(download.blob.size).to.equal(meta.size);
    });
  });

  describe('idempotency', () => {
    it('answers a repeat with the same key and content with the first result, storing nothing new', () => {
      const input = {
        subjectId: 'utbetalning',
        body: 'Utbetalning saknas för 199505152380',
        files: [upload('a.pdf', 5, 'application/pdf')],
      };
      const first = backend.store.createConversation(employer, input, 'same-key');
      const size = backend.store.size;
      const messages = backend.store.messageCount();
      const again = backend.store.createConversation(
        employer,
        { ...input, files: [upload('a.pdf', 5, 'application/pdf')] },
        'same-key',
      );
      expect(first.replayed).to.equal(false);
      expect(again.replayed).to.equal(true);
      expect(again.conversation).to.deep.equal(first.conversation);
      expect(backend.store.size).to.equal(size);
      expect(backend.store.messageCount()).to.equal(messages);
    });

    const different: { name: string; change: Record<string, unknown> }[] = [
      { name: 'body', change: { body: 'Annan text' } },
      { name: 'subject', change: { subjectId: 'ovrigt' } },
      { name: 'file name', change: { files: [upload('b.pdf', 5, 'application/pdf')] } },
      { name: 'file size', change: { files: [upload('a.pdf', 6, 'application/pdf')] } },
    ];
    for (const c of different) {
      it(`rejects the same key with a different ${c.name} (422 idempotencyKey)`, () => {
        const input = {
          subjectId: 'utbetalning',
          body: 'Hej',
          files: [upload('a.pdf', 5, 'application/pdf')],
        };
        backend.store.createConversation(employer, input, 'k');
        const problem = expectProblem(
          () => backend.store.createConversation(employer, { ...input, ...c.change }, 'k'),
          422,
        );
        expect(problem.errors).to.have.property('idempotencyKey');
      });
    }

    it('rejects a different organisation under the same key (officer)', () => {
      backend.store.createConversation(
        officer,
        { subjectId: 'ovrigt', body: 'Hej', organisationCustomerNumber: '0000', files: [] },
        'k',
      );
      const problem = expectProblem(
        () =>
          backend.store.createConversation(
            officer,
            { subjectId: 'ovrigt', body: 'Hej', organisationCustomerNumber: '1042', files: [] },
            'k',
          ),
        422,
      );
      expect(problem.errors).to.have.property('idempotencyKey');
    });

    it('scopes keys per user', () => {
      const a = backend.store.createConversation(
        employer,
        { subjectId: 'ovrigt', body: 'Hej', files: [] },
        'shared',
      );
      const b = backend.store.createConversation(
        colleague,
        { subjectId: 'ovrigt', body: 'Hej', files: [] },
        'shared',
      );
      expect(b.replayed).to.equal(false);
      expect(b.conversation.number).to.not.equal(a.conversation.number);
    });

    it('replays replies once and requires a key', () => {
      const c = create(employer);
      const first = backend.store.reply(officer, c.number, { body: 'Svar', files: [] }, 'r1');
      const again = backend.store.reply(officer, c.number, { body: 'Svar', files: [] }, 'r1');
      expect(again.replayed).to.equal(true);
      expect(again.conversation.messages).to.have.length(2);
      expect(backend.store.peek(c.number)!.messages).to.have.length(2);
      expect(first.conversation.version).to.equal(again.conversation.version);
      expectProblem(() => backend.store.reply(officer, c.number, { body: 'Svar', files: [] }, null), 400);
      expectProblem(
        () =>
          backend.store.createConversation(employer, { subjectId: 'ovrigt', body: 'Hej', files: [] }, ' '),
        400,
      );
    });

    it('does not remember a key whose request failed validation', () => {
      expectProblem(
        () => backend.store.createConversation(employer, { subjectId: 'ovrigt', body: '', files: [] }, 'k'),
        422,
      );
      const ok = backend.store.createConversation(
        employer,
        { subjectId: 'ovrigt', body: 'Nu med text', files: [] },
        'k',
      );
      expect(ok.replayed).to.equal(false);
    });
  });

  describe('assignment and close with versions', () => {
    it('claims, releases and takes over, with history', () => {
      const c = create(employer);
      const claimed = backend.store.claim(colleague, c.number, c.version);
      expect(claimed.assignee).to.deep.equal({ id: 'ABCD01', name: 'Anna Berglund', side: 'employer' });
      const taken = backend.store.takeOver(employer, c.number, `"${claimed.version}"`);
      expect(taken.assignee?.id).to.equal('NAEF00');
      const released = backend.store.release(employer, c.number, `"${taken.version}"`);
      expect(released.assignee).to.equal(null);
      expect(released.history.map((h) => [h.action, h.actor.id])).to.deep.equal([
        ['claimed', 'ABCD01'],
        ['taken-over', 'NAEF00'],
        ['released', 'NAEF00'],
      ]);
      expect(released.history[1]!.previousAssignee?.id).to.equal('ABCD01');
    });

    it('412 on a stale version with the current assignee and version', () => {
      const c = create(employer);
      const claimed = backend.store.claim(colleague, c.number, c.version);
      const problem = expectProblem(() => backend.store.takeOver(employer, c.number, c.version), 412);
      expect(problem.assignee?.id).to.equal('ABCD01');
      expect(problem.version).to.equal(claimed.version);
    });

    const writes = ['claim', 'release', 'takeOver', 'close'] as const;
    for (const write of writes) {
      it(`428 for ${write} without If-Match`, () => {
        const c = create(employer);
        const user = write === 'close' ? officer : employer;
        expectProblem(() => backend.store[write](user, c.number, null), 428);
      });
    }

    const conflicts: { name: string; run: (c: Conversation) => unknown; assignee: string | null }[] = [
      {
        name: 'claim of an assigned conversation',
        run: (c) =>
          backend.store.claim(
            employer,
            c.number,
            backend.store.claim(colleague, c.number, c.version).version,
          ),
        assignee: 'ABCD01',
      },
      {
        name: 'release by a non-assignee',
        run: (c) => backend.store.release(employer, c.number, c.version),
        assignee: null,
      },
      {
        name: 'take-over without assignee',
        run: (c) => backend.store.takeOver(employer, c.number, c.version),
        assignee: null,
      },
      {
        name: 'take-over by the assignee',
        run: (c) =>
          backend.store.takeOver(
            employer,
            c.number,
            backend.store.claim(employer, c.number, c.version).version,
          ),
        assignee: 'NAEF00',
      },
      {
        name: 'close of a closed conversation',
        run: (c) =>
          backend.store.close(officer, c.number, backend.store.close(officer, c.number, c.version).version),
        assignee: null,
      },
    ];
    for (const c of conflicts) {
      it(`409 for ${c.name}, with the assignee`, () => {
        const conversation = create(employer);
        const problem = expectProblem(() => c.run(conversation), 409);
        expect(problem.assignee?.id ?? null).to.equal(c.assignee);
        expect(problem.version).to.be.a('string');
      });
    }

    it('403 for close by employer users', () => {
      const c = create(employer);
      expectProblem(() => backend.store.close(employer, c.number, c.version), 403);
      expect(backend.store.peek(c.number)!.version).to.equal(c.version);
    });

    it('parses If-Match lists and wildcards', () => {
      expect(parseIfMatch('"v1", W/"v2" ,v3, *')).to.deep.equal([
        { wildcard: false, weak: false, value: 'v1' },
        { wildcard: false, weak: true, value: 'v2' },
        { wildcard: false, weak: false, value: 'v3' },
        { wildcard: true },
      ]);
      const c = create(employer);
      expect(backend.store.claim(employer, c.number, `"v0", "${c.version}"`).assignee?.id).to.equal('NAEF00');
    });

    it('compares strongly: * and weak tags are 412, even for the current version', () => {
      const c = create(employer);
      for (const ifMatch of ['*', `W/"${c.version}"`, `"v0", *`]) {
        expectProblem(() => backend.store.claim(employer, c.number, ifMatch), 412);
      }
      expect(backend.store.peek(c.number)!.assignee).to.equal(null);
      expect(backend.store.claim(employer, c.number, `"${c.version}"`).assignee?.id).to.equal('NAEF00');
    });
  });

  describe('visibility', () => {
    it('hides other organisations’ conversations (404) and search results', () => {
      const mine = create(employer);
      expectProblem(() => backend.store.getConversation(other, mine.number), 404);
      expectProblem(() => backend.store.reply(other, mine.number, { body: 'x', files: [] }, nextKey()), 404);
      expectProblem(() => backend.store.claim(other, mine.number, mine.version), 404);
      const otherResult = backend.store.search(other, query({ messageNumber: mine.number }));
      expect(otherResult.total).to.equal(0);
      const all = backend.store.search(employer, query({ statuses: ALL_STATUSES }));
      expect(all.items.every((s) => s.organisation.customerNumber === '0000')).to.equal(true);
    });

    it('shows everything to KPA staff', () => {
      const result = backend.store.search(officer, query({ statuses: ALL_STATUSES }));
      expect(result.total).to.equal(backend.store.size);
      expect(new Set(result.items.map((s) => s.organisation.customerNumber)).size).to.be.greaterThan(1);
    });

    it('lists organisations only for KPA staff', () => {
      expect(backend.store.organisationsFor(employer)).to.deep.equal([]);
      expect(backend.store.organisationsFor(officer).length).to.equal(backend.store.organisations.length);
    });
  });

  describe('notice count', () => {
    /** An employer's organisation's notices; for KPA staff, what waits for KPA in their department. */
    function expected(user: User): number {
      return backend.store
        .summaries()
        .filter((s) =>
          user.side === 'kpa'
            ? user.department!.subjectIds.includes(s.subject.id)
            : s.organisation.customerNumber === user.organisation?.customerNumber,
        )
        .filter((s) => needsAttention(s.status, user.side)).length;
    }
    for (const id of [
      MOCK_USER_IDS.employer,
      MOCK_USER_IDS.otherOrganisation,
      MOCK_USER_IDS.officer,
      MOCK_USER_IDS.otherOfficer,
    ]) {
      it(`counts the statuses needing attention for ${id}`, () => {
        const user = userOf(backend, id);
        expect(backend.store.noticeCount(user)).to.equal(expected(user));
        expect(backend.store.noticeCount(user)).to.be.greaterThan(0);
      });
    }

    it('follows writes: a KPA answer adds a notice for the employer, the employer’s answer removes it', () => {
      const pension = userOf(backend, MOCK_USER_IDS.otherOfficer);
      const officerBefore = backend.store.noticeCount(pension);
      const c = create(employer); // Beräkning: Pension och utbetalning's queue
      expect(backend.store.noticeCount(pension)).to.equal(officerBefore + 1);
      const before = backend.store.noticeCount(employer);
      backend.store.reply(officer, c.number, { body: 'Svar', files: [] }, nextKey());
      expect(backend.store.noticeCount(employer)).to.equal(before + 1);
      expect(backend.store.noticeCount(pension)).to.equal(officerBefore);
      backend.store.reply(employer, c.number, { body: 'Tack', files: [] }, nextKey());
      expect(backend.store.noticeCount(employer)).to.equal(before);
    });
  });

  describe("the officers' side", () => {
    let pension: User;
    beforeEach(() => (pension = userOf(backend, MOCK_USER_IDS.otherOfficer)));
    const inDepartment = (user: User, subjectId: string) => user.department!.subjectIds.includes(subjectId);

    it('an officer of another department gets 404 and never finds it; their own department is theirs (authz.department-scope)', () => {
      const c = create(employer); // Beräkning
      const foreign = backend.store.createConversation(
        employer,
        { subjectId: 'ovrigt', body: 'Övrigt', files: [] },
        nextKey(),
      ).conversation;
      expect(backend.store.getConversation(pension, c.number).number).to.equal(c.number);
      expectProblem(() => backend.store.getConversation(pension, foreign.number), 404);
      expectProblem(
        () => backend.store.reply(pension, foreign.number, { body: 'x', files: [] }, nextKey()),
        404,
      );
      expectProblem(() => backend.store.claim(pension, foreign.number, foreign.version), 404);
      expect(backend.store.search(pension, query({ messageNumber: foreign.number })).total).to.equal(0);
      const all = backend.store.search(pension, query({ statuses: ALL_STATUSES }));
      expect(all.total).to.be.greaterThan(0);
      expect(all.items.every((s) => inDepartment(pension, s.subject.id))).to.equal(true);
      // KPAH01 may see every department.
      expect(backend.store.getConversation(officer, foreign.number).number).to.equal(foreign.number);
    });

    it("departmentOnly is the officer's queue: their department's Ämnen of every organisation, unless an Ämne is chosen", () => {
      const queue = backend.store.search(officer, query({ statuses: ALL_STATUSES, departmentOnly: true }));
      const expectedTotal = backend.store
        .summaries()
        .filter((s) => inDepartment(officer, s.subject.id)).length;
      expect(queue.total).to.equal(expectedTotal);
      expect(queue.items.every((s) => inDepartment(officer, s.subject.id))).to.equal(true);
      expect(new Set(queue.items.map((s) => s.organisation.customerNumber)).size).to.be.greaterThan(1);
      const chosen = backend.store.search(officer, query({ departmentOnly: true, subjectId: 'berakning' }));
      expect(chosen.total).to.be.greaterThan(0);
      // An employer's departmentOnly changes nothing.
      expect(backend.store.search(employer, query({ departmentOnly: true })).total).to.equal(
        backend.store.search(employer, query({ departmentOnly: false })).total,
      );
    });

    it('filters by organisation and by unassigned (the reader’s side)', () => {
      const byOrganisation = backend.store.search(
        officer,
        query({ customerNumber: '1042', statuses: ALL_STATUSES }),
      );
      expect(byOrganisation.total).to.be.greaterThan(0);
      expect(byOrganisation.items.every((s) => s.organisation.customerNumber === '1042')).to.equal(true);
      const unassigned = backend.store.search(officer, query({ unassigned: true, statuses: ALL_STATUSES }));
      expect(unassigned.total).to.be.greaterThan(0);
      expect(unassigned.items.every((s) => s.assignee === null)).to.equal(true);
      // The employer's unassigned ones are others: each side has its own assignee.
      const numbers = (r: { items: { number: string }[] }) => r.items.map((s) => s.number).join();
      const employerUnassigned = backend.store.search(
        employer,
        query({ unassigned: true, statuses: ALL_STATUSES }),
      );
      expect(employerUnassigned.items.every((s) => s.assignee === null)).to.equal(true);
      expect(numbers(employerUnassigned)).not.to.equal(numbers(unassigned));
    });

    it('each side assigns among its own people and reads only its own assignment (assignment.per-side)', () => {
      const c = create(employer);
      const claimed = backend.store.claim(officer, c.number, c.version);
      expect(claimed.assignee?.id).to.equal(MOCK_USER_IDS.officer);
      expect(claimed.history.map((h) => [h.action, h.actor.id])).to.deep.equal([
        ['claimed', MOCK_USER_IDS.officer],
      ]);
      const employerView = backend.store.getConversation(employer, c.number);
      expect(employerView.assignee).to.equal(null);
      expect(employerView.history).to.deep.equal([]);
      const both = backend.store.claim(employer, c.number, employerView.version);
      expect(both.assignee?.id).to.equal(MOCK_USER_IDS.employer);
      expect(backend.store.getConversation(officer, c.number).assignee?.id).to.equal(MOCK_USER_IDS.officer);
      // A colleague at KPA takes over from the officer; the employer's assignee stays.
      const taken = backend.store.takeOver(pension, c.number, both.version);
      expect(taken.assignee?.id).to.equal(MOCK_USER_IDS.otherOfficer);
      expect(taken.history.at(-1)?.previousAssignee?.id).to.equal(MOCK_USER_IDS.officer);
      expect(backend.store.getConversation(employer, c.number).assignee?.id).to.equal(MOCK_USER_IDS.employer);
    });

    it('Väntar sedan: the employer’s first message since KPA last wrote, while it waits for KPA (queue.waiting-since)', () => {
      const c = create(employer);
      const first = c.messages[0]!.sentAt;
      const waiting = () =>
        backend.store.search(officer, query({ messageNumber: c.number })).items[0]!.waitingSince;
      expect(waiting()).to.equal(first);
      backend.store.reply(employer, c.number, { body: 'Ett tillägg', files: [] }, nextKey());
      expect(waiting()).to.equal(first);
      backend.store.reply(officer, c.number, { body: 'Svar', files: [] }, nextKey());
      expect(waiting()).to.equal(null);
      const again = backend.store.reply(
        employer,
        c.number,
        { body: 'Tack, en fråga till', files: [] },
        nextKey(),
      );
      expect(waiting()).to.equal(again.conversation.messages.at(-1)!.sentAt);
      expect(backend.store.getConversation(officer, c.number).waitingSince).to.equal(waiting());
    });
  });

  describe('search', () => {
    it('applies the default statuses (no closed ones) and sorts newest first', () => {
      const result = backend.store.search(employer, query());
      expect(result.items.every((s) => s.status !== 'closed')).to.equal(true);
      const dates = result.items.map((s) => s.lastActivityAt);
      expect(dates).to.deep.equal([...dates].sort().reverse());
    });

    it('filters by subject and status', () => {
      const result = backend.store.search(officer, query({ subjectId: 'berakning', statuses: ['closed'] }));
      expect(result.total).to.be.greaterThan(0);
      expect(result.items.every((s) => s.subject.id === 'berakning' && s.status === 'closed')).to.equal(true);
      const expectedTotal = backend.store
        .summaries()
        .filter((s) => s.subject.id === 'berakning' && s.status === 'closed').length;
      expect(result.total).to.equal(expectedTotal);
    });

    it('filters by assignee id in any case', () => {
      const upper = backend.store.search(employer, query({ assigneeId: 'ABCD01', statuses: ALL_STATUSES }));
      const lower = backend.store.search(employer, query({ assigneeId: ' abcd01 ', statuses: ALL_STATUSES }));
      expect(upper.total).to.be.greaterThan(0);
      expect(lower.total).to.equal(upper.total);
      expect(upper.items.every((s) => s.assignee?.id === 'ABCD01')).to.equal(true);
    });

    it('finds a closed conversation by message number, ignoring every other filter', () => {
      const closed = backend.store
        .summaries()
        .find((s) => s.status === 'closed' && s.organisation.customerNumber === '0000')!;
      const result = backend.store.search(
        employer,
        query({
          messageNumber: closed.number,
          subjectId: closed.subject.id === 'ovrigt' ? 'berakning' : 'ovrigt',
          text: 'finns inte',
          assigneeId: 'ZZZZ99',
        }),
      );
      expect(result.items.map((s) => s.number)).to.deep.equal([closed.number]);
    });

    it('finds text in any message body, case-insensitively', () => {
      const c = create(employer, 'Fråga om Ebba Gnistrande');
      backend.store.reply(officer, c.number, { body: 'Vi återkommer om KARLAVAGNEN', files: [] }, nextKey());
      for (const text of ['gnistrande', 'karlavagnen', 'EBBA G']) {
        const result = backend.store.search(employer, query({ text }));
        expect(
          result.items.map((s) => s.number),
          text,
        ).to.deep.equal([c.number]);
      }
    });

    for (const written of PERSONNUMMER_FORMS) {
      for (const searched of PERSONNUMMER_FORMS) {
        it(`finds a personnummer written ${written} when searched ${searched}`, () => {
          const person = TEST_PERSONS[3]!;
          const c = create(
            employer,
            `Gäller ${person.firstName}, ${writePersonnummer(person.personnummer, written)}.`,
          );
          const result = backend.store.search(
            employer,
            query({ text: writePersonnummer(person.personnummer, searched), statuses: ['sent'] }),
          );
          expect(result.items.map((s) => s.number)).to.include(c.number);
        });
      }
    }

    it('finds seeded conversations about a person whichever form the query uses', () => {
      const person = TEST_PERSONS.find((p) =>
        backend.store.records().some((r) => r.index.personnummer.has(p.personnummer)),
      )!;
      const totals = PERSONNUMMER_FORMS.map(
        (form) =>
          backend.store.search(
            officer,
            query({ text: writePersonnummer(person.personnummer, form), statuses: ALL_STATUSES }),
          ).total,
      );
      const expectedTotal = backend.store
        .records()
        .filter((r) => r.index.personnummer.has(person.personnummer)).length;
      expect(totals).to.deep.equal(PERSONNUMMER_FORMS.map(() => expectedTotal));
    });

    const sorts: Sort[] = [
      { key: 'number', direction: 'asc' },
      { key: 'number', direction: 'desc' },
      { key: 'date', direction: 'asc' },
      { key: 'subject', direction: 'asc' },
      { key: 'status', direction: 'desc' },
      { key: 'assignee', direction: 'asc' },
    ];
    for (const sort of sorts) {
      it(`pages through every match sorted by ${sort.key} ${sort.direction}`, () => {
        const all = backend.store.search(officer, query({ statuses: ALL_STATUSES }, { sort, pageSize: 100 }));
        const pages = [1, 2].map((page) =>
          backend.store.search(officer, query({ statuses: ALL_STATUSES }, { sort, page, pageSize: 100 })),
        );
        expect(pages[0]!.total).to.equal(200);
        expect(pages[0]!.items.map((s) => s.number)).to.deep.equal(all.items.map((s) => s.number));
        const numbers = [...pages[0]!.items, ...pages[1]!.items].map((s) => s.number);
        expect(new Set(numbers).size).to.equal(200);
        if (sort.key === 'number') {
          const sorted = [...numbers].sort();
          expect(numbers).to.deep.equal(sort.direction === 'asc' ? sorted : sorted.reverse());
        }
      });
    }

    it('answers a page past the end with no items and the total', () => {
      const result = backend.store.search(
        officer,
        query({ statuses: ALL_STATUSES }, { page: 99, pageSize: 25 }),
      );
      expect(result).to.deep.include({ items: [], total: 200, page: 99, pageSize: 25 });
    });

    const invalid: { name: string; raw: unknown; field: string }[] = [
      { name: 'page 0', raw: { ...query(), page: 0 }, field: 'page' },
      { name: 'page 1.5', raw: { ...query(), page: 1.5 }, field: 'page' },
      { name: 'pageSize 30', raw: { ...query(), pageSize: 30 }, field: 'pageSize' },
      { name: 'unknown sort key', raw: { ...query(), sort: { key: 'x', direction: 'asc' } }, field: 'sort' },
      {
        name: 'unknown sort direction',
        raw: { ...query(), sort: { key: 'date', direction: 'up' } },
        field: 'sort',
      },
      { name: 'four-digit message number', raw: query({ messageNumber: '1234' }), field: 'messageNumber' },
      { name: 'malformed assignee id', raw: query({ assigneeId: 'AB1' }), field: 'assigneeId' },
      { name: 'unknown subject', raw: query({ subjectId: 'nope' }), field: 'subjectId' },
      { name: 'unknown status', raw: query({ statuses: ['open' as Status] }), field: 'statuses' },
      {
        name: 'missing page',
        raw: { filters: query().filters, sort: DEFAULT_SORT, pageSize: 25 },
        field: 'page',
      },
      {
        name: 'missing pageSize',
        raw: { filters: query().filters, sort: DEFAULT_SORT, page: 1 },
        field: 'pageSize',
      },
      { name: 'missing sort', raw: { filters: query().filters, page: 1, pageSize: 25 }, field: 'sort' },
      { name: 'missing filters', raw: { sort: DEFAULT_SORT, page: 1, pageSize: 25 }, field: 'filters' },
      {
        name: 'missing filter text',
        raw: { ...query(), filters: { ...query().filters, text: undefined } },
        field: 'text',
      },
      {
        name: 'missing filter statuses',
        raw: { ...query(), filters: { ...query().filters, statuses: undefined } },
        field: 'statuses',
      },
    ];
    for (const c of invalid) {
      it(`422 for ${c.name}`, () => {
        const problem = expectProblem(() => backend.store.search(employer, c.raw), 422);
        expect(problem.errors).to.have.property(c.field);
      });
    }

    it('treats an empty message number and assignee as not given', () => {
      const result = backend.store.search(employer, query({ messageNumber: '', assigneeId: '' }));
      expect(result.total).to.be.greaterThan(0);
    });
  });
});
