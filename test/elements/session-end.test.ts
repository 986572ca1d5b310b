/**
 * The session's end, across the elements that share one adapter: after a 401 (or the host's
 * forgetSession) nothing the server said about anyone stays in the page, nothing polls, and a
 * different user who signs in next inherits nothing. Faults come from the mock backend's switches;
 * requests are counted through the adapter's own `fetch`.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { MOCK_USER_IDS } from '../../mocks/index.js';
import { sampleFile } from '../../mocks/sample-files.js';
import type { ConversationRecord } from '../../mocks/store.js';
import type { SecureMessagesAdapter } from '../../src/adapter/adapter.js';
import { ChangeHub } from '../../src/adapter/change-hub.js';
import { createRestAdapter } from '../../src/adapter/rest-adapter.js';
import { replyDraftKey } from '../../src/controllers/drafts.js';
import { recallInbox } from '../../src/controllers/inbox-query.js';
import { forgetSession, getDraft } from '../../src/controllers/session.js';
import '../../src/define/notice-badge.js';
import '../../src/define/secure-adapter-provider.js';
import '../../src/define/secure-compose.js';
import '../../src/define/secure-inbox.js';
import '../../src/define/secure-thread.js';
import type { NoticeBadge } from '../../src/elements/notice-badge/notice-badge.js';
import type { SecureCompose } from '../../src/elements/secure-compose/secure-compose.js';
import type { SecureInbox } from '../../src/elements/secure-inbox/secure-inbox.js';
import type { SecureThread } from '../../src/elements/secure-thread/secure-thread.js';
import { SecureAuthRequiredEvent, SecureMessageSentEvent } from '../../src/events/events.js';
import { BASE_URL, channelKey, eventually, useMockBackend, witnessPolls } from './helpers.js';
import { button, field, hasButton, normalise, root } from './queries.js';
import { alertText, body, formReady, messagesIn, pick, typeReply } from './secure-thread/thread-helpers.js';

interface Sent {
  method: string;
  path: string;
  background: string | null;
  idempotencyKey: string | null;
  /** The answer's status, once it has come. */
  status?: number;
  /** The request has ended: answered, failed or aborted. */
  settled?: boolean;
}

/** A REST adapter whose every request (uploads included) goes through a `fetch` that records it. */
function recordingAdapter(changes?: ChangeHub): { adapter: SecureMessagesAdapter; sent: Sent[] } {
  const sent: Sent[] = [];
  const adapter = createRestAdapter({
    baseUrl: BASE_URL,
    channelKey: channelKey(),
    changes,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      const url = new URL(input instanceof Request ? input.url : String(input), location.href);
      const request: Sent = {
        method: init?.method ?? 'GET',
        path: url.pathname.slice(BASE_URL.length),
        background: headers.get('X-Background-Request'),
        idempotencyKey: headers.get('Idempotency-Key'),
      };
      sent.push(request);
      return fetch(input, init)
        .then((response) => {
          request.status = response.status;
          return response;
        })
        .finally(() => (request.settled = true));
    },
  });
  return { adapter, sent };
}

/** Every text of the page, through every shadow root, with the labels assistive technology reads. */
function pageText(node: Node = document.body): string {
  let text = '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof Element) {
    for (const name of ['aria-label', 'title', 'value', 'href', 'download']) {
      const value = node.getAttribute(name);
      if (value) text += ` ${value}`;
    }
    if (node instanceof HTMLTextAreaElement || node instanceof HTMLInputElement) text += ` ${node.value}`;
    if (node.shadowRoot) text += pageText(node.shadowRoot);
  }
  for (const child of node.childNodes) text += pageText(child);
  return text;
}

/** What the server said about people in a conversation: bodies, names, file names. */
function personalTexts(record: ConversationRecord): string[] {
  const texts = new Set<string>();
  for (const message of record.messages) {
    // A slice from the middle of each body (the whole body may be wrapped or shortened on screen).
    const line = message.body.split('\n').find((l) => l.trim().length >= 12) ?? message.body;
    texts.add(normalise(line).slice(0, 24));
    if (message.author.id !== 'KPA') texts.add(message.author.name);
    for (const attachment of message.attachments) texts.add(attachment.name);
  }
  if (record.summary.assignee) texts.add(record.summary.assignee.name);
  return [...texts].filter((t) => t.trim().length >= 4);
}

