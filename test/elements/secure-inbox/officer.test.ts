/**
 * The officers' list: a KPA case officer's inbox against the mock backend, as an officer uses it:
 * their department's queue by default, the organisation and Väntar sedan columns, the organisation
 * search, Ansvarig (Mina, Ej tilldelade), and the keyboard path through them.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { typeText } from '../../keyboard.js';
import { MOCK_USER_IDS } from '../../../mocks/index.js';
import { workingDaysSince } from '../../../src/domain/format.js';
import type { SecureInbox } from '../../../src/elements/secure-inbox/secure-inbox.js';
import {
  button,
  choose,
  description,
  eventually,
  field,
  normalise,
  numbers,
  renderAfterButton,
  root,
  rows,
  searched,
  searchedInbox,
  settled,
  useMockBackend,
} from './inbox-helpers.js';

/** The organisation of the list's first row, as the mock keeps it. */
function firstRowOrganisation(el: SecureInbox) {
  return mock.backend.store.record(numbers(el)[0]!)!.summary.organisation;
}

const COLUMNS = ['Meddelandenr', 'Datum', 'Organisation', 'Ämne', 'Status', 'Väntar sedan', 'Ansvarig'];
const ARBETSGIVARSERVICE = ['Anställning och lön', 'Rapportering', 'Ekonomi och fakturor', 'Övrigt'];

let mock: ReturnType<typeof useMockBackend>;

