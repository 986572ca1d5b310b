import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { CDP } from '../../engine.js';
import type { Attachment } from '../../../src/domain/index.js';
import type { SecureThread } from '../../../src/elements/secure-thread/secure-thread.js';
import {
  alertText,
  announcer,
  articles,
  button,
  eventually,
  formReady,
  MOCK_USER_IDS,
  normalise,
  pick,
  renderThread,
  root,
  useMockBackend,
  intercept,
} from './thread-helpers.js';

interface Saved {
  href: string;
  download: string;
  connected: boolean;
}

describe('<secure-thread> attachments', function () {
  this.timeout(30_000);
  const mock = useMockBackend();
  const { backend } = mock;

  const original = {
    create: URL.createObjectURL,
    revoke: URL.revokeObjectURL,
    click: HTMLAnchorElement.prototype.click,
  };
  let created: Blob[];
  let revoked: string[];
  let saved: Saved[];

  beforeEach(() => {
    created = [];
    revoked = [];
    saved = [];
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      created.push(blob as Blob);
      return `blob:test/${created.length}`;
    };
    URL.revokeObjectURL = (url: string) => void revoked.push(url);
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      saved.push({ href: this.href, download: this.download, connected: this.isConnected });
    };
  });

  afterEach(() => {
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
    HTMLAnchorElement.prototype.click = original.click;
  });

  /** A conversation's first attachment, made 123 456 bytes large: "121 kB" on its button. */
  function withAttachment(): { number: string; attachment: Attachment } {
    const number = pick(backend, (r) => r.messages.some((m) => m.attachments.length > 0));
    backend.store.record(number)!.messages.flatMap((m) => m.attachments)[0]!.size = 123_456;
    const attachment = backend.store.peek(number)!.messages.flatMap((m) => m.attachments)[0]!;
    return { number, attachment };
  }

  function downloadButton(el: SecureThread, a: Attachment): HTMLButtonElement {
    return button(el, `Ladda ner ${a.name} (121 kB)`);
  }

  it('lists attachments by name and size as download buttons, never inline', async () => {
    const { number, attachment } = withAttachment();
    const el = await renderThread(mock.adapter(), number);
    await formReady(el);
    const control = downloadButton(el, attachment);
    expect(control.closest('ul')?.getAttribute('aria-label')).to.equal('Bifogade filer');
    expect(root(el).querySelector('img, iframe, object, embed, video, audio')).to.equal(null);
    expect(root(el).querySelector('a[href]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('downloads through the adapter and saves via a temporary object URL, revoked at once', async () => {
    const { number, attachment } = withAttachment();
    const calls: [string, string][] = [];
    const adapter = intercept(mock.adapter(), 'downloadAttachment', (download) => (n, id, signal) => {
      calls.push([n, id]);
      return download(n, id, signal);
    });
    const el = await renderThread(adapter, number);
    await formReady(el);
    downloadButton(el, attachment).click();
    await eventually(() => revoked.length === 1);
    expect(calls).to.deep.equal([[number, attachment.id]]);
    expect(created).to.have.length(1);
    expect(created[0]!.type).to.equal('application/octet-stream');
    expect(created[0]!.size).to.equal(attachment.size);
    expect(saved).to.deep.equal([{ href: 'blob:test/1', download: attachment.name, connected: true }]);
    expect(revoked).to.deep.equal(['blob:test/1']);
    expect(root(el).querySelector('a')).to.equal(null);
    await eventually(
      () => normalise(announcer(el).textContent) === `Filen ${attachment.name} har laddats ner.`,
    );
  });

  it('a failed download says so at the file and saves nothing', async () => {
    const { number, attachment } = withAttachment();
    backend.faults.add({
      kind: 'status',
      status: 404,
      match: { method: 'GET', path: `/conversations/${number}/attachments/${attachment.id}` },
    });
    const el = await renderThread(mock.adapter(), number);
    await formReady(el);
    downloadButton(el, attachment).click();
    await eventually(() => alertText(el).includes(`Filen ${attachment.name} kunde inte hämtas.`));
    expect(created).to.have.length(0);
    expect(saved).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});

describe('<secure-thread> Skriv ut', function () {
  this.timeout(30_000);
  const mock = useMockBackend();
  const { backend } = mock;
  const print = window.print;
  let printed = 0;

  beforeEach(() => {
    printed = 0;
    window.print = () => void printed++;
  });

  afterEach(async () => {
    window.print = print;
    if (CDP) await emulateMedia({ media: 'screen' });
  });

  it('Skriv ut calls window.print()', async () => {
    const el = await renderThread(
      mock.adapter(),
      pick(backend, (r) => r.summary.status === 'new'),
    );
    await formReady(el);
    button(el, 'Skriv ut').click();
    expect(printed).to.equal(1);
  });

  it('prints the conversation cleanly: no buttons, forms, dialogs or checkboxes; attachments as text', async function () {
    // Print media can only be emulated through the Chrome DevTools Protocol (Chromium only).
    if (!CDP) this.skip();
    backend.setCurrentUser(MOCK_USER_IDS.officer);
    const number = pick(
      backend,
      (r) => r.summary.status !== 'closed' && r.messages.some((m) => m.attachments.length > 0),
    );
    const el = await renderThread(mock.adapter(), number);
    await formReady(el);
    const hidden = (e: Element) => getComputedStyle(e).display === 'none';
    const shown = (e: Element) => getComputedStyle(e).display !== 'none';
    const printOnly = root(el).querySelector('.print-only')!;
    expect(shown(printOnly)).to.equal(false);
    // On screen the controls are there.
    expect(hidden(button(el, 'Skriv ut'))).to.equal(false);
    expect(hidden(root(el).querySelector('form')!)).to.equal(false);

    await emulateMedia({ media: 'print' });
    for (const selector of ['button', 'form', 'dialog', '.actions-bar', '.reply']) {
      const found = [...root(el).querySelectorAll(selector)];
      expect(found.length, selector).to.be.greaterThan(0);
      for (const node of found) expect(hidden(node), selector).to.equal(true);
    }
    expect(shown(root(el).querySelector('h2')!)).to.equal(true);
    expect(shown(root(el).querySelector('dl.details')!)).to.equal(true);
    for (const article of articles(el)) expect(shown(article)).to.equal(true);
    expect(shown(printOnly)).to.equal(true);
    expect(normalise(printOnly.textContent)).to.match(/\(\d/);
    expect(getComputedStyle(articles(el)[0]!).breakInside).to.equal('avoid');
    await expect(el).to.be.accessible();
  });
});
