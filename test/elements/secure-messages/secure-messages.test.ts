import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../../src/define/secure-messages.js';
import type { SecureMessages } from '../../../src/define/secure-messages.js';
import { hashOf, viewFromHash } from '../../../src/elements/secure-messages/secure-messages.js';
import type { SecureInbox } from '../../../src/define/secure-inbox.js';
import { eventually, useMockBackend } from '../helpers.js';
import { fillValid } from '../secure-compose/compose-helpers.js';
import { button, field, link, normalise, root, spokenText } from '../queries.js';
import type { SecureMessagesAdapter } from '../../../src/adapter/adapter.js';

function inbox(el: SecureMessages): SecureInbox | null {
  return root(el).querySelector('secure-inbox');
}

function inner<K extends keyof HTMLElementTagNameMap>(el: SecureMessages, tag: K): HTMLElementTagNameMap[K] {
  const found = root(el).querySelector(tag);
  if (!found) throw new Error(`no <${tag}> showing`);
  return found as HTMLElementTagNameMap[K];
}

/** The first row's Meddelandenummer (a link, or a button with routing="none") once the list has loaded. */
async function firstRow(el: SecureMessages): Promise<HTMLElement> {
  let row: HTMLElement | null = null;
  await eventually(() => {
    const list = inbox(el);
    row = list ? root(list).querySelector<HTMLElement>('tbody th[scope="row"] :is(a, button)') : null;
    return row;
  }, 'the inbox did not load');
  return row!;
}

function rowNumber(row: HTMLElement): string {
  return normalise(row.textContent).replace(/[^0-9]/g, '');
}

/** The accessible name of a landmark: its aria-label, or the text of its aria-labelledby targets. */
function landmarkName(element: Element): string {
  const label = element.getAttribute('aria-label');
  if (label !== null) return normalise(label);
  const root = element.getRootNode() as ShadowRoot | Document;
  const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean);
  return normalise(
    ids.map((id) => spokenText(root.getElementById(id) ?? document.createElement('i'))).join(' '),
  );
}

/**
 * The names of the labelled regions around a node, innermost first, across shadow roots: an
 * element with role="region", or a <section> without another role, that has an accessible name.
 */
function regionsAround(node: Node): string[] {
  const names: string[] = [];
  let current: Node | null = node;
  while (current) {
    if (current instanceof Element) {
      const role = current.getAttribute('role');
      const region = role === 'region' || (role === null && current.localName === 'section');
      const name = region ? landmarkName(current) : '';
      if (name !== '') names.push(name);
    }
    current = current instanceof ShadowRoot ? current.host : current.parentNode;
  }
  return names;
}

