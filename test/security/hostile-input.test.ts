import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/notice-badge.js';
import '../../src/define/secure-compose.js';
import '../../src/define/secure-inbox.js';
import '../../src/define/secure-thread.js';
import type { NoticeBadge } from '../../src/define/notice-badge.js';
import type { SecureCompose } from '../../src/define/secure-compose.js';
import type { SecureInbox } from '../../src/define/secure-inbox.js';
import type { SecureThread } from '../../src/define/secure-thread.js';
import type { ConversationRecord } from '../../mocks/store.js';
import { eventually, useMockBackend } from '../elements/helpers.js';
import { fillValid } from '../elements/secure-compose/compose-helpers.js';
import { button, field, root } from '../elements/queries.js';
import { BIDI_CONTROLS, HOSTILE_TEXTS, hugeBody, longFileName } from './corpus.js';

/** Every element under `node`, through open shadow roots. */
function* deepElements(node: Node): Generator<Element> {
  for (const child of (node as ParentNode).children ?? []) {
    yield child;
    if (child.shadowRoot) yield* deepElements(child.shadowRoot);
    yield* deepElements(child);
  }
}

/** Tags that hostile text must never create inside an element. */
const FOREIGN_TAGS = new Set(['SCRIPT', 'IMG', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'STYLE', 'LIT-PART', 'B']);

/** Nothing ran, no markup from the data became elements, every link goes to an allowed scheme. */
function expectInert(host: Element): void {
  expect(window.__pwned, 'a payload ran').to.equal(undefined);
  for (const el of deepElements(host.shadowRoot ?? host)) {
    expect(FOREIGN_TAGS.has(el.tagName.toUpperCase()), `<${el.tagName.toLowerCase()}> rendered`).to.equal(
      false,
    );
    for (const attribute of el.attributes) {
      expect(attribute.name.startsWith('on'), `${el.tagName} has ${attribute.name}`).to.equal(false);
    }
    if (el instanceof HTMLAnchorElement && el.hasAttribute('href')) {
      expect(['http:', 'https:', 'blob:'], `link to ${el.href}`).to.include(new URL(el.href).protocol);
    }
  }
}

function text(el: Element): string {
  return [...deepElements(root(el))]
    .map((e) => (e.children.length === 0 ? (e.textContent ?? '') : ''))
    .join('\n');
}