function leftOnScreen(texts: string[]): string[] {
  const page = normalise(pageText());
  return texts.filter((t) => page.includes(normalise(t)));
}

describe('the end of a session', function () {
  this.timeout(30_000);
  const mock = useMockBackend();
  const { backend } = mock;

  /** A conversation of the home organisation with messages from people, an assignee and a file. */
  function richConversation(): ConversationRecord {
    const number = pick(
      backend,
      (r) =>
        r.summary.assignee !== null &&
        r.summary.status !== 'closed' &&
        r.messages.length >= 2 &&
        r.messages.some((m) => m.attachments.length > 0),
    );
    return backend.store.record(number)!;
  }

  /**
   * One page as a portal builds it: the badge polling, `middle` (a list or a form) and a rich
   * conversation polling, all on one recording adapter, loaded.
   */
  async function onePage(middle: TemplateResult) {
    const record = richConversation();
    const number = record.summary.number;
    const { adapter, sent } = recordingAdapter();
    const page = await fixture<HTMLElement>(
      html`<secure-adapter-provider .adapter=${adapter}>
        <notice-badge poll-interval="0.05"></notice-badge>
        ${middle}
        <secure-thread number=${number} poll-interval="0.05"></secure-thread>
      </secure-adapter-provider>`,
    );
    const thread = page.querySelector<SecureThread>('secure-thread')!;
    const badge = page.querySelector<NoticeBadge>('notice-badge')!;
    await formReady(thread);
    await eventually(() => badge.status === 'ready');
    return { record, number, adapter, sent, page, thread, badge };
  }

  it('a 401 during polling: within a second nothing personal is on the page, and nothing asks the server until Försök igen', async () => {
    const { record, sent, page, thread, badge } = await onePage(html`<secure-inbox></secure-inbox>`);
    const inbox = page.querySelector<SecureInbox>('secure-inbox')!;
    await eventually(() => root(inbox).querySelector('tbody tr'));
    const personal = [
      ...personalTexts(record),
      ...backend.store
        .records()
        .filter((r) => backend.store.isVisible(backend.currentUser(), r) && r.summary.assignee)
        .map((r) => r.summary.assignee!.name),
    ];
    expect(leftOnScreen(personal).length).to.be.greaterThan(0);

    // The session times out at the unattended desk: the next poll answers 401.
    backend.faults.add({ kind: 'status', status: 401 });
    const ended = oneEvent(page, SecureAuthRequiredEvent.eventName);
    await ended;
    await waitUntil(() => leftOnScreen(personal).length === 0, 'personal data stayed on the page', {
      timeout: 1000,
    });
    for (const el of [thread, inbox]) {
      expect(button(el, 'Försök igen')).to.be.instanceOf(HTMLButtonElement);
      await expect(el).to.be.accessible();
    }
    expect(badge.count).to.equal(undefined);

    // Twenty poll intervals of the badge and the thread: nothing is asked.
    const asked = sent.length;
    await witnessPolls(0.05, 20);
    expect(sent.slice(asked)).to.deep.equal([]);

    // Signed in again: Försök igen asks who is signed in, then every element loads again.
    backend.faults.clear();
    button(thread, 'Försök igen').click();
    await eventually(() => root(thread).querySelector('dl.details'), 'the thread did not come back');
    await eventually(() => root(inbox).querySelector('tbody tr'), 'the list did not come back');
    await eventually(() => badge.status === 'ready', 'the count did not come back');
    expect(sent.slice(asked)[0]).to.include({ method: 'GET', path: '/me' });
  });

  it('someone else signs in before Försök igen: the draft is discarded unsent, and the form says why', async () => {
    const record = richConversation();
    const number = record.summary.number;
    const before = messagesIn(backend, number);
    const { adapter, sent } = recordingAdapter();
    const page = await fixture<HTMLElement>(
      html`<secure-adapter-provider .adapter=${adapter}>
        <secure-inbox></secure-inbox>
        <secure-thread number=${number} .retryDelays=${[]}></secure-thread>
      </secure-adapter-provider>`,
    );
    const thread = page.querySelector<SecureThread>('secure-thread')!;
    const inbox = page.querySelector<SecureInbox>('secure-inbox')!;
    await formReady(thread);
    await eventually(() => root(inbox).querySelector('tbody tr'));
    const searches = () => sent.filter((s) => s.path === '/conversations/search').length;
    const searched = searches();
    inbox.query = { ...inbox.query, filters: { ...inbox.query.filters, text: '19121212-1212' } };
    await eventually(() => searches() > searched && inbox.query.filters.text !== '');
    await typeReply(thread, 'Lönen för 19121212-1212 ska rättas.');
    backend.faults.add({
      kind: 'status',
      status: 401,
      times: 1,
      match: { method: 'POST', path: `/conversations/${number}/messages` },
    });
    button(thread, 'Skicka').click();
    await oneEvent(thread, SecureAuthRequiredEvent.eventName);
    await eventually(() => alertText(thread).includes('Ditt meddelande finns kvar.'));
    expect(normalise(pageText())).not.to.include('19121212-1212');

    // A colleague signs in at the same desk and presses Försök igen.
    backend.setCurrentUser(MOCK_USER_IDS.colleague);
    const writes = () => sent.filter((s) => s.method === 'POST' && s.path !== '/conversations/search');
    const writesBefore = writes().length;
    button(thread, 'Försök igen').click();
    await eventually(
      () => root(thread).querySelector('dl.details'),
      'the thread did not load for the colleague',
    );
    await formReady(thread);
    expect(alertText(thread)).to.include(
      'Du är inloggad som en annan användare än den som skrev meddelandet. Meddelandet har tagits bort och skickades inte.',
    );
    expect(body(thread).value).to.equal('');
    expect(getDraft(adapter, replyDraftKey(number)).body).to.equal('');
    expect(recallInbox(adapter)?.query.filters.text ?? '').to.equal('');
    expect(normalise(pageText())).not.to.include('19121212-1212');
    expect(writes().length).to.equal(writesBefore);
    expect(messagesIn(backend, number)).to.equal(before);
    await expect(thread).to.be.accessible();
  });

  /**
   * The badge's next poll answers 401 (the session timed out at the unattended desk); then every
   * fault ends (a hung request with a network error) and a colleague signs in at the server.
   */
  async function endedForColleague(page: HTMLElement, badge: NoticeBadge): Promise<void> {
    backend.faults.add({ kind: 'status', status: 401, match: { path: '/notices/count' } });
    const ended = oneEvent(page, SecureAuthRequiredEvent.eventName);
    void badge.refresh();
    await ended;
    backend.faults.clear();
    backend.setCurrentUser(MOCK_USER_IDS.colleague);
  }

  /**
   * The attack: a reply fails so that a retry is scheduled (`fault`), or hangs under way; before
   * the retry, the badge's poll answers 401 and a colleague signs in at the same desk. Nobody
   * presses anything. Returns what the adapter sent afterwards and the page, for the checks.
   */
  async function retryOutlivesTheSession(fault: 'scheduled' | 'in-flight') {
    const record = richConversation();
    const number = record.summary.number;
    const before = messagesIn(backend, number);
    const { adapter, sent } = recordingAdapter();
    const retryDelay = 400;
    const page = await fixture<HTMLElement>(
      html`<secure-adapter-provider .adapter=${adapter}>
        <notice-badge poll-interval="0"></notice-badge>
        <secure-thread number=${number} .retryDelays=${[retryDelay]} .sendTimeout=${1000}></secure-thread>
      </secure-adapter-provider>`,
    );
    const thread = page.querySelector<SecureThread>('secure-thread')!;
    const badge = page.querySelector<NoticeBadge>('notice-badge')!;
    await formReady(thread);
    await eventually(() => badge.status === 'ready');
    const replies = () =>
      sent.filter((s) => s.method === 'POST' && s.path === `/conversations/${number}/messages`);
    await typeReply(thread, 'Lönen för 19121212-1212 ska rättas.');
    const path = `/conversations/${number}/messages`;
    if (fault === 'scheduled') backend.faults.add({ kind: 'status', status: 503, times: 1, match: { path } });
    else backend.faults.add({ kind: 'hang', times: 1, match: { path } });
    button(thread, 'Skicka').click();
    await eventually(() => replies().length === 1);
    if (fault === 'scheduled') {
      await eventually(() => normalise(pageText(thread)).includes('Vi försöker igen automatiskt'));
    }
    await endedForColleague(page, badge);
    // Past the time the retry was due (and the hung request's time-out): a timer set now for
    // longer than the retry's falls due after it, and the retry would have been sent by then.
    await new Promise((resolve) => setTimeout(resolve, retryDelay + 1000 + 100));
    return { number, before, sent, replies, thread, adapter };
  }

  for (const fault of ['scheduled', 'in-flight'] as const) {
    it(`${fault === 'scheduled' ? 'a scheduled retry of a reply' : 'a reply under way'} stops when the session ends: a colleague who signs in next never sends the first user's words`, async () => {
      const { number, before, replies, thread } = await retryOutlivesTheSession(fault);
      expect(replies(), 'a reply was sent after the session ended').to.have.length(1);
      expect(messagesIn(backend, number)).to.equal(before);
      const authors = backend.store.record(number)!.messages.map((m) => m.author.id);
      expect(authors).not.to.include(MOCK_USER_IDS.colleague);
      expect(normalise(pageText())).not.to.include('19121212-1212');

      // The colleague presses Försök igen: the first user's draft is discarded, unsent.
      button(thread, 'Försök igen').click();
      await formReady(thread);
      await eventually(() => alertText(thread).includes('Du är inloggad som en annan användare'));
      expect(body(thread).value).to.equal('');
      expect(replies()).to.have.length(1);
      expect(messagesIn(backend, number)).to.equal(before);
    });
  }

  it('a retry stopped by the session end is sent by the same user, once, under the same key, after Försök igen', async () => {
    const { number, before, replies, thread } = await retryOutlivesTheSession('scheduled');
    backend.setCurrentUser(MOCK_USER_IDS.employer);
    button(thread, 'Försök igen').click();
    await formReady(thread);
    expect(body(thread).value).to.equal('Lönen för 19121212-1212 ska rättas.');
    expect(replies()).to.have.length(1);
    const sentEvent = oneEvent(thread, SecureMessageSentEvent.eventName);
    button(thread, 'Försök igen').click();
    await sentEvent;
    expect(replies()).to.have.length(2);
    expect(replies()[1].idempotencyKey).to.equal(replies()[0].idempotencyKey);
    expect(messagesIn(backend, number)).to.equal(before + 1);
    expect(backend.store.record(number)!.messages.at(-1)!.author.id).to.equal(MOCK_USER_IDS.employer);
  });

  it('forgetSession while Försök igen still waits for a slow /me: nothing comes back when the answer arrives', async () => {
    const { record, adapter, sent, page, thread, badge } = await onePage(html`<secure-inbox></secure-inbox>`);
    const inbox = page.querySelector<SecureInbox>('secure-inbox')!;
    await eventually(() => root(inbox).querySelector('tbody tr'));
    const personal = personalTexts(record);
    // Every count answers 401 until the session has ended: a poll aborted by the refresh may have
    // taken a one-time fault with it.
    backend.faults.add({ kind: 'status', status: 401, match: { path: '/notices/count' } });
    const ended = oneEvent(page, SecureAuthRequiredEvent.eventName);
    void badge.refresh();
    await ended;
    backend.faults.clear();
    await waitUntil(() => leftOnScreen(personal).length === 0, 'personal data stayed on the page');

    // Försök igen: /me is slow. Meanwhile the portal signs the user out.
    backend.faults.add({ kind: 'latency', ms: 300, times: 1, match: { method: 'GET', path: '/me' } });
    const asked = sent.length;
    button(thread, 'Försök igen').click();
    await eventually(() => sent.slice(asked).some((s) => s.path === '/me'));
    forgetSession(adapter);
    // The slow check ends (answered for the same user, who is still signed in at the server, or
    // given up).
    await eventually(() => sent.slice(asked).some((s) => s.path === '/me' && s.settled));
    // Ten more poll intervals: nothing is asked, nothing comes back.
    const settled = sent.length;
    await witnessPolls(0.05, 10);
    expect(sent.slice(settled)).to.deep.equal([]);
    expect(leftOnScreen(personal)).to.deep.equal([]);
    expect(root(thread).querySelector('dl.details')).to.equal(null);
    expect(root(inbox).querySelector('tbody tr')).to.equal(null);
    expect(badge.count).to.equal(undefined);
    expect(button(thread, 'Försök igen')).to.be.instanceOf(HTMLButtonElement);
  });

  describe('nothing under way when the session ends resumes work after it', () => {
    interface Page {
      number: string;
      page: HTMLElement;
      thread: SecureThread;
      inbox: SecureInbox;
      changes: ChangeHub;
    }
    interface Case {
      /** The conversation to show (default: a rich one). */
      conversation?: (r: ConversationRecord) => boolean;
      /** Starts something that takes time; returns the paths it must never ask for after the end. */
      start: (p: Page) => Promise<RegExp>;
      /** Done once the session has ended. */
      afterEnd?: (p: Page) => void;
      /** It starts a request that is still under way when the session ends. */
      underWay?: boolean;
    }
    const open = (r: ConversationRecord) => r.summary.status !== 'closed' && r.messages.length >= 2;
    const unassigned = (r: ConversationRecord) => open(r) && r.summary.assignee === null;
    const others = (r: ConversationRecord) =>
      open(r) && r.summary.assignee !== null && r.summary.assignee.id !== MOCK_USER_IDS.employer;
    const cases: Record<string, Case> = {
      "the list's debounced search": {
        start: async ({ inbox }) => {
          const text = field<HTMLInputElement>(inbox, 'Meddelandetext');
          text.value = '19121212-1212';
          text.dispatchEvent(new Event('input', { bubbles: true }));
          return /^\/conversations\/search$/;
        },
      },
      'a change reported by another element after the end': {
        start: async () => /^\/(conversations|notices)/,
        afterEnd: ({ changes, number }) => changes.notify({ type: 'replied', number }),
      },
      'a download': {
        underWay: true,
        start: async ({ number, thread }) => {
          const id = backend.store.record(number)!.messages.flatMap((m) => m.attachments)[0]!.id;
          backend.faults.add({ kind: 'hang', match: { path: `/conversations/${number}/attachments/${id}` } });
          const download = [...root(thread).querySelectorAll('button')].find((b) =>
            normalise(b.textContent).includes('Ladda ner'),
          )!;
          download.click();
          return /\/attachments\//;
        },
      },
      'a claim': {
        underWay: true,
        conversation: unassigned,
        start: async ({ number, thread }) => {
          backend.faults.add({ kind: 'hang', match: { path: `/conversations/${number}/claim` } });
          field<HTMLInputElement>(thread, 'Jag arbetar med ärendet').click();
          return /\/(claim|release)$/;
        },
      },
      'a take-over': {
        underWay: true,
        conversation: others,
        start: async ({ number, thread }) => {
          backend.faults.add({ kind: 'hang', match: { path: `/conversations/${number}/take-over` } });
          button(thread, 'Jag tar över ärendet').click();
          await eventually(() => [...root(thread).querySelectorAll('dialog')].some((d) => d.open));
          button(thread, 'Ja, ta över ärendet').click();
          return /\/take-over$/;
        },
      },
    };

    for (const [name, { conversation, start, afterEnd, underWay }] of Object.entries(cases)) {
      it(name, async () => {
        const record = conversation ? backend.store.record(pick(backend, conversation))! : richConversation();
        const number = record.summary.number;
        const assignee = backend.store.peek(number)!.assignee?.id;
        const changes = new ChangeHub();
        const { adapter, sent } = recordingAdapter(changes);
        const page = await fixture<HTMLElement>(
          html`<secure-adapter-provider .adapter=${adapter}>
            <notice-badge poll-interval="0"></notice-badge>
            <secure-inbox .debounce=${300}></secure-inbox>
            <secure-thread number=${number} poll-interval="0"></secure-thread>
          </secure-adapter-provider>`,
        );
        const thread = page.querySelector<SecureThread>('secure-thread')!;
        const inbox = page.querySelector<SecureInbox>('secure-inbox')!;
        const badge = page.querySelector<NoticeBadge>('notice-badge')!;
        await formReady(thread);
        await eventually(() => root(inbox).querySelector('tbody tr') && badge.status === 'ready');
        if (!hasButton(inbox, 'Dölj filtrering')) button(inbox, 'Visa filtrering').click();
        await inbox.updateComplete;
        const p = { number, page, thread, inbox, changes };
        const messages = messagesIn(backend, number);
        const forbidden = await start(p);
        // A request it started is under way (hanging) before the session ends.
        if (underWay) await eventually(() => sent.some((s) => forbidden.test(s.path)));
        const atEnd = sent.length;
        await endedForColleague(page, badge);
        afterEnd?.(p);
        // Past the debounce, and until every request has ended.
        await new Promise((resolve) => setTimeout(resolve, 600));
        await eventually(() => sent.every((s) => s.settled), 'a request did not end');
        const after = sent.slice(atEnd).filter((s) => forbidden.test(s.path) && s.status !== 401);
        expect(after, 'work resumed after the session ended').to.deep.equal([]);
        expect(sent.slice(atEnd).filter((s) => s.status === 200)).to.deep.equal([]);
        expect(leftOnScreen(personalTexts(record))).to.deep.equal([]);
        expect(normalise(pageText())).not.to.include('19121212-1212');
        expect(backend.store.peek(number)!.assignee?.id).to.equal(assignee);
        expect(messagesIn(backend, number)).to.equal(messages);
        await expect(thread).to.be.accessible();
      });
    }
  });

  it('forgetSession: every element on the adapter shows its signed-out state, and the drafts are gone', async () => {
    const { record, number, adapter, sent, page, thread, badge } = await onePage(
      html`<secure-compose></secure-compose>`,
    );
    const compose = page.querySelector<SecureCompose>('secure-compose')!;
    await eventually(() => root(compose).querySelector('textarea'));
    await typeReply(thread, 'Ett svar som aldrig skickas.');
    const composeBody = field<HTMLTextAreaElement>(compose, 'Meddelande');
    composeBody.value = 'Ett nytt meddelande som aldrig skickas.';
    composeBody.dispatchEvent(new Event('input', { bubbles: true }));

    forgetSession(adapter);
    const personal = [...personalTexts(record), 'aldrig skickas'];
    await waitUntil(() => leftOnScreen(personal).length === 0, 'personal data stayed on the page', {
      timeout: 1000,
    });
    expect(button(thread, 'Försök igen')).to.be.instanceOf(HTMLButtonElement);
    expect(button(compose, 'Försök igen')).to.be.instanceOf(HTMLButtonElement);
    expect(badge.count).to.equal(undefined);
    expect(getDraft(adapter, replyDraftKey(number)).body).to.equal('');
    // Ten poll intervals of the badge and the thread: nothing is asked.
    const asked = sent.length;
    await witnessPolls(0.05, 10);
    expect(sent.slice(asked)).to.deep.equal([]);
    await expect(thread).to.be.accessible();
    await expect(compose).to.be.accessible();

    // Signing in again starts afresh: the same user finds empty forms.
    button(compose, 'Försök igen').click();
    await formReady(thread);
    expect(body(thread).value).to.equal('');
    await eventually(() => root(compose).querySelector('textarea'));
    expect(field<HTMLTextAreaElement>(compose, 'Meddelande').value).to.equal('');
  });

  it('a gateway answers 504 twice after the origin stored the reply: the draft stays locked, and Försök igen stores nothing twice', async () => {
    const record = richConversation();
    const number = record.summary.number;
    const before = messagesIn(backend, number);
    const thread = await fixture<SecureThread>(
      html`<secure-thread number=${number} .adapter=${mock.adapter()} .retryDelays=${[20]}></secure-thread>`,
    );
    await formReady(thread);
    await typeReply(thread, 'Svaret som en gateway tappade bort.');
    backend.faults.add({
      kind: 'gateway',
      status: 504,
      times: 2,
      match: { method: 'POST', path: `/conversations/${number}/messages` },
    });
    button(thread, 'Skicka').click();
    await eventually(() => alertText(thread).includes('Det är oklart om meddelandet kom fram.'));
    // The origin stored it; the user cannot edit it into a second, different message.
    expect(messagesIn(backend, number)).to.equal(before + 1);
    expect(body(thread).readOnly).to.equal(true);
    const sentEvent = oneEvent(thread, SecureMessageSentEvent.eventName);
    button(thread, 'Försök igen').click();
    await sentEvent;
    expect(messagesIn(backend, number)).to.equal(before + 1);
    const bodies = backend.store.record(number)!.messages.map((m) => m.body);
    expect(bodies.filter((b) => b === 'Svaret som en gateway tappade bort.')).to.have.length(1);
  });

  it('polls and refreshes carry X-Background-Request; what the user asked for does not', async () => {
    const record = richConversation();
    const number = record.summary.number;
    const { adapter, sent } = recordingAdapter();
    await fixture<HTMLElement>(
      html`<secure-adapter-provider .adapter=${adapter}>
        <notice-badge poll-interval="0.05"></notice-badge>
        <secure-thread number=${number} poll-interval="0.05"></secure-thread>
      </secure-adapter-provider>`,
    );
    const of = (path: string) => sent.filter((s) => s.path === path);
    await eventually(() => of('/notices/count').length >= 3 && of(`/conversations/${number}`).length >= 3);
    for (const path of ['/notices/count', `/conversations/${number}`]) {
      const [first, ...polls] = of(path);
      expect(first.background, `${path}: first load`).to.equal(null);
      expect(new Set(polls.map((p) => p.background)), `${path}: polls`).to.deep.equal(new Set(['1']));
    }
  });

  it("a host's own fetch carries uploads too", async () => {
    const { adapter, sent } = recordingAdapter();
    const compose = await fixture<SecureCompose>(html`<secure-compose .adapter=${adapter}></secure-compose>`);
    await eventually(() => root(compose).querySelector('textarea'));
    const subject = field<HTMLSelectElement>(compose, 'Ämne');
    subject.value = backend.store.subjects[0].id;
    subject.dispatchEvent(new Event('change', { bubbles: true }));
    const text = field<HTMLTextAreaElement>(compose, 'Meddelande');
    text.value = 'Med bilaga genom värdens fetch.';
    text.dispatchEvent(new Event('input', { bubbles: true }));
    const files = field<HTMLInputElement>(compose, 'Bifoga fil');
    const transfer = new DataTransfer();
    transfer.items.add(sampleFile('lonelista.pdf', 64));
    files.files = transfer.files;
    files.dispatchEvent(new Event('change', { bubbles: true }));
    await compose.updateComplete;
    const stored = oneEvent(compose, SecureMessageSentEvent.eventName);
    button(compose, 'Skicka').click();
    const { detail } = await stored;
    const upload = sent.find((s) => s.method === 'POST' && s.path === '/conversations');
    expect(upload?.idempotencyKey).to.be.a('string');
    expect(backend.store.record(detail.number)!.messages[0].attachments).to.have.length(1);
  });
});
