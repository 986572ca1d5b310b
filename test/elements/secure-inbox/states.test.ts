import { expect } from '@open-wc/testing';
import { typeText } from '../../keyboard.js';
import type { SecureInbox } from '../../../src/elements/secure-inbox/secure-inbox.js';
import {
  button,
  choose,
  countRegion,
  knownInbox,
  newestFirst,
  field,
  hasButton,
  normalise,
  numbers,
  renderInbox,
  resultsRegion,
  root,
  searchText,
  searched,
  settled,
  spyAdapter,
  eventually,
  useMockBackend,
  searchedInbox,
} from './inbox-helpers.js';

const SEARCH = { path: '/conversations/search' };
const alertText = (el: SecureInbox) => normalise(root(el).querySelector('[role="alert"]')?.textContent ?? '');

describe('<secure-inbox> states', function () {
  // Generous: these run in a real browser against the mock backend, beside other test files.
  this.timeout(30_000);
  const mock = useMockBackend();

  it('loading: the table is there and marked busy until the first answer', async () => {
    mock.backend.faults.add({ kind: 'hang', match: SEARCH });
    const el = await renderInbox(mock.adapter());
    await eventually(() => root(el).querySelector('tbody'), 'the table is drawn');
    const region = resultsRegion(el)!;
    expect(region.getAttribute('aria-busy')).to.equal('true');
    expect(root(el).querySelector('table caption')?.textContent?.trim()).to.equal('Meddelanden');
    expect(normalise(root(el).querySelector('tbody')!.textContent!)).to.equal('Hämtar meddelanden …');
    expect(countRegion(el).isConnected).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('loading again keeps the rows in place (no layout jump), marks them busy and, when slow, says so', async () => {
    const { el, spy } = await searchedInbox(mock.adapter());
    const before = numbers(el);
    const height = resultsRegion(el)!.getBoundingClientRect().height;
    mock.backend.faults.add({ kind: 'hang', match: SEARCH });
    button(el, 'Ämne').click(); // sort by Ämne
    await eventually(() => spy.searches.length === 2);
    await el.updateComplete;
    expect(resultsRegion(el)!.getAttribute('aria-busy')).to.equal('true');
    // Not shown yet: a quick answer would replace the rows without the bar flashing.
    expect(resultsRegion(el)!.classList.contains('in-progress')).to.equal(false);
    // The element's own BUSY_DELAY timer brings the bar; the answer never comes, so it stays.
    await eventually(() => resultsRegion(el)!.classList.contains('in-progress'), 'the busy bar shows');
    expect(numbers(el)).to.deep.equal(before);
    expect(resultsRegion(el)!.getBoundingClientRect().height).to.equal(height);
    expect(normalise(root(el).querySelector('.summary')!.textContent!)).to.contain('Hämtar meddelanden …');
    await expect(el).to.be.accessible();
  });

  it('a quick answer replaces the rows without flashing Hämtar meddelanden … in between', async () => {
    const known = knownInbox(mock.backend);
    const { el, spy } = await searchedInbox(mock.adapter());
    const flashes: string[] = [];
    const observer = new MutationObserver(() => {
      if (resultsRegion(el)?.classList.contains('in-progress')) flashes.push('bar');
      if (root(el).querySelector('.summary .loading')) flashes.push('text');
    });
    observer.observe(root(el), { subtree: true, childList: true, attributes: true });
    button(el, 'Ämne').click();
    await searched(el, spy, 2);
    observer.disconnect();
    expect(numbers(el)[0], 'Anställning och lön first').to.equal(known.c4);
    expect(flashes).to.deep.equal([]);
  });

  it('empty: Inga meddelanden, without a hint when no filter hides anything', async () => {
    mock.backend.reset({ size: 0 });
    const el = await renderInbox(mock.adapter());
    await settled(el);
    expect(normalise(root(el).querySelector('tbody')!.textContent!)).to.equal('Inga meddelanden');
    expect(countRegion(el).textContent?.trim()).to.equal('Inga meddelanden');
    expect(root(el).querySelector('[part="pager"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('empty because of filters: Inga meddelanden with a hint to change or reset them', async () => {
    const { el, spy } = await searchedInbox(mock.adapter());
    button(el, 'Visa filtrering').click();
    await el.updateComplete;
    await searchText(el, spy, 'xyzzy-finns-inte', 2);
    expect(normalise(root(el).querySelector('tbody')!.textContent!)).to.equal(
      'Inga meddelanden Ändra eller återställ filtren för att se fler.',
    );
    await expect(el).to.be.accessible();
  });

  it('error: says so with Försök igen, which retries the same query', async () => {
    mock.backend.faults.add({ kind: 'status', status: 503, times: 1, match: SEARCH });
    const spy = spyAdapter(mock.adapter());
    const el = await renderInbox(spy.adapter);
    await eventually(() => alertText(el) !== '', 'an error is shown');
    expect(alertText(el)).to.equal(
      'Det gick inte att hämta meddelandena. Något gick fel hos oss. Försök igen om en stund.',
    );
    expect(countRegion(el).textContent?.trim()).to.equal('');
    await expect(el).to.be.accessible();
    const retry = button(el, 'Försök igen');
    retry.focus();
    retry.click();
    await searched(el, spy, 2);
    expect(spy.searches[1]).to.deep.equal(spy.searches[0]);
    expect(numbers(el)).to.deep.equal(
      newestFirst(mock.backend)
        .slice(0, 25)
        .map((c) => c.number),
    );
    expect(hasButton(el, 'Försök igen')).to.equal(false);
    expect(root(el).activeElement, 'focus moves to the results, not the body').to.equal(resultsRegion(el));
    await expect(el).to.be.accessible();
  });

  it('a 403 is worded as in every element, not as a failure of ours', async () => {
    mock.backend.faults.add({ kind: 'status', status: 403, times: 1, match: SEARCH });
    const el = await renderInbox(mock.adapter());
    await eventually(() => alertText(el) !== '', 'an error is shown');
    expect(alertText(el)).to.equal(
      'Det gick inte att hämta meddelandena. Du har inte behörighet att göra detta.',
    );
    expect(hasButton(el, 'Försök igen')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('a network failure is worded as such', async () => {
    mock.backend.faults.add({ kind: 'offline', times: 1, match: SEARCH });
    const el = await renderInbox(mock.adapter());
    await eventually(() => alertText(el) !== '');
    expect(alertText(el)).to.contain('Det gick inte att nå servern.');
  });

  it('auth required: fires secure-auth-required once, drops the rows and filters from the page, and Försök igen brings back the same query', async () => {
    const { el, spy } = await searchedInbox(mock.adapter());
    let fired = 0;
    el.addEventListener('secure-auth-required', (e) => {
      expect(e.bubbles && e.composed).to.equal(true);
      fired++;
    });
    button(el, 'Visa filtrering').click();
    await el.updateComplete;
    const subject = mock.backend.store.subjects[0];
    field(el, 'Meddelandetext').focus();
    await typeText('Lön');
    mock.backend.faults.add({ kind: 'status', status: 401 });
    await choose(el, field<HTMLSelectElement>(el, 'Ämne'), subject.id);
    await eventually(() => alertText(el) !== '', 'the sign-in message is shown');
    expect(alertText(el)).to.equal('Du har blivit utloggad. Logga in igen för att fortsätta.');
    expect(fired).to.equal(1);
    // Nothing of the list stays: no rows, no filter fields, no count.
    expect(root(el).querySelector('table, tbody tr, form[role="search"]')).to.equal(null);
    expect(root(el).querySelector('[role="status"]')).to.equal(null);
    await expect(el).to.be.accessible();
    // The host signs the user in again; Försök igen asks who is signed in, then runs the same query.
    mock.backend.faults.clear();
    button(el, 'Försök igen').click();
    await searched(el, spy, 3);
    expect(spy.searches[2]).to.deep.equal(spy.searches[1]);
    expect(spy.searches[2].filters).to.include({ subjectId: subject.id, text: 'Lön' });
    expect(alertText(el)).to.equal('');
    expect(countRegion(el).textContent?.trim()).to.match(/meddelande/);
    expect(fired).to.equal(1);
  });

  it('a 401 when loading the user also asks for sign-in (once)', async () => {
    mock.backend.faults.add({ kind: 'status', status: 401 });
    const events: Event[] = [];
    const listener = (e: Event) => events.push(e);
    document.addEventListener('secure-auth-required', listener);
    // Every request the list makes is kept, so the test can wait until all of them have failed.
    const answers: Promise<unknown>[] = [];
    const inner = mock.adapter();
    const adapter = new Proxy(inner, {
      get(target, key) {
        const value = Reflect.get(target, key, target) as unknown;
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          const answer = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (answer instanceof Promise) answers.push(answer.catch(() => undefined));
          return answer;
        };
      },
    });
    const el = await renderInbox(adapter);
    await eventually(() => alertText(el) !== '');
    // Until every request asked so far (and any asked meanwhile) has been answered.
    for (let seen = -1; seen !== answers.length;) {
      seen = answers.length;
      await Promise.all(answers);
    }
    document.removeEventListener('secure-auth-required', listener);
    expect(events.length).to.equal(1);
    expect(events[0].target).to.equal(el);
  });
});