describe('<secure-messages>', function () {
  this.timeout(30_000);
  const mock = useMockBackend({ size: 200 });
  let start: string;

  beforeEach(() => {
    start = location.href;
    // A fresh entry of the test page: however far a test goes Back, it never leaves the page
    // (Back from the runner's first entry would load about:blank and end the whole file).
    history.pushState(null, '', location.pathname + location.search);
  });
  afterEach(() => history.replaceState(null, '', start));

  async function render(adapter: SecureMessagesAdapter, routing = 'hash'): Promise<SecureMessages> {
    return fixture<SecureMessages>(
      html`<secure-messages .adapter=${adapter} routing=${routing}></secure-messages>`,
    );
  }

  describe('URL fragments name views by Meddelandenummer only', () => {
    const cases: [string, ReturnType<typeof viewFromHash>][] = [
      ['', { name: 'inbox' }],
      ['#meddelande/60123', { name: 'thread', number: '60123' }],
      ['#nytt-meddelande', { name: 'compose' }],
      ['#meddelande/6012', { name: 'inbox' }],
      ['#meddelande/601234', { name: 'inbox' }],
      ['#meddelande/6012a', { name: 'inbox' }],
      ['#sök=Anna', { name: 'inbox' }],
    ];
    for (const [hash, view] of cases) {
      it(`"${hash}" → ${view.name}`, () => {
        expect(viewFromHash(hash)).to.deep.equal(view);
        if (view.name !== 'inbox' && hash !== '') expect(hashOf(view)).to.equal(hash);
      });
    }
  });

  it('opens a conversation from the list, and Tillbaka returns to the list with its filters and page', async () => {
    const el = await render(mock.adapter());
    await firstRow(el);
    const list = inner(el, 'secure-inbox');
    // The user moves to page 2 before opening a conversation.
    button(list, 'Nästa sida').click();
    await eventually(() => list.query.page === 2, 'no page 2');
    const row = await firstRow(el);
    await eventually(() => root(list).querySelector('#results')?.getAttribute('aria-busy') === 'false');
    const number = rowNumber(row);
    row.click();
    await eventually(() => root(el).querySelector('secure-thread'), 'the thread did not open');
    expect(location.hash).to.equal(`#meddelande/${number}`);
    expect(inner(el, 'secure-thread').number).to.equal(number);
    await el.updateComplete;
    expect(root(el).activeElement?.classList.contains('view')).to.equal(true);
    await expect(el).to.be.accessible();

    button(el, 'Tillbaka till Säkra meddelanden').click();
    await eventually(() => inbox(el), 'no list');
    expect(inner(el, 'secure-inbox').query.page).to.equal(2);
    expect(location.hash).to.equal('');
  });

  describe('a conversation number in the list', () => {
    /** The first row's number and the accessible name of its link or button (the number, plus the marker's text). */
    async function firstNumber(el: SecureMessages): Promise<{ number: string; name: string }> {
      const row = await firstRow(el);
      return { number: rowNumber(row), name: normalise(spokenText(row)) };
    }

    it('is a link to the conversation\'s address with routing="hash", named by its number; a plain click opens it here', async () => {
      const el = await render(mock.adapter());
      const { number, name } = await firstNumber(el);
      expect(name).to.match(new RegExp(`^${number}( Behöver hanteras)?$`));
      const list = inner(el, 'secure-inbox');
      const a = link(list, name);
      expect(a.getAttribute('href')).to.equal(new URL(`#meddelande/${number}`, location.href).href);
      expect(root(list).querySelector('tbody th[scope="row"] button')).to.equal(null);
      await expect(el).to.be.accessible();

      a.click();
      await eventually(() => root(el).querySelector('secure-thread'), 'the thread did not open');
      expect(inner(el, 'secure-thread').number).to.equal(number);
      expect(location.hash).to.equal(`#meddelande/${number}`);
      expect(location.pathname + location.search).to.equal(new URL(start).pathname + new URL(start).search);
    });

    it('is a button with the same name with routing="none"', async () => {
      const el = await render(mock.adapter(), 'none');
      const { number, name } = await firstNumber(el);
      const list = inner(el, 'secure-inbox');
      expect(root(list).querySelector('tbody a')).to.equal(null);
      button(list, name).click();
      await eventually(() => root(el).querySelector('secure-thread'), 'the thread did not open');
      expect(inner(el, 'secure-thread').number).to.equal(number);
      expect(location.hash).to.equal('');
      await expect(el).to.be.accessible();
    });
  });

  it('asks who is signed in, the Ämnen and the settings once, however often the user moves between the views', async () => {
    const asked = { getCurrentUser: 0, getSubjects: 0, getServerConfig: 0 };
    const adapter = mock.adapter();
    const { getCurrentUser, getSubjects, getServerConfig } = adapter;
    adapter.getCurrentUser = (signal) => (asked.getCurrentUser++, getCurrentUser.call(adapter, signal));
    adapter.getSubjects = (signal) => (asked.getSubjects++, getSubjects.call(adapter, signal));
    adapter.getServerConfig = (signal) => (asked.getServerConfig++, getServerConfig.call(adapter, signal));
    const el = await render(adapter);
    for (let round = 0; round < 2; round++) {
      (await firstRow(el)).click();
      await eventually(() => root(el).querySelector('secure-thread')?.shadowRoot?.querySelector('article'));
      button(el, 'Tillbaka till Säkra meddelanden').click();
      await firstRow(el);
      button(inner(el, 'secure-inbox'), 'Nytt meddelande').click();
      await eventually(() => root(el).querySelector('secure-compose')?.shadowRoot?.querySelector('select'));
      button(el, 'Tillbaka till Säkra meddelanden').click();
    }
    await firstRow(el);
    expect(asked).to.deep.equal({ getCurrentUser: 1, getSubjects: 1, getServerConfig: 1 });
  });

  it('browser back and forward move between the list and the conversation', async () => {
    const el = await render(mock.adapter());
    const row = await firstRow(el);
    const number = rowNumber(row);
    row.click();
    await eventually(() => root(el).querySelector('secure-thread'));
    history.back();
    await eventually(() => inbox(el), 'back did not return to the list');
    history.forward();
    await eventually(() => root(el).querySelector('secure-thread'), 'forward did not reopen');
    expect(inner(el, 'secure-thread').number).to.equal(number);
  });

  /** Which view shows: the list, the form, or the conversation with its number. */
  function showing(el: SecureMessages): string {
    if (inbox(el)) return 'inbox';
    if (root(el).querySelector('secure-compose')) return 'compose';
    const thread = root(el).querySelector('secure-thread');
    return thread ? `thread ${thread.number}` : 'nothing';
  }

  async function expectShowing(el: SecureMessages, view: string, when: string): Promise<void> {
    await eventually(() => showing(el) === view, `${when}: expected ${view}, saw ${showing(el)}`);
  }

  it('Back and Forward walk the list, the conversation and the form in the order the user saw them', async () => {
    const el = await render(mock.adapter());
    const row = await firstRow(el);
    const thread = `thread ${rowNumber(row)}`;
    row.click();
    await expectShowing(el, thread, 'the row');
    button(el, 'Tillbaka till Säkra meddelanden').click();
    await expectShowing(el, 'inbox', 'Tillbaka');
    await firstRow(el);
    button(inner(el, 'secure-inbox'), 'Nytt meddelande').click();
    await expectShowing(el, 'compose', 'Nytt meddelande');
    const seen = ['inbox', thread, 'inbox', 'compose'];
    for (let i = seen.length - 2; i >= 0; i--) {
      history.back();
      await expectShowing(el, seen[i], `Back to step ${i + 1}`);
    }
    for (let i = 1; i < seen.length; i++) {
      history.forward();
      await expectShowing(el, seen[i], `Forward to step ${i + 1}`);
    }
  });

  it("follows the host's menu: showInbox() after the host changed the address shows the list, with no second history entry", async () => {
    const el = await render(mock.adapter());
    const row = await firstRow(el);
    const thread = `thread ${rowNumber(row)}`;
    row.click();
    await expectShowing(el, thread, 'the row');
    // The portal's menu entry: its router pushes the feature's address (pushState fires no event).
    const outside = document.createElement('button');
    document.body.append(outside);
    try {
      outside.focus();
      history.pushState(null, '', location.pathname + location.search);
      el.showInbox();
      await expectShowing(el, 'inbox', 'showInbox()');
      await el.updateComplete;
      expect(document.activeElement, 'focus stays where the host put it').to.equal(outside);
      expect(location.hash).to.equal('');
    } finally {
      outside.remove();
    }
    history.back();
    await expectShowing(el, thread, 'Back after the menu');
    history.forward();
    await expectShowing(el, 'inbox', 'Forward after the menu');
  });

  it('follows a hashchange made by the host (a link or location.hash)', async () => {
    const el = await render(mock.adapter());
    await firstRow(el);
    location.hash = '#nytt-meddelande';
    await expectShowing(el, 'compose', 'location.hash');
    location.hash = '';
    await expectShowing(el, 'inbox', 'an emptied hash');
  });

  it('each view is one labelled region, never a region inside another of the same or a near name', async () => {
    const el = await render(mock.adapter());
    await firstRow(el);
    const list = inner(el, 'secure-inbox');
    expect(regionsAround(button(list, 'Nytt meddelande'))).to.deep.equal(['Säkra meddelanden']);

    button(list, 'Nytt meddelande').click();
    await eventually(() => root(el).querySelector('secure-compose'), 'no form');
    const compose = inner(el, 'secure-compose');
    await eventually(() => root(compose).querySelector('h2'), 'the form has no heading');
    expect(regionsAround(root(compose).querySelector('h2')!)).to.deep.equal(['Nytt meddelande']);
    await expect(el).to.be.accessible();

    const number = mock.backend.store.summaries()[0].number;
    el.navigate({ name: 'thread', number });
    await eventually(() => root(el).querySelector('secure-thread'), 'no conversation');
    const thread = inner(el, 'secure-thread');
    await eventually(() => root(thread).querySelector('h2'), 'the conversation has no heading');
    expect(regionsAround(root(thread).querySelector('h2')!)).to.deep.equal([`Konversation ${number}`]);
    await expect(el).to.be.accessible();
  });

  it('a deep link opens the conversation by its number', async () => {
    const number = mock.backend.store
      .summaries()
      .find((s) => s.organisation.customerNumber === '0000')!.number;
    history.replaceState(null, '', `#meddelande/${number}`);
    const el = await render(mock.adapter());
    expect(inner(el, 'secure-thread').number).to.equal(number);
  });

  it('Nytt meddelande opens the form; after sending, the new conversation can be opened', async () => {
    const el = await render(mock.adapter());
    await firstRow(el);
    button(inner(el, 'secure-inbox'), 'Nytt meddelande').click();
    await eventually(() => root(el).querySelector('secure-compose'), 'no form');
    expect(location.hash).to.equal('#nytt-meddelande');
    const compose = inner(el, 'secure-compose');
    await eventually(() => root(compose).querySelector('select'), 'the form did not load');
    await fillValid(compose, 'Fråga om utbetalning.');
    const sent = oneEvent(el, 'secure-message-sent');
    button(compose, 'Skicka').click();
    const number = (await sent).detail.number;
    await eventually(() => root(compose).querySelector('.confirmation'));
    button(compose, 'Öppna konversationen').click();
    await eventually(() => root(el).querySelector('secure-thread'));
    expect(inner(el, 'secure-thread').number).to.equal(number);
    expect(location.hash).to.equal(`#meddelande/${number}`);
  });

  it('the draft survives going back to the list and returning to the form', async () => {
    const el = await render(mock.adapter());
    await firstRow(el);
    button(inner(el, 'secure-inbox'), 'Nytt meddelande').click();
    await eventually(() => root(el).querySelector('secure-compose'));
    const compose = inner(el, 'secure-compose');
    await eventually(() => root(compose).querySelector('textarea'));
    const body = field<HTMLTextAreaElement>(compose, 'Meddelande');
    body.value = 'Halvfärdigt utkast om 19121212-1212';
    body.dispatchEvent(new Event('input'));
    button(el, 'Tillbaka till Säkra meddelanden').click();
    await firstRow(el);
    button(inner(el, 'secure-inbox'), 'Nytt meddelande').click();
    await eventually(() => root(el).querySelector('secure-compose'));
    const again = inner(el, 'secure-compose');
    await eventually(() => root(again).querySelector('textarea'));
    expect(field<HTMLTextAreaElement>(again, 'Meddelande').value).to.equal(
      'Halvfärdigt utkast om 19121212-1212',
    );
    expect(location.href).not.to.include('1212');
  });

  it('the host can take over navigation by cancelling the re-fired intents', async () => {
    const el = await render(mock.adapter());
    const opened: string[] = [];
    el.addEventListener('secure-conversation-open', (e) => {
      e.preventDefault();
      opened.push(e.detail.number);
    });
    el.addEventListener('secure-compose-open', (e) => e.preventDefault());
    const row = await firstRow(el);
    row.click();
    button(inner(el, 'secure-inbox'), 'Nytt meddelande').click();
    await el.updateComplete;
    expect(opened).to.deep.equal([rowNumber(row)]);
    expect(inbox(el)).not.to.equal(null);
    expect(location.hash).to.equal('');
  });

  it('with routing="none" the URL is never touched', async () => {
    const el = await render(mock.adapter(), 'none');
    const row = await firstRow(el);
    const before = location.href;
    row.click();
    await eventually(() => root(el).querySelector('secure-thread'));
    expect(location.href).to.equal(before);
  });

  it("themes through --secure-* tokens and the inner elements' parts, re-exported with a prefix", async () => {
    const style = document.createElement('style');
    style.textContent = `
      .themed secure-messages { --secure-color-primary: rgb(91, 42, 134); }
      .themed secure-messages::part(inbox-toolbar) { border-block-end: 3px solid rgb(1, 2, 3); }
      .themed secure-messages::part(inbox) { display: block; margin-block-start: 7px; }
    `;
    document.head.append(style);
    try {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div class="themed">
          <secure-messages .adapter=${mock.adapter()} routing="none"></secure-messages>
        </div>`,
      );
      const el = wrapper.querySelector('secure-messages')!;
      await firstRow(el);
      const list = inner(el, 'secure-inbox');
      const toolbar = root(list).querySelector('[part~="toolbar"]')!;
      expect(getComputedStyle(toolbar).borderBlockEndWidth).to.equal('3px');
      expect(getComputedStyle(toolbar).borderBlockEndColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(list).marginBlockStart).to.equal('7px');
      const compose = button(list, 'Nytt meddelande');
      expect(getComputedStyle(compose).backgroundColor).to.equal('rgb(91, 42, 134)');
    } finally {
      style.remove();
    }
  });
});
