import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { SecureAuthRequiredEvent } from '../../../src/events/events.js';
import {
  alertText,
  articles,
  button,
  detail,
  eventually,
  formReady,
  loaded,
  MOCK_USER_IDS,
  normalise,
  pick,
  renderThread,
  root,
  timeline,
  tracked,
  unassigned,
  useMockBackend,
  intercept,
} from './thread-helpers.js';

const conversationPath = (number: string) => ({ method: 'GET', path: `/conversations/${number}` });

describe('<secure-thread> loading and showing a conversation', function () {
  this.timeout(30_000);
  const mock = useMockBackend();
  const { backend } = mock;

  it('shows the details, the messages in order as articles and a heading structure', async () => {
    const number = pick(backend, (r) => r.messages.length >= 2 && r.summary.assignee !== null);
    // The latest message at a known instant: 07:55 UTC is 08:55 in Swedish winter time.
    backend.store.record(number)!.messages.at(-1)!.sentAt = '2026-03-02T07:55:00.000Z';
    const stored = backend.store.peek(number)!;
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    expect(normalise(root(el).querySelector('h2')?.textContent)).to.equal(`Konversation ${number}`);
    expect(detail(el, 'Meddelandenummer')).to.equal(number);
    expect(detail(el, 'Ämne')).to.equal(stored.subject.name);
    expect(detail(el, 'Status')).to.equal(
      {
        new: 'Nytt meddelande',
        sent: 'Skickat',
        answered: 'Besvarat',
        'reply-received': 'Svar inkommit',
        closed: 'Avslutad',
      }[stored.status],
    );
    expect(detail(el, 'Ansvarig handläggare')).to.equal(`${stored.assignee!.name} (${stored.assignee!.id})`);
    const headings = [...root(el).querySelectorAll('h2, h3')]
      .filter((h) => !h.closest('dialog'))
      .map((h) => `${h.tagName} ${normalise(h.textContent)}`);
    expect(headings).to.deep.equal([`H2 Konversation ${number}`, 'H3 Meddelanden', 'H3 Svara']);
    const list = articles(el);
    expect(list).to.have.length(stored.messages.length);
    expect(normalise(list.at(-1)!.querySelector('time')!.textContent)).to.equal('2026-03-02 08:55');
    stored.messages.forEach((message, i) => {
      const article = list[i]!;
      const time = article.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal(message.sentAt);
      expect(normalise(time.textContent)).to.match(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      expect(article.querySelector('.body')!.textContent).to.equal(message.body);
      const author =
        message.author.side === 'kpa'
          ? `KPA Pension, ${message.author.name}`
          : `${message.author.name} (${message.author.id})`;
      expect(normalise(article.querySelector('h4')!.textContent)).to.equal(author);
    });
    await expect(el).to.be.accessible();
  });

  it('names the employer user by name and id, and KPA as "KPA Pension" with the officer', async () => {
    const number = pick(
      backend,
      (r) =>
        r.messages.some((m) => m.author.side === 'kpa') &&
        r.messages.some((m) => m.author.side === 'employer'),
    );
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    const authors = articles(el).map((a) => normalise(a.querySelector('h4')!.textContent));
    expect(authors.some((a) => /^KPA Pension, \S+ \S+$/.test(a))).to.equal(true);
    expect(authors.some((a) => /^\S+ \S+ \([A-Z]{4}\d{2}\)$/.test(a))).to.equal(true);
  });

  it('shows message text as plain text with its line breaks, never as HTML', async () => {
    const number = unassigned(backend, 'new');
    const text = 'Hej!\n\n<b>Inte fet</b> <img src=x onerror="alert(1)">\n  Indraget';
    backend.store.record(number)!.messages[0]!.body = text;
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    const shown = articles(el)[0]!.querySelector<HTMLElement>('.body')!;
    expect(shown.textContent).to.equal(text);
    expect(shown.querySelector('b, img')).to.equal(null);
    expect(getComputedStyle(shown).whiteSpace).to.equal('pre-wrap');
    // The line breaks take up lines: the body is taller than one line of text.
    expect(shown.getBoundingClientRect().height).to.be.greaterThan(
      parseFloat(getComputedStyle(shown).lineHeight) * 3,
    );
  });

  it('interleaves the history (claimed, taken over, closed, reopened) with the messages by time', async () => {
    const number = pick(
      backend,
      (r) =>
        r.history.some((h) => h.action === 'taken-over') && r.history.some((h) => h.action === 'reopened'),
    );
    const stored = backend.store.peek(number)!;
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    const lines = timeline(el);
    expect(lines).to.have.length(stored.messages.length + stored.history.length);
    const taken = stored.history.find((h) => h.action === 'taken-over')!;
    const takenText = `history: ${taken.actor.name} (${taken.actor.id}) tog över ärendet från ${taken.previousAssignee!.name} (${taken.previousAssignee!.id}). `;
    const takenLine = lines.find((l) => l.startsWith(takenText));
    expect(takenLine?.slice(takenText.length), lines.join('\n')).to.match(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(
      lines.some(
        (l) => l.startsWith('history: ') && l.includes('återupptog konversationen genom att svara.'),
      ),
    ).to.equal(true);
    expect(
      lines.some((l) => l.startsWith('history: ') && l.includes('markerade konversationen som avslutad.')),
    ).to.equal(true);
    // In time order: every line's time is not earlier than the one before.
    const times = [...root(el).querySelectorAll('ol.timeline > li time')].map((t) =>
      Date.parse(t.getAttribute('datetime')!),
    );
    expect(times).to.deep.equal([...times].sort((a, b) => a - b));
    await expect(el).to.be.accessible();
  });

  it('says clearly when nobody has the case', async () => {
    const el = await renderThread(mock.adapter(), unassigned(backend, 'reply-received'));
    await loaded(el);
    expect(detail(el, 'Ansvarig handläggare')).to.equal('Ingen ansvarig');
  });

  it('shows the organisation to a KPA case officer, who sees every organisation', async () => {
    backend.setCurrentUser(MOCK_USER_IDS.officer);
    const number = pick(backend, (r) => r.summary.status === 'sent');
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    expect(detail(el, 'Organisation')).to.equal('Kundnamnet (kundnummer 0000)');
    // The employer's Skickat, read from KPA's side.
    expect(detail(el, 'Status')).to.equal('Väntar på KPA');
    await expect(el).to.be.accessible();
  });

  it('loading: says so until the conversation arrives', async () => {
    const number = unassigned(backend, 'new');
    backend.faults.add({ kind: 'hang', ...{ match: conversationPath(number) } });
    const el = await renderThread(mock.adapter(), number);
    await eventually(() => root(el).querySelector('.loading'), 'the loading state is drawn');
    expect(normalise(root(el).querySelector('.loading')?.textContent)).to.equal('Hämtar konversationen …');
    expect(root(el).querySelector('.announcer')).to.not.equal(null);
    await expect(el).to.be.accessible();
    backend.faults.clear();
  });

  it('not found (404): says the conversation was not found, without a retry', async () => {
    const el = await renderThread(mock.adapter(), '99999');
    await loaded(el);
    expect(alertText(el)).to.contain('Konversationen hittades inte.');
    expect(root(el).querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('not a Meddelandenummer: not found, without asking the server', async () => {
    let requests = 0;
    const counting = intercept(mock.adapter(), 'getConversation', (get) => {
      requests++;
      return get;
    });
    const el = await renderThread(counting, '12ab');
    await loaded(el);
    expect(alertText(el)).to.contain('Konversationen hittades inte.');
    expect(requests).to.equal(0);
  });

  it('auth required (401): fires secure-auth-required, and Försök igen loads it after signing in', async () => {
    const number = unassigned(backend, 'new');
    backend.faults.add({ kind: 'status', status: 401, match: conversationPath(number), times: 1 });
    const adapter = mock.adapter();
    const pending = renderThread(adapter, number);
    const event = await oneEvent(document, SecureAuthRequiredEvent.eventName);
    expect(event).to.be.instanceOf(SecureAuthRequiredEvent);
    const el = await pending;
    await loaded(el);
    expect(alertText(el)).to.equal('Du har blivit utloggad. Logga in igen för att fortsätta.');
    await expect(el).to.be.accessible();
    button(el, 'Försök igen').click();
    await eventually(() => root(el).querySelector('dl.details'));
    expect(detail(el, 'Meddelandenummer')).to.equal(number);
  });

  it('other errors (500): an error with Försök igen that loads it again', async () => {
    const number = unassigned(backend, 'new');
    backend.faults.add({ kind: 'status', status: 500, match: conversationPath(number), times: 1 });
    const el = await renderThread(mock.adapter(), number);
    await loaded(el);
    expect(alertText(el)).to.contain('Det gick inte att hämta konversationen.');
    await expect(el).to.be.accessible();
    button(el, 'Försök igen').click();
    await eventually(() => root(el).querySelector('dl.details'));
    await el.updateComplete;
    expect(root(el).activeElement?.id).to.equal('thread-title');
  });

  it('a newer number aborts the older load; the older answer never replaces the newer one', async () => {
    const first = unassigned(backend, 'new');
    const second = unassigned(backend, 'reply-received');
    // The first conversation is answered only when the test says so, even after its abort.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstAnswer: Promise<unknown> | undefined;
    const slow = intercept(mock.adapter(), 'getConversation', (get) => (n, signal, options) => {
      if (n !== first) return get(n, signal, options);
      const answer = get(n, new AbortController().signal).then(async (conversation) => {
        await held;
        return conversation;
      });
      firstAnswer = answer;
      return answer;
    });
    const el = await renderThread(slow, first);
    el.number = second;
    await loaded(el);
    expect(detail(el, 'Meddelandenummer')).to.equal(second);
    await eventually(() => firstAnswer !== undefined, 'the first conversation was asked for');
    release();
    await firstAnswer;
    await el.updateComplete;
    expect(detail(el, 'Meddelandenummer')).to.equal(second);
  });

  it('fits 320 px without sideways scrolling, even with a long unbroken word and file name', async () => {
    const number = pick(backend, (r) => r.messages.some((m) => m.attachments.length > 0));
    const record = backend.store.record(number)!;
    record.messages[0]!.body = `Ett${'mycketlångtord'.repeat(12)} och mer text.`;
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 320px">
        <secure-thread number=${number} poll-interval="0" .adapter=${mock.adapter()}></secure-thread>
      </div>`,
    );
    const el = wrapper.querySelector('secure-thread')!;
    await formReady(el);
    expect(el.scrollWidth).to.be.at.most(320);
    for (const node of root(el).querySelectorAll<HTMLElement>('article, dl, form, .actions-bar')) {
      expect(node.getBoundingClientRect().right, node.className).to.be.at.most(
        wrapper.getBoundingClientRect().right + 0.5,
      );
    }
    await expect(el).to.be.accessible();
  });

  it('opening and reading never change the status (Nytt meddelande stays, even when polled)', async () => {
    for (const status of ['new', 'reply-received', 'sent', 'answered', 'closed'] as const) {
      const number = pick(backend, (r) => r.summary.status === status);
      const before = backend.store.peek(number)!;
      const loads = tracked(mock.adapter(), 'getConversation');
      const el = await renderThread(loads.adapter, number, { pollInterval: 0.05 });
      await loaded(el);
      // Polled at least twice, every answer in.
      await eventually(() => loads.calls() >= 3);
      await loads.settled();
      const after = backend.store.peek(number)!;
      expect(after.status, status).to.equal(status);
      expect(after.version).to.equal(before.version);
      expect(after.lastActivityAt).to.equal(before.lastActivityAt);
      el.remove();
    }
  });
});
