import { expect } from '@open-wc/testing';
import type { SecureMessagesAdapter } from '../../src/adapter/adapter.js';
import { ServerError } from '../../src/adapter/errors.js';
import { currentUser, serverConfig, subjects } from '../../src/controllers/session.js';
import type { ServerConfig, Subject, User } from '../../src/domain/index.js';
import { USER } from '../fixtures.js';

const SUBJECTS: Subject[] = [{ id: 's1', name: 'Beräkning' }];

interface Pending<T> {
  signal: AbortSignal;
  resolve(value: T): void;
  reject(error: unknown): void;
}

/** An adapter whose user and subject requests the test answers by hand. */
function manualAdapter() {
  const users: Pending<User>[] = [];
  const subjectLists: Pending<Subject[]>[] = [];
  const configs: Pending<ServerConfig>[] = [];
  const ask =
    <T>(list: Pending<T>[]) =>
    (signal: AbortSignal) =>
      new Promise<T>((resolve, reject) => {
        list.push({ signal, resolve, reject });
        signal.addEventListener('abort', () => reject(signal.reason));
      });
  const adapter = {
    getCurrentUser: ask(users),
    getSubjects: ask(subjectLists),
    getServerConfig: ask(configs),
  } as unknown as SecureMessagesAdapter;
  return { adapter, users, subjectLists, configs };
}

const signal = () => new AbortController().signal;

const CONFIG: ServerConfig = {
  attachments: { maxBytes: 1024, maxFiles: 1, allowedTypes: [] },
  messageMaxLength: 100,
  expectedReplyWorkingDays: 5,
};

/** Two callers at once and one after the answer: the adapter is asked once, and each gets its answer. */
async function expectAskedOnce<T>(ask: () => Promise<T>, asked: Pending<T>[], answer: T): Promise<void> {
  const first = ask();
  const second = ask();
  expect(asked).to.have.length(1);
  asked[0].resolve(answer);
  expect(await first).to.deep.equal(answer);
  expect(await second).to.deep.equal(answer);
  expect(await ask()).to.deep.equal(answer);
  expect(asked).to.have.length(1);
}

describe('session: the user, the subjects and the settings, once per adapter', () => {
  it('asks the adapter once for the user, however many elements ask', async () => {
    const { adapter, users } = manualAdapter();
    await expectAskedOnce(() => currentUser(adapter, signal()), users, USER);
  });

  it('keeps the subjects apart from the user, and each adapter apart from the others', async () => {
    const one = manualAdapter();
    const two = manualAdapter();
    const fromOne = subjects(one.adapter, signal());
    const fromTwo = subjects(two.adapter, signal());
    expect(one.subjectLists).to.have.length(1);
    expect(two.subjectLists).to.have.length(1);
    expect(one.users).to.have.length(0);
    one.subjectLists[0].resolve(SUBJECTS);
    two.subjectLists[0].resolve([]);
    expect(await fromOne).to.deep.equal(SUBJECTS);
    expect(await fromTwo).to.deep.equal([]);
  });

  it('asks once for the settings, apart from the user and the subjects', async () => {
    const { adapter, users, subjectLists, configs } = manualAdapter();
    await expectAskedOnce(() => serverConfig(adapter, signal()), configs, CONFIG);
    expect(users).to.have.length(0);
    expect(subjectLists).to.have.length(0);
  });

  it('forgets a failed answer, so that Försök igen asks the server again', async () => {
    const { adapter, users } = manualAdapter();
    const failing = currentUser(adapter, signal());
    users[0].reject(new ServerError('503', 503, null));
    let error: unknown;
    try {
      await failing;
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(ServerError);
    const retried = currentUser(adapter, signal());
    expect(users).to.have.length(2);
    users[1].resolve(USER);
    expect(await retried).to.deep.equal(USER);
  });

  it('stops waiting when the caller aborts, without cancelling the request for the others', async () => {
    const { adapter, users } = manualAdapter();
    const leaving = new AbortController();
    const left = currentUser(adapter, leaving.signal);
    const staying = currentUser(adapter, signal());
    leaving.abort();
    let error: unknown;
    try {
      await left;
    } catch (e) {
      error = e;
    }
    expect((error as DOMException).name).to.equal('AbortError');
    expect(users[0].signal.aborted).to.equal(false);
    users[0].resolve(USER);
    expect(await staying).to.deep.equal(USER);
    expect(users).to.have.length(1);
  });

  it('answers an already aborted caller with an abort, and asks nothing for it', async () => {
    const { adapter, subjectLists } = manualAdapter();
    const gone = new AbortController();
    gone.abort();
    let error: unknown;
    try {
      await subjects(adapter, gone.signal);
    } catch (e) {
      error = e;
    }
    expect((error as DOMException).name).to.equal('AbortError');
    expect(subjectLists).to.have.length(0);
  });
});
