import { expect } from '@open-wc/testing';
import {
  findPersonnummerCandidates,
  normalisePersonnummer,
  parsePersonnummer,
} from '../../src/domain/personnummer.js';
import { nextStatus } from '../../mocks/transitions.js';
import { STATUSES, type Status } from '../../src/domain/status.js';
import { createMockBackend, MOCK_USER_IDS } from '../../mocks/index.js';
import { createRandom, mulberry32 } from '../../mocks/prng.js';
import { isoInstant } from '../../mocks/seed.js';
import {
  PERSONNUMMER_FORMS,
  TEST_PERSONNUMMER,
  TEST_PERSONS,
  writePersonnummer,
} from '../../mocks/test-personnummer.js';
import { NOW } from './helpers.js';

const DAY = 86_400_000;

describe('mock seed', () => {
  describe('PRNG', () => {
    it('repeats for the same seed and differs for another', () => {
      const a = mulberry32(42);
      const b = mulberry32(42);
      const c = mulberry32(43);
      const seqA = [a(), a(), a()];
      expect([b(), b(), b()]).to.deep.equal(seqA);
      expect([c(), c(), c()]).to.not.deep.equal(seqA);
      expect(seqA.every((x) => x >= 0 && x < 1)).to.equal(true);
    });

    it('draws integers in range and follows weights', () => {
      const r = createRandom(5);
      const counts = { a: 0, b: 0 };
      for (let i = 0; i < 2000; i++) {
        const n = r.int(3, 5);
        expect(n >= 3 && n <= 5 && Number.isInteger(n)).to.equal(true);
        counts[r.weighted({ a: 1, b: 3 })]++;
      }
      expect(counts.b / 2000).to.be.within(0.7, 0.8);
    });
  });

  it('formats instants exactly like toISOString', () => {
    const r = createRandom(9);
    for (let i = 0; i < 2000; i++) {
      const ms = r.int(0, 4_102_444_800_000);
      expect(isoInstant(ms)).to.equal(new Date(ms).toISOString());
    }
    expect(isoInstant(1_711_540_800_123.9)).to.equal('2024-03-27T12:00:00.123Z');
  });

  describe('test personnummer', () => {
    it('has about twenty unique entries', () => {
      expect(TEST_PERSONS.length).to.be.within(15, 30);
      expect(TEST_PERSONNUMMER.size).to.equal(TEST_PERSONS.length);
    });
    for (const person of TEST_PERSONS) {
      it(`${person.personnummer} passes the domain check in every written form`, () => {
        for (const form of PERSONNUMMER_FORMS) {
          const written = writePersonnummer(person.personnummer, form);
          const result = parsePersonnummer(written, NOW);
          expect(result.ok, `${written}: ${result.ok ? '' : result.code}`).to.equal(true);
          expect(normalisePersonnummer(written, NOW)).to.equal(person.personnummer);
        }
        expect(Number(person.personnummer[10]) % 2 === 1, 'gender digit matches the name list').to.equal(
          [
            'Lars',
            'Mats',
            'Per',
            'Fredrik',
            'Jonas',
            'Daniel',
            'Andreas',
            'Emil',
            'Viktor',
            'Oscar',
            'Filip',
            'Hugo',
          ].includes(person.firstName),
        );
      });
    }
  });

  describe('determinism', () => {
    it('gives identical data for the same seed, size and now', () => {
      const a = createMockBackend({ seed: 11, size: 300, now: NOW });
      const b = createMockBackend({ seed: 11, size: 300, now: NOW });
      expect(b.store.summaries()).to.deep.equal(a.store.summaries());
      expect(b.store.peek(a.store.summaries()[123]!.number)).to.deep.equal(
        a.store.peek(a.store.summaries()[123]!.number),
      );
      const all = (x: typeof a) => x.store.records().map((r) => x.store.peek(r.summary.number));
      expect(JSON.stringify(all(b))).to.equal(JSON.stringify(all(a)));
    });

    it('gives different data for another seed', () => {
      const a = createMockBackend({ seed: 11, size: 100, now: NOW });
      const b = createMockBackend({ seed: 12, size: 100, now: NOW });
      expect(JSON.stringify(b.store.summaries())).to.not.equal(JSON.stringify(a.store.summaries()));
    });

    it('reseeds identically on reset, dropping writes', () => {
      const backend = createMockBackend({ seed: 3, size: 80, now: NOW });
      const before = JSON.stringify(backend.store.summaries());
      backend.store.createConversation(
        backend.currentUser(),
        { subjectId: 'ovrigt', body: 'Hej', files: [] },
        'k',
      );
      expect(backend.store.size).to.equal(81);
      backend.reset();
      expect(JSON.stringify(backend.store.summaries())).to.equal(before);
      backend.reset({ size: 10 });
      expect(backend.store.size).to.equal(10);
    });

    const sizes = [0, 1, 5, 60];
    for (const size of sizes) {
      it(`supports size ${size}`, () => {
        expect(createMockBackend({ size, now: NOW }).store.size).to.equal(size);
      });
    }

    it('rejects sizes outside 0..100000', () => {
      expect(() => createMockBackend({ size: 100_001 })).to.throw(RangeError);
      expect(() => createMockBackend({ size: -1 })).to.throw(RangeError);
    });
  });

  describe('content of 2,000 conversations', () => {
    let records: ReturnType<ReturnType<typeof createMockBackend>['store']['records']>;
    before(() => {
      records = createMockBackend({ seed: 1, size: 2000, now: NOW }).store.records();
    });

    it('numbers them uniquely with five digits', () => {
      const numbers = records.map((r) => r.summary.number);
      expect(numbers.every((n) => /^\d{5}$/.test(n))).to.equal(true);
      expect(new Set(numbers).size).to.equal(numbers.length);
    });

    it('has plausible status proportions: mostly closed or answered', () => {
      const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
      for (const r of records) counts[r.summary.status]++;
      const share = (s: Status) => counts[s] / records.length;
      expect(share('closed') + share('answered')).to.be.greaterThan(0.7);
      expect(share('closed')).to.be.greaterThan(share('answered'));
      expect(share('new')).to.be.within(0.01, 0.1);
      expect(share('reply-received')).to.be.within(0.03, 0.15);
      expect(share('sent')).to.be.within(0.01, 0.12);
    });

    it('replays each conversation’s messages and closes to its status, with 1–6 messages', () => {
      for (const r of records) {
        expect(r.messages.length, r.summary.number).to.be.within(1, 6);
        const events = [
          ...r.messages.map((m) => ({
            at: m.sentAt,
            event: m.author.side === 'kpa' ? ('kpa-sends' as const) : ('employer-sends' as const),
          })),
          ...r.history
            .filter((h) => h.action === 'closed')
            .map((h) => ({ at: h.at, event: 'kpa-closes' as const })),
        ].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.event === 'kpa-closes' ? 1 : -1));
        let status: Status | null = null;
        for (const e of events) status = nextStatus(status, e.event);
        expect(status, r.summary.number).to.equal(r.summary.status);
        expect(r.summary.lastActivityAt, r.summary.number).to.equal(events[events.length - 1]!.at);
        if (r.summary.status === 'reply-received')
          expect(r.messages[r.messages.length - 1]!.author.side).to.equal('kpa');
        if (r.summary.status === 'sent')
          expect(r.messages[r.messages.length - 1]!.author.side).to.equal('employer');
        if (r.summary.status === 'new')
          expect(r.messages.every((m) => m.author.side === 'kpa')).to.equal(true);
      }
    });

    it('marks reopened conversations in the history', () => {
      const reopened = records.filter((r) => r.history.some((h) => h.action === 'reopened'));
      expect(reopened.length).to.be.greaterThan(0);
    });

    it('dates everything within about two years before now, messages in order', () => {
      const earliest = NOW.getTime() - 740 * DAY;
      for (const r of records) {
        const times = r.messages.map((m) => Date.parse(m.sentAt));
        expect(times[0]! >= earliest && times[times.length - 1]! <= NOW.getTime(), r.summary.number).to.equal(
          true,
        );
        expect([...times].sort((a, b) => a - b)).to.deep.equal(times);
        for (const h of r.history) expect(Date.parse(h.at) <= NOW.getTime()).to.equal(true);
      }
      const oldest = Math.min(...records.map((r) => Date.parse(r.messages[0]!.sentAt)));
      expect(oldest).to.be.lessThan(NOW.getTime() - 600 * DAY);
    });

    it('assigns employer-side people of the same organisation, some conversations unassigned', () => {
      const assigned = records.filter((r) => r.summary.assignee !== null);
      expect(assigned.length / records.length).to.be.within(0.4, 0.85);
      for (const r of assigned) {
        expect(r.summary.assignee!.id).to.match(/^[A-Z]{4}\d{2}$/);
        expect(r.summary.assignee!.side).to.equal('employer');
      }
      const homeAssignees = new Set(
        records
          .filter((r) => r.summary.organisation.customerNumber === '0000')
          .map((r) => r.summary.assignee?.id),
      );
      expect(
        homeAssignees.has('NAEF00') && homeAssignees.has('ABCD01') && homeAssignees.has('EFGH02'),
      ).to.equal(true);
    });

    it('gives the demo organisation a good share, with new and reply-received ones among the most recent', () => {
      const home = records.filter((r) => r.summary.organisation.customerNumber === '0000');
      expect(home.length / records.length).to.be.within(0.25, 0.4);
      const recent = home.slice(-12).map((r) => r.summary.status);
      expect(recent.filter((s) => s === 'new').length).to.be.at.least(2);
      expect(recent.filter((s) => s === 'reply-received').length).to.be.at.least(4);
    });

    it('mentions only listed test personnummer, in several written forms, each passing the domain check', () => {
      const forms = new Set<string>();
      let mentions = 0;
      for (const r of records) {
        for (const m of r.messages) {
          for (const candidate of findPersonnummerCandidates(m.body)) {
            mentions++;
            const normalised = normalisePersonnummer(candidate.text, NOW);
            expect(normalised, candidate.text).to.be.a('string');
            expect(TEST_PERSONNUMMER.has(normalised!), candidate.text).to.equal(true);
            const digits = candidate.text.replace(/\D/g, '').length;
            forms.add(`${digits}${candidate.text.includes('-') ? '-' : ''}`);
          }
        }
      }
      expect(mentions).to.be.greaterThan(records.length);
      expect([...forms].sort()).to.deep.equal(['10', '10-', '12', '12-']);
    });

    it('writes Swedish texts about employments, salaries and pensions, with a few attachments', () => {
      const bodies = records.flatMap((r) => r.messages.map((m) => m.body));
      for (const word of ['anställning', 'lön', 'pension', 'utbetal', 'Hej']) {
        expect(
          bodies.some((b) => b.includes(word)),
          word,
        ).to.equal(true);
      }
      const attachments = records.flatMap((r) => r.messages.flatMap((m) => m.attachments));
      expect(attachments.length / records.length).to.be.within(0.02, 0.2);
      expect(new Set(attachments.map((a) => a.id)).size).to.equal(attachments.length);
    });

    it('keeps the search index in step with the bodies', () => {
      for (const r of records.slice(0, 50)) {
        const pnrs = r.messages.flatMap((m) =>
          findPersonnummerCandidates(m.body).map((c) => normalisePersonnummer(c.text, NOW)),
        );
        for (const p of pnrs) expect(r.index.personnummer.has(p!)).to.equal(true);
      }
    });
  });

  describe('100,000 conversations', () => {
    // Speed is measured by `npm run bench`, never asserted here.
    it('are generated and searchable by text, personnummer and message number', () => {
      const backend = createMockBackend({ seed: 1, size: 100_000, now: NOW });
      expect(backend.store.size).to.equal(100_000);

      backend.setCurrentUser(MOCK_USER_IDS.officer);
      const officer = backend.currentUser();
      const query = (text: string) => ({
        filters: { subjectId: null, messageNumber: '', assigneeId: '', text, statuses: [...STATUSES] },
        sort: { key: 'date' as const, direction: 'desc' as const },
        page: 1,
        pageSize: 25 as const,
      });
      const byText = backend.store.search(officer, query('lönespecifikation'));
      const byPnr = backend.store.search(
        officer,
        query(writePersonnummer(TEST_PERSONS[0]!.personnummer, 'short-dash')),
      );
      const byNumber = backend.store.search(officer, {
        ...query(''),
        filters: { ...query('').filters, messageNumber: backend.store.summaries()[5]!.number },
      });
      expect(byText.total).to.be.greaterThan(1000);
      expect(byPnr.total).to.be.greaterThan(1000);
      expect(byNumber.total).to.equal(1);
      // Every five-digit number is taken: a new conversation is refused rather than given a duplicate.
      backend.setCurrentUser(MOCK_USER_IDS.employer);
      const numbers = new Set(backend.store.summaries().map((s) => s.number));
      expect(numbers.size).to.equal(100_000);
      expect(() =>
        backend.store.createConversation(
          backend.currentUser(),
          { subjectId: 'ovrigt', body: 'Hej', files: [] },
          'k',
        ),
      ).to.throw('lediga meddelandenummer');
    }).timeout(60_000);
  });
});
