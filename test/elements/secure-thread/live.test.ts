/**
 * The thread stays current while it is open: polling (paused in hidden tabs), the adapter's change
 * notifications, and the tab showing again. None of it touches the reply being written.
 */
import { expect } from '@open-wc/testing';
import { createRestAdapter } from '../../../src/adapter/rest-adapter.js';
import { BASE_URL } from '../helpers.js';
import { typeText } from '../../keyboard.js';
import { installClock, until } from '../../clock.js';
import { restoreVisibility, setVisibility } from '../notice-badge/fixtures.js';
import {
  announcer,
  articles,
  asUser,
  body,
  claimBox,
  detail,
  eventually,
  focused,
  formReady,
  hasButton,
  hasField,
  MOCK_USER_IDS,
  normalise,
  renderThread,
  tracked,
  unassigned,
  useMockBackend,
} from './thread-helpers.js';

describe('<secure-thread> live refresh', function () {
  this.timeout(30_000);
  const mock = useMockBackend();
  const { backend } = mock;

  beforeEach(() => setVisibility('visible'));
  afterEach(() => restoreVisibility());

  function officerReplies(number: string, text = 'Svar från KPA medan du skriver.'): void {
    asUser(backend, MOCK_USER_IDS.officer, (u) =>
      backend.store.reply(u, number, { body: text, files: [] }, crypto.randomUUID()),
    );
  }

  it('a new message from KPA appears while a reply is being typed; the draft and focus stay', async () => {
    const number = unassigned(backend, 'sent');
    const before = backend.store.peek(number)!.messages.length;
    const el = await renderThread(mock.adapter(), number, { pollInterval: 0.05 });
    await formReady(el);
    body(el).focus();
    await typeText('Jag skriver ett svar');
    officerReplies(number);
    await eventually(() => articles(el).length === before + 1);
    expect(articles(el).at(-1)!.querySelector('.body')!.textContent).to.equal(
      'Svar från KPA medan du skriver.',
    );
    expect(detail(el, 'Status')).to.equal('Svar inkommit');
    expect(body(el).value).to.equal('Jag skriver ett svar');
    expect(focused(el)).to.equal(body(el));
    await typeText(' och fortsätter');
    expect(body(el).value).to.equal('Jag skriver ett svar och fortsätter');
    await eventually(
      () =>
        normalise(announcer(el).textContent) ===
        'Ett nytt meddelande har kommit. Status är nu Svar inkommit.',
    );
    await expect(el).to.be.accessible();
  });

  it('a take-over by a colleague shows up (and is announced) without touching the draft', async () => {
    const number = unassigned(backend, 'reply-received');
    const version = backend.store.peek(number)!.version;
    asUser(backend, MOCK_USER_IDS.employer, (u) => backend.store.claim(u, number, `"${version}"`));
    const el = await renderThread(mock.adapter(), number, { pollInterval: 0.05 });
    await formReady(el);
    expect(claimBox(el).checked).to.equal(true);
    body(el).focus();
    await typeText('Utkast');
    asUser(backend, MOCK_USER_IDS.colleague, (u) =>
      backend.store.takeOver(u, number, `"${backend.store.peek(number)!.version}"`),
    );
    await eventually(() => detail(el, 'Ansvarig handläggare') === 'Anna Berglund (ABCD01)');
    expect(claimBox(el).checked).to.equal(false);
    expect(hasButton(el, 'Jag tar över ärendet')).to.equal(true);
    expect(body(el).value).to.equal('Utkast');
    expect(focused(el)).to.equal(body(el));
    await eventually(
      () => normalise(announcer(el).textContent) === 'Anna Berglund (ABCD01) är nu ansvarig handläggare.',
    );
    await expect(el).to.be.accessible();
  });

  it('refreshes at once when another element on the same adapter changes this conversation', async () => {
    const number = unassigned(backend, 'new');
    const adapter = mock.adapter();
    const el = await renderThread(adapter, number, { pollInterval: 0 });
    await formReady(el);
    const seen = await adapter.getConversation(number, AbortSignal.timeout(5000));
    await adapter.claim(number, seen.version, AbortSignal.timeout(5000));
    await eventually(() => detail(el, 'Ansvarig handläggare') === 'Namn Efternamn (NAEF00)');
  });

  it('with poll-interval 0 it does not poll', async () => {
    const number = unassigned(backend, 'sent');
    const before = backend.store.peek(number)!.messages.length;
    const el = await renderThread(mock.adapter(), number, { pollInterval: 0 });
    await formReady(el);
    // A second thread on the same conversation that does poll: once it shows the new message,
    // a thread that polled would have had time to show it too. It is in another browser (another
    // channel key): a tab of the same one would tell what it read, and the first would read it.
    const elsewhere = createRestAdapter({ baseUrl: BASE_URL, channelKey: 'another browser' });
    const witness = await renderThread(elsewhere, number, { pollInterval: 0.05 });
    await formReady(witness);
    officerReplies(number);
    await eventually(() => articles(witness).length === before + 1);
    expect(articles(el)).to.have.length(before);
  });

  it('pauses while the tab is hidden and refreshes as soon as it shows again', async () => {
    const number = unassigned(backend, 'sent');
    const before = backend.store.peek(number)!.messages.length;
    const loads = tracked(mock.adapter(), 'getConversation');
    // On the test clock: the thread's timers run only when the test moves time on.
    const clock = installClock();
    try {
      const el = await renderThread(loads.adapter, number, { pollInterval: 0.05 });
      await until(() => hasField(el, 'Meddelande') && loads.inFlight() === 0, 'the conversation');
      setVisibility('hidden');
      const asked = loads.calls();
      officerReplies(number);
      // Ten poll intervals hidden: a thread that still polled would have asked again.
      await clock.advance(500);
      expect(loads.calls(), 'nothing is asked while hidden').to.equal(asked);
      expect(articles(el)).to.have.length(before);
      setVisibility('visible');
      await until(() => articles(el).length === before + 1, 'refreshed on return');
    } finally {
      clock.uninstall();
    }
  });

  it('reads the poll-interval attribute in seconds (default 30)', async () => {
    const number = unassigned(backend, 'sent');
    const el = await renderThread(mock.adapter(), number);
    el.setAttribute('poll-interval', '0.05');
    await formReady(el);
    expect(el.pollInterval).to.equal(0.05);
    const before = backend.store.peek(number)!.messages.length;
    officerReplies(number);
    await eventually(() => articles(el).length === before + 1);
    expect(document.createElement('secure-thread').pollInterval).to.equal(30);
  });
});
