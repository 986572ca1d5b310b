import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import type { ConversationSummary, SearchResult } from '../../../src/domain/index.js';
import { renderTable, type TableView } from '../../../src/elements/secure-inbox/inbox-table.js';
import { setLocale } from '../../../src/localization/index.js';
import { summary } from '../../fixtures.js';
import { normalise, spokenText } from '../queries.js';

const ORGANISATION = { customerNumber: '0000', organisationNumber: '212000-0142', name: 'Exempelkommunen' };

const row = (number: string, status: ConversationSummary['status']): ConversationSummary =>
  summary({ number, status, lastActivityAt: '2026-03-02T09:00:00Z', organisation: ORGANISATION });

const RESULT: SearchResult = {
  items: [row('60123', 'reply-received'), row('60124', 'sent')],
  total: 2,
  page: 1,
  pageSize: 25,
};

const VIEW: TableView = {
  result: RESULT,
  sort: { key: 'date', direction: 'desc' },
  busy: false,
  showsLoading: false,
  side: 'employer',
  filtered: false,
  sortBy: () => {},
  open: () => {},
};

async function table(extra: Partial<TableView>): Promise<{ host: HTMLElement; opened: string[] }> {
  const opened: string[] = [];
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  render(renderTable({ ...VIEW, open: (number) => opened.push(number), ...extra }), host);
  return { host, opened };
}

function rowHeaders(host: HTMLElement): Element[] {
  return [...host.querySelectorAll('tbody th[scope="row"] > :not(.cell-label)')];
}

describe('the inbox table: a conversation number', () => {
  it('is a real link to its address when the feature routes by URL, named by its number and attention marker', async () => {
    const { host } = await table({ href: (n) => `#meddelande/${n}` });
    const [first, second] = rowHeaders(host);
    expect(first.localName).to.equal('a');
    expect(first.getAttribute('href')).to.equal('#meddelande/60123');
    expect(normalise(spokenText(first))).to.equal('60123 Behöver hanteras');
    expect(second.getAttribute('href')).to.equal('#meddelande/60124');
    expect(normalise(spokenText(second))).to.equal('60124');
    await expect(host).to.be.accessible();
  });

  it('a plain click opens through the element; a modified click is left to the browser (new tab)', async () => {
    const { host, opened } = await table({ href: (n) => `#meddelande/${n}` });
    const [link] = rowHeaders(host) as HTMLAnchorElement[];
    const prevented: boolean[] = [];
    // Record what the link's own handler did, then keep the test page where it is.
    host.addEventListener('click', (event) => {
      prevented.push(event.defaultPrevented);
      event.preventDefault();
    });
    link.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, composed: true }));
    link.dispatchEvent(
      new MouseEvent('click', { bubbles: true, cancelable: true, composed: true, ctrlKey: true }),
    );
    expect(opened).to.deep.equal(['60123']);
    expect(prevented).to.deep.equal([true, false]);
  });

  it('is a button with the same name when there is no address (routing="none", or the inbox alone)', async () => {
    const { host, opened } = await table({});
    const [first] = rowHeaders(host) as HTMLButtonElement[];
    expect(first.localName).to.equal('button');
    expect(normalise(spokenText(first))).to.equal('60123 Behöver hanteras');
    first.click();
    expect(opened).to.deep.equal(['60123']);
    expect(host.querySelector('tbody a')).to.equal(null);
    await expect(host).to.be.accessible();
  });
});

describe('the rows after a change of language', () => {
  afterEach(() => setLocale('sv'));

  it('are worded in the new language, though the result is the same', async () => {
    const { host } = await table({});
    const statuses = () =>
      [...host.querySelectorAll('td.status')].map((td) => normalise(td.textContent ?? ''));
    expect(statuses()).to.deep.equal(['StatusSvar inkommit', 'StatusSkickat']);
    await setLocale('en');
    render(renderTable({ ...VIEW, busy: true }), host);
    expect(statuses()).to.deep.equal(['StatusReply received', 'StatusSent']);
    expect(normalise(spokenText(rowHeaders(host)[0]))).to.equal('60123 Needs attention');
  });
});
