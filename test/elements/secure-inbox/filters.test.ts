import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { typeText } from '../../keyboard.js';
import { DEFAULT_FILTERS, STATUSES, type ConversationFilters } from '../../../src/domain/index.js';
import type { SecureInbox } from '../../../src/elements/secure-inbox/secure-inbox.js';
import {
  button,
  choose,
  countRegion,
  description,
  knownInbox,
  type KnownNumbers,
  field,
  normalise,
  numbers,
  renderInbox,
  root,
  rows,
  searched,
  settled,
  spyAdapter,
  type SpyAdapter,
  eventually,
  useMockBackend,
  searchedInbox,
} from './inbox-helpers.js';
import { STATUS_WORDS } from '../../fixtures.js';
import { MOCK_USER_IDS } from '../../../mocks/index.js';

const filters = (patch: Partial<ConversationFilters>): ConversationFilters => ({
  ...DEFAULT_FILTERS,
  statuses: [...DEFAULT_FILTERS.statuses],
  ...patch,
});

describe('<secure-inbox> filters', function () {
  // Generous: these run in a real browser against the mock backend, beside other test files.
  this.timeout(30_000);
  const mock = useMockBackend({ size: 120 });

  describe('each filter', () => {
    let spy: SpyAdapter;
    let el: SecureInbox;
    let known: KnownNumbers;

    beforeEach(async () => {
      known = knownInbox(mock.backend);
      spy = spyAdapter(mock.adapter());
      el = await renderInbox(spy.adapter, 60_000); // only Enter, selects and checkboxes search here
      await searched(el, spy, 1);
      button(el, 'Visa filtrering').click();
      await el.updateComplete;
    });

    /** Types into a text filter (focus + real key presses) and presses Enter. */
    async function typeAndEnter(label: string, text: string): Promise<void> {
      const input = field(el, label);
      input.focus();
      await typeText(text);
      await sendKeys({ press: 'Enter' });
    }

    it('offers the fields labelled as the manual words them, Ämne starting with Alla ämnen', async () => {
      const subject = field<HTMLSelectElement>(el, 'Ämne');
      expect(subject.tagName).to.equal('SELECT');
      const options = [...subject.options].map((o) => o.textContent?.trim());
      expect(options[0]).to.equal('Alla ämnen');
      expect(options.slice(1)).to.deep.equal(mock.backend.store.subjects.map((s) => s.name));
      for (const label of ['Meddelandenummer', 'Handläggare', 'Meddelandetext']) {
        expect(field(el, label).tagName).to.equal('INPUT');
      }
      const legend = root(el).querySelector('fieldset legend');
      expect(legend?.textContent?.trim()).to.equal('Status');
      const checks = STATUSES.map((s) => field(el, STATUS_WORDS[s]));
      expect(checks.map((c) => c.type)).to.deep.equal(STATUSES.map(() => 'checkbox'));
      expect(checks.map((c) => c.checked)).to.deep.equal(STATUSES.map((s) => s !== 'closed'));
      expect(button(el, 'Återställ filter')).to.be.instanceOf(HTMLButtonElement);
      await expect(el).to.be.accessible();
    });

    // Expected rows below are read off knownInbox's table by the manual's rules.
    it('Ämne shows only that subject', async () => {
      await choose(el, field<HTMLSelectElement>(el, 'Ämne'), 'berakning');
      await searched(el, spy, 2);
      // c1 and c5 are Beräkning and open; Avslutad and the other organisation's stay hidden.
      expect(numbers(el)).to.deep.equal([known.c5, known.c1]);
      expect(rows(el).map((r) => r[2])).to.deep.equal(['Beräkning', 'Beräkning']);
      expect(countRegion(el).textContent?.trim()).to.equal('2 meddelanden');
    });

    it('Meddelandenummer finds a closed conversation and says the other filters are not applied', async () => {
      // Another filter that would hide it: a subject it does not have.
      await choose(el, field<HTMLSelectElement>(el, 'Ämne'), 'utbetalning');
      await searched(el, spy, 2);
      await typeAndEnter('Meddelandenummer', known.closed);
      await searched(el, spy, 3);
      expect(numbers(el)).to.deep.equal([known.closed]);
      expect(rows(el)[0][3]).to.equal('Avslutad');
      expect(countRegion(el).textContent?.trim()).to.equal('1 meddelande');
      const input = field(el, 'Meddelandenummer');
      expect(description(el, input)).to.contain(
        'Övriga filter används inte när du söker på meddelandenummer.',
      );
      await expect(el).to.be.accessible();
    });

    it('Meddelandenummer of another organisation finds nothing', async () => {
      await typeAndEnter('Meddelandenummer', known.foreign);
      await searched(el, spy, 2);
      expect(numbers(el)).to.deep.equal([]);
      expect(countRegion(el).textContent?.trim()).to.equal('Inga meddelanden');
    });

    it('Handläggare matches the user id in any case', async () => {
      await typeAndEnter('Handläggare', 'kpjl02');
      await searched(el, spy, 2);
      // KPJL02 has c1, c4, the closed one (hidden by Status) and the other organisation's.
      expect(numbers(el)).to.deep.equal([known.c1, known.c4]);
      expect(rows(el).map((r) => r[4])).to.deep.equal([
        'Jonas Lindström (KPJL02)',
        'Jonas Lindström (KPJL02)',
      ]);
    });

    // Tolvan Tolvansson is written 19121212-1212 in c1, 121212-1212 in c3 and 191212121212 in c5.
    for (const query of ['19121212-1212', '121212-1212', '191212121212']) {
      it(`Meddelandetext ${query} finds the personnummer in every form it is written in`, async () => {
        await typeAndEnter('Meddelandetext', query);
        await searched(el, spy, 2);
        expect(spy.searches[1].filters.text).to.equal(query);
        // c3 and c5 at the same instant: the higher number first.
        expect(numbers(el)).to.deep.equal([known.c5, known.c3, known.c1]);
      });
    }

    it('Meddelandetext finds a name in any case', async () => {
      await typeAndEnter('Meddelandetext', 'LINDHOLM');
      await searched(el, spy, 2);
      expect(numbers(el)).to.deep.equal([known.c4]);
    });

    it('the Status checkboxes choose the statuses shown', async () => {
      field(el, STATUS_WORDS.closed).click();
      await searched(el, spy, 2);
      expect(spy.searches[1].filters.statuses).to.include('closed');
      field(el, STATUS_WORDS.sent).click();
      await searched(el, spy, 3);
      const statuses = STATUSES.filter((s) => s !== 'sent');
      expect([...spy.searches[2].filters.statuses].sort()).to.deep.equal([...statuses].sort());
      // Without Skickat (c1, c5), with Avslutad, newest first.
      expect(numbers(el)).to.deep.equal([known.c6, known.closed, known.c3, known.c2, known.c4]);
      expect(countRegion(el).textContent?.trim()).to.equal('5 meddelanden');
    });

    it('Återställ filter goes back to the defaults', async () => {
      const subject = mock.backend.store.subjects[0];
      await choose(el, field<HTMLSelectElement>(el, 'Ämne'), subject.id);
      await searched(el, spy, 2);
      field(el, STATUS_WORDS.closed).click();
      await searched(el, spy, 3);
      await typeAndEnter('Handläggare', 'abcd01');
      await searched(el, spy, 4);
      button(el, 'Återställ filter').click();
      await searched(el, spy, 5);
      expect(spy.searches[4].filters).to.deep.equal(filters({}));
      expect(field<HTMLSelectElement>(el, 'Ämne').value).to.equal('');
      expect(field(el, 'Handläggare').value).to.equal('');
      expect(STATUSES.map((s) => field(el, STATUS_WORDS[s]).checked)).to.deep.equal(
        STATUSES.map((s) => s !== 'closed'),
      );
      expect(numbers(el)).to.deep.equal([known.c6, known.c5, known.c3, known.c2, known.c1, known.c4]);
    });

    const invalid = [
      {
        label: 'Meddelandenummer',
        value: '1234',
        valid: '12345',
        message: /^Fel: Meddelandenumret ska vara fem siffror/,
      },
      {
        label: 'Meddelandenummer',
        value: '12a45',
        valid: '12345',
        message: /^Fel: Meddelandenumret ska vara fem siffror/,
      },
      {
        label: 'Handläggare',
        value: 'ABC1',
        valid: 'abcd01',
        message: /^Användar-id, till exempel ABCD01\. Fel: Ange handläggarens användar-id/,
      },
      {
        label: 'Handläggare',
        value: 'ABCD012',
        valid: 'ABCD01',
        message: /^Användar-id, till exempel ABCD01\. Fel: Ange handläggarens användar-id/,
      },
    ];
    for (const c of invalid) {
      it(`shows an inline error for ${c.label} "${c.value}" and sends no request`, async () => {
        await typeAndEnter(c.label, c.value);
        await el.updateComplete;
        const input = field(el, c.label);
        expect(input.getAttribute('aria-invalid')).to.equal('true');
        expect(description(el, input)).to.match(c.message);
        await expect(el).to.be.accessible();
        // Correcting the field clears the error and searches.
        input.select();
        await typeText(c.valid);
        await sendKeys({ press: 'Enter' });
        await searched(el, spy, 2);
        // Searches reach the adapter in order: had the invalid value been sent, it would be #2.
        expect(spy.searches.length).to.equal(2);
        expect(JSON.stringify(spy.searches[1].filters).toUpperCase()).to.contain(
          `"${c.valid.toUpperCase()}"`,
        );
        expect(input.getAttribute('aria-invalid')).to.equal('false');
        expect(normalise(description(el, input))).not.to.match(c.message);
      });
    }

    it('Enter searches at once (without waiting for the debounce)', async () => {
      const input = field(el, 'Meddelandetext');
      input.focus();
      await typeText('Lindholm');
      expect(spy.searches.length, 'typing alone waits for the (long) debounce').to.equal(1);
      await sendKeys({ press: 'Enter' });
      await searched(el, spy, 2);
      // The debounce is a minute: no timer of the typing can have sent a search before Enter.
      expect(spy.searches.length).to.equal(2);
      expect(spy.searches[1].filters.text).to.equal('Lindholm');
    });
  });

  describe('debounce', () => {
    it('typing searches once, after the debounce', async () => {
      const { el, spy } = await searchedInbox(mock.adapter(), 1500);
      button(el, 'Visa filtrering').click();
      await el.updateComplete;
      field(el, 'Meddelandetext').focus();
      await typeText('Lön');
      expect(spy.searches.length, 'nothing is sent while typing').to.equal(1);
      await searched(el, spy, 2);
      expect(spy.searches[1].filters.text).to.equal('Lön');
      // Proving that no second search follows needs a bound in time: one more debounce interval
      // of the element's own timer. Typing one more letter starts it; any search left over from
      // the first word would be due before that one, so exactly one more search, for the new
      // text, shows there was none.
      await typeText('e');
      await searched(el, spy, 3);
      expect(
        spy.searches.map((q) => q.filters.text),
        'one search per word',
      ).to.deep.equal(['', 'Lön', 'Löne']);
      await settled(el);
      await eventually(() => countRegion(el).textContent?.trim() !== '');
    });

    it('the debounce is a property (and an attribute) with a default of 300 ms', async () => {
      const el = await renderInbox(mock.adapter());
      const fresh = document.createElement('secure-inbox');
      expect(fresh.debounce).to.equal(300);
      fresh.setAttribute('debounce', '120');
      expect(fresh.debounce).to.equal(120);
      expect(el.debounce).to.equal(300);
    });
  });

  it('a KPA case officer ticks statuses in their own words, each box sending the statuses behind it', async () => {
    mock.backend.setCurrentUser(MOCK_USER_IDS.officer);
    const { el, spy } = await searchedInbox(mock.adapter(), 60_000);
    button(el, 'Visa filtrering').click();
    await el.updateComplete;
    const words = ['Väntar på KPA', 'Väntar på arbetsgivaren', 'Avslutad'];
    const labels = [...root(el).querySelectorAll('fieldset label')].map((l) => normalise(l.textContent));
    expect(labels).to.deep.equal(words);
    expect(words.map((w) => field(el, w).checked)).to.deep.equal([true, true, false]);
    field(el, 'Väntar på arbetsgivaren').click();
    await searched(el, spy, 2);
    expect(spy.searches[1].filters.statuses).to.deep.equal(['sent', 'answered']);
    expect(rows(el).length).to.be.greaterThan(0);
    expect(new Set(rows(el).map((r) => r[4]))).to.deep.equal(new Set(['Väntar på KPA']));
    field(el, 'Avslutad').click();
    await searched(el, spy, 3);
    expect(spy.searches[2].filters.statuses).to.deep.equal(['sent', 'answered', 'closed']);
    await expect(el).to.be.accessible();
  });
});
