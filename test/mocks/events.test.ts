import { expect } from '@open-wc/testing';
import { createMockBackend, MOCK_USER_IDS, type MockBackend } from '../../mocks/index.js';
import { ChangeLog, eventStream, RETRY_MS } from '../../mocks/events.js';
import { RuleSwitches } from '../../mocks/rules.js';
import type { User } from '../../src/domain/types.js';
import { installClock, microtasksSettled as settle } from '../clock.js';
import { NOW, userOf } from './helpers.js';

interface Heard {
  retry: number | undefined;
  comments: number;
  events: { id: string; event: string; data: Record<string, unknown> }[];
  ended: boolean;
}

/** A user's event stream, read as it arrives (the SSE format, enough of it for the mock's output). */
function listen(backend: MockBackend, user: User, lastEventId: string | null = null, heartbeatMs = 60_000) {
  const stream = eventStream({
    store: backend.store,
    user,
    lastEventId,
    heartbeatMs,
    rules: new RuleSwitches(),
  });
  const heard: Heard = { retry: undefined, comments: 0, events: [], ended: false };
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
      const blocks = text.split('\n\n');
      text = blocks.pop()!;
      for (const block of blocks) {
        const fields = Object.fromEntries(
          block.split('\n').map((line) => [line.split(': ')[0], line.slice(line.indexOf(': ') + 2)]),
        );
        if (block.startsWith(':')) heard.comments++;
        else if (fields.retry !== undefined) heard.retry = Number(fields.retry);
        else heard.events.push({ id: fields.id!, event: fields.event!, data: JSON.parse(fields.data!) });
      }
    }
    heard.ended = true;
  })();
  return { heard, close: () => reader.cancel() };
}

const kinds = (heard: Heard) => heard.events.map((e) => `${e.event} ${JSON.stringify(e.data)}`);

describe('mock backend: live updates (GET /events)', () => {
  let backend: MockBackend;
  let employer: User;
  let officer: User;
  let number: string;
  let key = 0;
  const answer = (conversation = number) =>
    backend.store.reply(officer, conversation, { body: 'Svar från KPA', files: [] }, `k${++key}`)
      .conversation;

  beforeEach(() => {
    backend = createMockBackend({ seed: 3, size: 30, now: NOW });
    employer = userOf(backend, MOCK_USER_IDS.employer);
    officer = userOf(backend, MOCK_USER_IDS.officer);
    number = backend.store
      .summaries()
      .find(
        (s) => s.organisation.customerNumber === employer.organisation!.customerNumber && s.status === 'sent',
      )!.number;
  });

  it('starts with retry: and the notice count, then tells of a change by number and version only', async () => {
    const { heard, close } = listen(backend, employer);
    await settle();
    const count = backend.store.noticeCount(employer);
    expect(heard.retry).to.equal(RETRY_MS);
    expect(kinds(heard)).to.deep.equal([`notices {"count":${count}}`]);
    const { version } = answer();
    await settle();
    expect(kinds(heard)).to.deep.equal([
      `notices {"count":${count}}`,
      `conversation {"number":"${number}","version":"${version}"}`,
      `notices {"count":${count + 1}}`,
    ]);
    // One change, one id: resuming after either event misses nothing.
    expect(heard.events[1]!.id).to.equal(heard.events[2]!.id);
    expect(heard.events[1]!.id).not.to.equal(heard.events[0]!.id);
    void close();
  });

  it("never tells an employer user of another organisation's conversation", async () => {
    const other = listen(backend, userOf(backend, MOCK_USER_IDS.otherOrganisation));
    const staff = listen(backend, officer);
    await settle();
    const { version } = answer();
    await settle();
    expect(kinds(other.heard).filter((k) => k.startsWith('conversation'))).to.deep.equal([]);
    expect(kinds(staff.heard)).to.include(`conversation {"number":"${number}","version":"${version}"}`);
  });

  it('resumes after Last-Event-ID with the latest version of each conversation changed meanwhile', async () => {
    const first = listen(backend, employer);
    await settle();
    const from = first.heard.events[0]!.id;
    void first.close();
    const others = backend.store
      .summaries()
      .filter(
        (s) => s.organisation.customerNumber === employer.organisation!.customerNumber && s.number !== number,
      );
    answer();
    answer(others[0]!.number);
    const { version } = answer();
    const resumed = listen(backend, employer, from);
    await settle();
    expect(kinds(resumed.heard).filter((k) => k.startsWith('conversation'))).to.deep.equal([
      `conversation {"number":"${others[0]!.number}","version":"${backend.store.peek(others[0]!.number)!.version}"}`,
      `conversation {"number":"${number}","version":"${version}"}`,
    ]);
  });

  it('answers reset to an id it does not know or no longer keeps, also one from before a reseed', async () => {
    const first = listen(backend, employer);
    await settle();
    const before = first.heard.events[0]!.id;
    for (const id of ['nonsense', `${before.split('.')[0]}.999`]) {
      const { heard } = listen(backend, employer, id);
      await settle();
      expect(heard.events[0]!.event, id).to.equal('reset');
    }
    backend.reset({ seed: 3, size: 30, now: NOW });
    await settle();
    expect(first.heard.ended, 'a reseed ends the streams on the old store').to.equal(true);
    const { heard } = listen(backend, employer, before);
    await settle();
    expect(heard.events[0]!.event).to.equal('reset');
  });

  it('keeps the last 1,000 changes for resuming', () => {
    const log = new ChangeLog();
    const start = log.lastId;
    log.add('10000', 'v2');
    expect(log.since(start)).to.deep.equal([{ id: log.lastId, number: '10000', version: 'v2' }]);
    for (let i = 0; i < ChangeLog.KEPT; i++) log.add('10001', `v${i}`);
    expect(log.since(start)).to.equal(null);
    expect(log.since(log.lastId)).to.deep.equal([]);
  });

  it('sends a heartbeat comment every heartbeatMs, and stops when the client goes', async () => {
    const clock = installClock();
    try {
      const { heard, close } = listen(backend, employer, null, 1000);
      await clock.advance(5500);
      await settle();
      expect(heard.comments).to.equal(5);
      await close();
      await clock.advance(5000);
      expect(heard.comments).to.equal(5);
      expect(clock.pending, 'no timer left').to.equal(0);
    } finally {
      clock.uninstall();
    }
  });
});