describe('<secure-inbox> for a KPA case officer', function () {
  // Generous: these run in a real browser against the mock backend, beside other test files.
  this.timeout(30_000);
  mock = useMockBackend({ size: 300 });
  beforeEach(() => mock.backend.setCurrentUser(MOCK_USER_IDS.officer));

  const headers = (el: SecureInbox) =>
    [...root(el).querySelectorAll('thead th')].map((th) => normalise(th.querySelector('span')?.textContent));

  it("shows their department's queue of every organisation, with the organisation, Väntar sedan and Ansvarig", async () => {
    const { el, spy } = await searchedInbox(mock.adapter());
    expect(headers(el)).to.deep.equal(COLUMNS);
    expect(spy.searches[0]!.filters.departmentOnly).to.equal(true);
    const shown = rows(el);
    expect(shown.length).to.equal(25);
    // Arbetsgivarservice's Ämnen only, from several organisations, each with its organisation number.
    expect(shown.every((r) => ARBETSGIVARSERVICE.includes(r[3]!))).to.equal(true);
    const store = mock.backend.store;
    for (const r of shown) {
      const summary = store.record(r[0]!)!.summary;
      const { name, organisationNumber } = summary.organisation;
      expect(r[2]).to.equal(`${name} ${organisationNumber.slice(0, 6)}-${organisationNumber.slice(6)}`);
      const kpa = store.record(r[0]!)!.kpaAssignee;
      expect(r[6]).to.equal(kpa ? `${kpa.name} (${kpa.id})` : 'Ej tilldelad');
      const since = summary.waitingSince;
      if (!since) expect(r[5]).to.equal('–');
      else {
        const days = workingDaysSince(since, Date.now());
        const words = days === 0 ? 'Sedan i dag' : days === 1 ? '1 arbetsdag' : `${days} arbetsdagar`;
        expect(r[5]).to.equal(days > 3 ? `${words} ! Över svarstiden` : words);
      }
    }
    expect(new Set(shown.map((r) => r[2])).size).to.be.greaterThan(1);
    expect(shown.some((r) => r[6] === 'Ej tilldelad')).to.equal(true);
    expect(shown.some((r) => r[5]!.endsWith('Över svarstiden'))).to.equal(true);
    expect(normalise(root(el).querySelector('.reply-time')?.textContent)).to.equal(
      'Svarstid till arbetsgivare: 3 arbetsdagar.',
    );
    await expect(el).to.be.accessible();
  });

  it('sorts by Väntar sedan, the longest wait first, those not waiting last', async () => {
    const { el, spy } = await searchedInbox(mock.adapter());
    button(el, 'Väntar sedan').click();
    await searched(el, spy, 2);
    expect(spy.searches[1]!.sort).to.deep.equal({ key: 'waiting', direction: 'asc' });
    const since = numbers(el).map((n) => mock.backend.store.record(n)!.summary.waitingSince ?? null);
    const waiting = since.filter((s) => s !== null);
    expect(waiting.length).to.be.greaterThan(0);
    expect(waiting).to.deep.equal([...waiting].sort());
    expect(since.slice(0, waiting.length)).to.deep.equal(waiting);
  });

  describe('filters', () => {
    let el: SecureInbox;
    let spy: Awaited<ReturnType<typeof searchedInbox>>['spy'];
    beforeEach(async () => {
      ({ el, spy } = await searchedInbox(mock.adapter(), 60_000));
      button(el, 'Visa filtrering').click();
      await eventually(() => root(el).querySelector('#f-organisation'), 'the filters are drawn');
    });

    it('Ämne starts at their department; Alla ämnen widens the list to every department', async () => {
      const subject = field<HTMLSelectElement>(el, 'Ämne');
      const options = [...subject.options].map((o) => normalise(o.textContent));
      expect(options.slice(0, 2)).to.deep.equal(['Arbetsgivarservice (min avdelning)', 'Alla ämnen']);
      expect(options.length).to.equal(2 + mock.backend.store.subjects.length);
      expect(subject.selectedOptions[0]!.textContent).to.contain('min avdelning');
      await choose(el, subject, '');
      await searched(el, spy, 2);
      expect(spy.searches[1]!.filters).to.include({ departmentOnly: false, subjectId: null });
      expect(rows(el).some((r) => !ARBETSGIVARSERVICE.includes(r[3]!))).to.equal(true);
      button(el, 'Återställ filter').click();
      await searched(el, spy, 3);
      expect(spy.searches[2]!.filters.departmentOnly).to.equal(true);
    });

    it('Ansvarig: Mina asks for their own, Ej tilldelade for nobody’s', async () => {
      const responsible = field<HTMLSelectElement>(el, 'Ansvarig');
      expect([...responsible.options].map((o) => normalise(o.textContent))).to.deep.equal([
        'Alla',
        'Mina',
        'Ej tilldelade',
      ]);
      await choose(el, responsible, 'mine');
      await searched(el, spy, 2);
      expect(spy.searches[1]!.filters).to.include({ assigneeId: MOCK_USER_IDS.officer, unassigned: false });
      expect(rows(el).length).to.be.greaterThan(0);
      expect(rows(el).every((r) => r[6] === `Katarina Hallberg (${MOCK_USER_IDS.officer})`)).to.equal(true);
      await choose(el, responsible, 'unassigned');
      await searched(el, spy, 3);
      expect(spy.searches[2]!.filters).to.include({ assigneeId: '', unassigned: true });
      expect(rows(el).length).to.be.greaterThan(0);
      expect(rows(el).every((r) => r[6] === 'Ej tilldelad')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('Organisation chooses by what is typed; unknown text stays, with an error; empty is every organisation', async () => {
      const input = field(el, 'Organisation');
      expect(input.getAttribute('list')).to.equal('f-organisation-list');
      const suggestions = root(el).getElementById('f-organisation-list')!.querySelectorAll('option');
      expect(suggestions.length).to.equal(290);
      expect(suggestions[1]!.value).to.equal('Sjöviks kommun (212000-9871)');
      const { name, customerNumber } = firstRowOrganisation(el);
      input.focus();
      await typeText(name.toUpperCase());
      await sendKeys({ press: 'Enter' });
      await searched(el, spy, 2);
      expect(spy.searches[1]!.filters.customerNumber).to.equal(customerNumber);
      expect(input.value).to.match(new RegExp(`^${name} \\(\\d{6}-\\d{4}\\)$`));
      expect(rows(el).every((r) => r[2]!.startsWith(`${name} `))).to.equal(true);
      input.select();
      await typeText('Ingenstans');
      // Nothing is wrong while the user is still typing.
      await el.updateComplete;
      expect(input.getAttribute('aria-invalid')).to.equal('false');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(input.value).to.equal('Ingenstans');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(description(el, input)).to.contain('Ingen organisation heter så. Välj en i listan.');
      expect(spy.searches.length).to.equal(2);
      await expect(el).to.be.accessible();
      input.select();
      await sendKeys({ press: 'Backspace' });
      await sendKeys({ press: 'Enter' });
      await searched(el, spy, 3);
      expect(spy.searches[2]!.filters.customerNumber).to.equal(null);
      expect(input.getAttribute('aria-invalid')).to.equal('false');
    });
  });

  it('a department officer who sees only their department is offered only its Ämnen', async () => {
    mock.backend.setCurrentUser(MOCK_USER_IDS.otherOfficer);
    const { el } = await searchedInbox(mock.adapter());
    el.filtersOpen = true;
    await eventually(() => root(el).querySelector('#f-subject'), 'the filters are drawn');
    const options = [...field<HTMLSelectElement>(el, 'Ämne').options].map((o) => normalise(o.textContent));
    expect(options).to.deep.equal(['Pension och utbetalning (min avdelning)', 'Beräkning', 'Utbetalning']);
    expect(rows(el).every((r) => ['Beräkning', 'Utbetalning'].includes(r[3]!))).to.equal(true);
  });

  it('by keyboard alone: filters by organisation, sorts by Väntar sedan and opens a conversation', async () => {
    const el = await renderAfterButton(mock.adapter());
    await eventually(() => root(el).querySelector('.reply-time'), 'the officer’s list is drawn');
    const active = () => root(el).activeElement;
    await sendKeys({ press: 'Tab' }); // Nytt meddelande
    await sendKeys({ press: 'Tab' });
    expect(active()).to.equal(button(el, 'Visa filtrering'));
    await sendKeys({ press: 'Enter' });
    await eventually(() => root(el).querySelector('#f-organisation'), 'the filters are drawn');
    await sendKeys({ press: 'Tab' }); // Ämne
    await sendKeys({ press: 'Tab' });
    expect(active()).to.equal(field(el, 'Organisation'));
    const { name, organisationNumber } = firstRowOrganisation(el);
    await typeText(organisationNumber);
    await sendKeys({ press: 'Enter' });
    await eventually(
      () => rows(el).length > 0 && rows(el).every((r) => r[2]!.startsWith(`${name} `)),
      `the list shows ${name}'s conversations`,
    );
    const sort = button(el, 'Väntar sedan');
    for (let i = 0; i < 40 && active() !== sort; i++) await sendKeys({ press: 'Tab' });
    expect(active()).to.equal(sort);
    await sendKeys({ press: 'Enter' });
    await eventually(
      () => sort.closest('th')?.getAttribute('aria-sort') === 'ascending',
      'the list is sorted by Väntar sedan',
    );
    await settled(el);
    const first = root(el).querySelector<HTMLElement>('tbody .open')!;
    for (let i = 0; i < 40 && active() !== first; i++) await sendKeys({ press: 'Tab' });
    expect(active()).to.equal(first);
    const opened = new Promise<string>((resolve) =>
      el.addEventListener('secure-conversation-open', (e) => resolve((e as CustomEvent).detail.number), {
        once: true,
      }),
    );
    await sendKeys({ press: 'Enter' });
    expect(await opened).to.equal(first.dataset.number);
  });
});