describe('hostile input renders as inert text', function () {
  this.timeout(60_000);
  const mock = useMockBackend({ size: 40 });
  let records: ConversationRecord[];
  const HUGE = hugeBody();
  const LONG_NAME = longFileName();

  /** Puts the corpus into the home organisation's conversations, as a hostile server would send it. */
  beforeEach(() => {
    window.__pwned = undefined;
    records = mock.backend.store
      .records()
      .filter((r) => r.summary.organisation.customerNumber === '0000')
      .slice(0, HOSTILE_TEXTS.length + 1);
    records.forEach((record, i) => {
      const hostile = HOSTILE_TEXTS[i % HOSTILE_TEXTS.length];
      record.summary.subject = { ...record.summary.subject, name: hostile };
      if (record.summary.assignee) record.summary.assignee = { ...record.summary.assignee, name: hostile };
      record.summary.organisation = { ...record.summary.organisation, name: hostile };
      for (const message of record.messages) {
        message.body = i === HOSTILE_TEXTS.length ? HUGE : hostile;
        message.author = { ...message.author, name: hostile };
        message.attachments = [
          { id: `${message.id}-a`, name: `${hostile}.pdf`, size: 1234, mimeType: 'text/html' },
          { id: `${message.id}-b`, name: LONG_NAME, size: 99, mimeType: 'application/pdf' },
        ];
      }
      for (const entry of record.history) entry.actor = { ...entry.actor, name: hostile };
    });
  });

  it('in the inbox: subjects and names are text, and nothing runs', async () => {
    const el = await fixture<SecureInbox>(html`<secure-inbox .adapter=${mock.adapter()}></secure-inbox>`);
    await eventually(() => root(el).querySelectorAll('tbody tr').length >= 10, 'the list did not load');
    const shown = text(el);
    const listed = HOSTILE_TEXTS.filter((t) => shown.includes(t));
    expect(listed.length, 'hostile subjects shown verbatim').to.be.greaterThan(5);
    expectInert(el);
  });

  /** A conversation in a 320 px column, loaded; its message bodies as text. */
  async function renderThread(number: string): Promise<{ el: SecureThread; bodies: string[] }> {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="inline-size: 320px">
        <secure-thread number=${number} poll-interval="0" .adapter=${mock.adapter()}></secure-thread>
      </div>`,
    );
    const el = wrapper.querySelector<SecureThread>('secure-thread')!;
    await eventually(() => root(el).querySelector('article .body'), 'the conversation did not load');
    const bodies = [...root(el).querySelectorAll('article .body')].map((b) => b.textContent ?? '');
    return { el, bodies };
  }

  function expectNoOverflow(el: SecureThread): void {
    const messages = root(el).querySelector('[part~="messages"]')!;
    expect(messages.scrollWidth, 'the conversation overflows 320 px').to.be.at.most(messages.clientWidth + 1);
  }

  HOSTILE_TEXTS.forEach((hostile, i) => {
    it(`in a conversation: ${JSON.stringify(hostile).slice(0, 48)}`, async () => {
      const { el, bodies } = await renderThread(records[i].summary.number);
      expect(bodies).to.include(hostile);
      const fileNames = [...root(el).querySelectorAll('.file-name')].map((f) => f.textContent ?? '');
      expect(fileNames.length).to.be.greaterThan(0);
      for (const name of fileNames) {
        expect(BIDI_CONTROLS.test(name), `bidi control in "${name}"`).to.equal(false);
      }
      expectNoOverflow(el);
      expectInert(el);
    });
  });

  it('a name with an unclosed right-to-left override cannot reorder the history line around it', async () => {
    const record = records[0];
    const actor = { id: 'MALL00', name: 'Mallory\u202E', side: 'employer' as const };
    record.history = [{ action: 'claimed', actor, at: record.messages[0].sentAt }];
    const { el } = await renderThread(record.summary.number);
    const line = [...root(el).querySelectorAll('.history p')].find((p) => p.textContent?.includes('Mallory'));
    expect(line, 'no history line').to.not.equal(undefined);
    // Where the words are drawn: with the override left open, "ärendet." would come before "arbetar".
    const box = (word: string) => {
      const node = [...line!.childNodes].find(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(word),
      )!;
      const range = document.createRange();
      const start = node.textContent!.indexOf(word);
      range.setStart(node, start);
      range.setEnd(node, start + word.length);
      return range.getBoundingClientRect();
    };
    expect(box('arbetar').left, '"arbetar" is drawn after "ärendet."').to.be.below(box('ärendet.').left);
    expect(box('Mallory').left).to.be.below(box('arbetar').left);
  });

  it('a 100 KB body and 255-character file names wrap at 320 px and stay whole', async () => {
    const { el, bodies } = await renderThread(records[HOSTILE_TEXTS.length].summary.number);
    expect(bodies).to.include(HUGE);
    expectNoOverflow(el);
    expectInert(el);
  });

  it('in the form: hostile text and file names are kept, shown as text and stored unchanged', async () => {
    const el = await fixture<SecureCompose>(
      html`<secure-compose .adapter=${mock.adapter()}></secure-compose>`,
    );
    await eventually(() => root(el).querySelector('textarea'), 'the form did not load');
    const messagesBefore = mock.backend.store.messageCount();
    const body = HOSTILE_TEXTS.slice(0, 10).join('\n');
    await fillValid(el, body);
    const textarea = field<HTMLTextAreaElement>(el, 'Meddelande');
    const input = root(el).querySelector<HTMLInputElement>('input[type="file"]')!;
    const choose = async (file: File) => {
      const files = new DataTransfer();
      files.items.add(file);
      input.files = files.files;
      input.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    // "Lönelista\u202Efdp.exe" would read "Lönelistaexe.pdf": it is shown as what it is, and refused.
    await choose(new File(['MZ'], 'Lönelista\u202Efdp.exe', { type: 'application/pdf' }));
    expect(root(el).querySelector('.file-name')!.textContent).to.equal('Lönelistafdp.exe');
    button(el, 'Skicka').click();
    await eventually(() => root(el).querySelector('[role="alert"], .error-summary'), 'no error shown');
    expect(mock.backend.store.messageCount()).to.equal(messagesBefore);
    expectInert(el);

    button(el, 'Ta bort Lönelistafdp.exe').click();
    await el.updateComplete;
    await choose(new File(['%PDF-1.4'], LONG_NAME, { type: 'application/pdf' }));
    expect(root(el).querySelector('.file-name')!.textContent).to.equal(LONG_NAME);
    expect(textarea.value, 'the text was kept').to.equal(body);
    button(el, 'Skicka').click();
    await eventually(() => /Meddelandenummer: \d{5}/.test(root(el).textContent ?? ''), 'not sent');
    const number = (root(el).textContent ?? '').match(/Meddelandenummer: (\d{5})/)![1];
    const stored = mock.backend.store.peek(number)!;
    expect(stored.messages[0].body).to.equal(body);
    expect(stored.messages[0].attachments[0].name).to.equal(LONG_NAME);
    expectInert(el);
  });

  describe('<notice-badge href>: links only to allowed schemes', () => {
    const refused = [
      'javascript:window.__pwned=1',
      ' JaVaScRiPt:window.__pwned=1',
      'java\tscript:window.__pwned=1',
      'data:text/html,<script>window.__pwned=1</script>',
      'vbscript:msgbox(1)',
      'blob:https://example.org/1234',
    ];
    for (const href of refused) {
      it(`refuses ${JSON.stringify(href)}: no link, a warning`, async () => {
        const warnings: unknown[][] = [];
        const warn = console.warn;
        console.warn = (...args: unknown[]) => warnings.push(args);
        try {
          const el = await fixture<NoticeBadge>(
            html`<notice-badge href=${href} .adapter=${mock.adapter()}></notice-badge>`,
          );
          await eventually(() => el.count !== undefined);
          await el.updateComplete;
          expect(root(el).querySelector('a')).to.equal(null);
          expect(root(el).textContent).to.match(/Säkra meddelanden/);
          expect(warnings.length).to.be.greaterThan(0);
          expectInert(el);
        } finally {
          console.warn = warn;
        }
      });
    }

    for (const href of [
      '/sakra-meddelanden',
      '?sida=sakra-meddelanden',
      '#meddelanden',
      'https://www.kpa.se/x',
    ]) {
      it(`links to ${href}`, async () => {
        const el = await fixture<NoticeBadge>(
          html`<notice-badge href=${href} .adapter=${mock.adapter()}></notice-badge>`,
        );
        await el.updateComplete;
        expect(root(el).querySelector('a')!.getAttribute('href')).to.equal(href);
      });
    }
  });
});
