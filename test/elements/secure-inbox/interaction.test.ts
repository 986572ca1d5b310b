import { expect, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { typeText } from '../../keyboard.js';
import { SecureInboxQueryChangedEvent } from '../../../src/events/events.js';
import {
  button,
  field,
  numbers,
  renderAfterButton,
  renderInbox,
  root,
  rowButtons,
  searchText,
  searched,
  settled,
  eventually,
  useMockBackend,
  searchedInbox,
} from './inbox-helpers.js';

describe('<secure-inbox> events and keyboard', function () {
  // Generous: these run in a real browser against the mock backend, beside other test files.
  this.timeout(30_000);
  const mock = useMockBackend();

  it('a click on a row’s number fires a cancelable secure-conversation-open with the number', async () => {
    const el = await renderInbox(mock.adapter());
    await settled(el);
    const target = rowButtons(el)[1];
    const expectedNumber = numbers(el)[1];
    setTimeout(() => target.click());
    const event = await oneEvent(el, 'secure-conversation-open');
    expect(event.detail).to.deep.equal({ number: expectedNumber });
    expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
  });

  // ' ' is the key value of the space bar in every engine's driver ('Space' is Chromium's name only).
  for (const [name, key] of [
    ['Enter', 'Enter'],
    ['Space', ' '],
  ] as const) {
    it(`${name} on a row’s button opens it`, async () => {
      const el = await renderInbox(mock.adapter());
      await settled(el);
      rowButtons(el)[0].focus();
      const opened = oneEvent(el, 'secure-conversation-open');
      await sendKeys({ press: key });
      expect((await opened).detail.number).to.equal(numbers(el)[0]);
    });
  }

  it('a host can cancel the open intent; the inbox stays as it is', async () => {
    const el = await renderInbox(mock.adapter());
    await settled(el);
    const seen: Event[] = [];
    el.addEventListener('secure-conversation-open', (e) => {
      e.preventDefault();
      seen.push(e);
    });
    rowButtons(el)[0].focus();
    rowButtons(el)[0].click();
    expect(seen.length).to.equal(1);
    expect(seen[0].defaultPrevented).to.equal(true);
    expect(root(el).activeElement).to.equal(rowButtons(el)[0]);
    expect(rowButtons(el).length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
  });

  it('Nytt meddelande fires a cancelable secure-compose-open', async () => {
    const el = await renderInbox(mock.adapter());
    setTimeout(() => button(el, 'Nytt meddelande').click());
    const event = await oneEvent(el, 'secure-compose-open');
    expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
  });

  it('Visa filtrering / Dölj filtrering is a disclosure; the closed panel is out of the tab order', async () => {
    const el = await renderInbox(mock.adapter());
    await settled(el);
    const disclosure = button(el, 'Visa filtrering');
    const panel = root(el).getElementById(disclosure.getAttribute('aria-controls')!)!;
    expect(disclosure.getAttribute('aria-expanded')).to.equal('false');
    expect(panel.hidden).to.equal(true);
    // Nothing in the closed panel can take focus: its fields are not even there.
    expect(panel.querySelectorAll('input, select, button')).to.have.length(0);
    disclosure.click();
    await el.updateComplete;
    expect(disclosure.getAttribute('aria-expanded')).to.equal('true');
    expect(panel.hidden).to.equal(false);
    expect(button(el, 'Dölj filtrering')).to.equal(disclosure);
    expect(el.filtersOpen).to.equal(true);
    await expect(el).to.be.accessible();
    // What the user typed stays when the panel closes and opens again.
    field(el, 'Meddelandetext').focus();
    await typeText('Lönerapport');
    disclosure.click();
    await el.updateComplete;
    expect(button(el, 'Visa filtrering').getAttribute('aria-expanded')).to.equal('false');
    expect(panel.hidden).to.equal(true);
    disclosure.click();
    await el.updateComplete;
    expect(field(el, 'Meddelandetext').value).to.equal('Lönerapport');
  });

  it('keyboard only: Tab to Visa filtrering, open, type a number, Enter, Tab to the row, Enter', async () => {
    mock.backend.faults.clear();
    const user = mock.backend.currentUser();
    const wanted = mock.backend.store
      .records()
      .find((r) => r.summary.status === 'closed' && mock.backend.store.isVisible(user, r))!.summary.number;
    const el = await renderAfterButton(mock.adapter());
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(button(el, 'Nytt meddelande'));
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(button(el, 'Visa filtrering'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' }); // Ämne
    await sendKeys({ press: 'Tab' }); // Meddelandenummer
    expect(root(el).activeElement).to.equal(field(el, 'Meddelandenummer'));
    await typeText(wanted);
    await sendKeys({ press: 'Enter' });
    await eventually(() => numbers(el).join() === wanted, 'the conversation is found');
    for (let i = 0; i < 30 && !rowButtons(el).includes(root(el).activeElement as HTMLButtonElement); i++) {
      await sendKeys({ press: 'Tab' });
    }
    expect(root(el).activeElement).to.equal(rowButtons(el)[0]);
    const opened = oneEvent(el, 'secure-conversation-open');
    await sendKeys({ press: 'Enter' });
    expect((await opened).detail.number).to.equal(wanted);
  });

  it('secure-inbox-query-changed tells the new query without the search text', async () => {
    const { el, spy } = await searchedInbox(mock.adapter());
    const events: SecureInboxQueryChangedEvent[] = [];
    el.addEventListener('secure-inbox-query-changed', (e) => events.push(e));
    el.filtersOpen = true;
    await el.updateComplete;
    await searchText(el, spy, '19121212-1212', 2);
    button(el, 'Status').click(); // sort by Status
    await searched(el, spy, 3);
    expect(events.length).to.equal(2);
    expect(events[0]).to.be.instanceOf(SecureInboxQueryChangedEvent);
    expect(events[0].bubbles && events[0].composed).to.equal(true);
    expect(events[0].detail.hasText).to.equal(true);
    expect(JSON.stringify(events.map((e) => e.detail))).not.to.contain('1212');
    const { text: _text, ...withoutText } = spy.searches[2].filters;
    expect(events[1].detail).to.deep.equal({
      filters: withoutText,
      hasText: true,
      sort: { key: 'status', direction: 'asc' },
      page: 1,
      pageSize: 25,
    });
    // Setting the query from outside is not a user change: no event.
    el.query = { ...el.query, page: 1, pageSize: 25 };
    await searched(el, spy, 4);
    expect(events.length).to.equal(2);
  });
});
