import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { typeText as typeKeys } from '../../keyboard.js';
import { MOCK_USER_IDS } from '../../../mocks/index.js';
import { eventually, useMockBackend } from '../helpers.js';
import { button, description, field, normalise, root } from '../queries.js';
import {
  chooseFiles,
  chooseSubject,
  confirmationNumber,
  fillValid,
  pdf,
  renderCompose,
  text,
  typeText,
} from './compose-helpers.js';

describe('<secure-compose> form and validation', function () {
  this.timeout(30_000);
  const mock = useMockBackend();

  it('has the manual’s fields, note and reply time, and passes axe', async () => {
    const el = await renderCompose(mock.adapter());
    const subject = field<HTMLSelectElement>(el, 'Ämne');
    expect([...subject.options].map((o) => o.text)).to.deep.equal([
      'Välj ämne',
      ...mock.backend.store.subjects.map((s) => s.name),
    ]);
    expect(field(el, 'Meddelande').tagName).to.equal('TEXTAREA');
    const file = field<HTMLInputElement>(el, 'Bifoga fil');
    expect(file.type).to.equal('file');
    expect(description(el, file)).to.include('Tillåtna filtyper: PDF');
    expect(description(el, file)).to.include('Högst 10 MB per fil.');
    expect(button(el, 'Skicka').type).to.equal('submit');
    expect(text(el)).to.include(
      'OBS! Vi använder endast funktionen Säkra meddelanden då meddelandet innehåller GDPR-känsliga uppgifter.',
    );
    expect(text(el)).to.include(
      `Vi svarar normalt inom ${mock.backend.store.config.expectedReplyWorkingDays} arbetsdagar.`,
    );
    expect(() => field(el, 'Organisation')).to.throw();
    expect(root(el).querySelector('[role="status"]')).not.to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('checks everything before sending: errors at the fields and a focused summary whose links lead there', async () => {
    const el = await renderCompose(mock.adapter());
    const before = mock.backend.store.size;
    button(el, 'Skicka').click();
    await eventually(() => root(el).querySelector('#error-summary'));
    await el.updateComplete;
    const summary = root(el).querySelector<HTMLElement>('#error-summary')!;
    expect(root(el).activeElement).to.equal(summary);
    expect([...summary.querySelectorAll('a')].map((a) => normalise(a.textContent))).to.deep.equal([
      'Välj ämne.',
      'Skriv ett meddelande.',
    ]);
    const subject = field<HTMLSelectElement>(el, 'Ämne');
    expect(subject.getAttribute('aria-invalid')).to.equal('true');
    // Every field error is read with the same hidden prefix, the select's as the textarea's.
    expect(description(el, subject)).to.include('Fel: Välj ämne.');
    expect(description(el, field(el, 'Meddelande'))).to.include('Fel: Skriv ett meddelande.');
    await expect(el).to.be.accessible();
    summary.querySelectorAll('a')[1].click();
    expect(root(el).activeElement).to.equal(field(el, 'Meddelande'));
    expect(location.hash).to.equal('');
    expect(mock.backend.store.size).to.equal(before);
    // Fixing a field clears its error at once.
    chooseSubject(el, 'Övrigt');
    await el.updateComplete;
    expect(field(el, 'Ämne').getAttribute('aria-invalid')).to.equal('false');
  });

  it('counts the characters left and refuses a text that is too long, keeping all of it', async () => {
    const el = await renderCompose(mock.adapter());
    const max = mock.backend.store.config.messageMaxLength;
    chooseSubject(el, 'Beräkning');
    await typeText(el, 'x'.repeat(max + 3));
    expect(text(el)).to.include('3 tecken för mycket');
    button(el, 'Skicka').click();
    await eventually(() => root(el).querySelector('#error-summary'));
    expect(text(el)).to.include('Meddelandet får vara högst');
    expect(field<HTMLTextAreaElement>(el, 'Meddelande').value.length).to.equal(max + 3);
    await typeText(el, 'x'.repeat(max - 10));
    expect(text(el)).to.include('Tecken kvar: 10');
  });

  const fileCases = [
    {
      name: 'a file of a type not allowed',
      file: () => new File(['MZ'], 'program.exe'),
      error: 'Filtypen .exe är inte tillåten.',
    },
    {
      name: 'a file that is too large',
      file: () => pdf('stor.pdf', 11 * 1024 * 1024),
      error: 'Filen är för stor.',
    },
  ];
  for (const c of fileCases) {
    it(`shows ${c.name} at Bifoga fil at once, and Ta bort removes it`, async () => {
      const el = await renderCompose(mock.adapter());
      await fillValid(el);
      await chooseFiles(el, c.file());
      const input = field<HTMLInputElement>(el, 'Bifoga fil');
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(description(el, input)).to.include(c.error);
      await expect(el).to.be.accessible();
      const before = mock.backend.store.size;
      button(el, 'Skicka').click();
      await eventually(() => root(el).querySelector('#error-summary'));
      expect(mock.backend.store.size).to.equal(before);
      button(el, `Ta bort ${c.file().name}`).click();
      await el.updateComplete;
      expect(root(el).querySelector('.files')).to.equal(null);
      expect(input.getAttribute('aria-invalid')).to.equal('false');
    });
  }

  it('warns about a personnummer with a wrong check digit, and still sends', async () => {
    const el = await renderCompose(mock.adapter());
    chooseSubject(el, 'Beräkning');
    await typeText(el, 'Gäller 19121212-1213 och 19551226-2667.');
    expect(text(el)).to.include('Kontrollera personnumret 19121212-1213.');
    expect(text(el)).not.to.include('Kontrollera personnumret 19551226-2667');
    expect(description(el, field(el, 'Meddelande'))).to.include('Kontrollera personnumret 19121212-1213');
    await expect(el).to.be.accessible();
    button(el, 'Skicka').click();
    await eventually(() => confirmationNumber(el), 'not sent');
  });

  it('a valid test personnummer gives no warning', async () => {
    const el = await renderCompose(mock.adapter());
    await typeText(el, 'Birgitta Lindholm 195512262667');
    expect(text(el)).not.to.include('Kontrollera personnumret');
  });

  it('keeps the draft (subject, text, file) in memory per adapter, never in storage or the URL', async () => {
    const adapter = mock.adapter();
    let el = await renderCompose(adapter);
    await fillValid(el, 'Utkast om 19551226-2667');
    await chooseFiles(el, pdf('underlag.pdf'));
    el.remove();
    el = await renderCompose(adapter);
    expect(field<HTMLSelectElement>(el, 'Ämne').selectedOptions[0].text).to.equal('Beräkning');
    expect(field<HTMLTextAreaElement>(el, 'Meddelande').value).to.equal('Utkast om 19551226-2667');
    expect(text(el)).to.include('underlag.pdf');
    const other = await renderCompose(mock.adapter());
    expect(field<HTMLTextAreaElement>(other, 'Meddelande').value).to.equal('');
    const stored =
      JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie;
    expect(stored).not.to.include('Utkast');
    expect(location.href).not.to.include('Utkast');
  });

  it('a KPA case officer searches for the organisation by keyboard; the conversation starts as Nytt meddelande', async () => {
    mock.backend.setCurrentUser(MOCK_USER_IDS.officer);
    const el = await renderCompose(mock.adapter());
    expect(text(el)).not.to.include('Vi svarar normalt');
    await fillValid(el, 'Vi behöver uppgifter om en anställd.');
    button(el, 'Skicka').click();
    await eventually(() => root(el).querySelector('#error-summary'));
    expect(text(el)).to.include('Välj organisation.');
    await expect(el).to.be.accessible();
    // 290 organisations to search, not a select of them all.
    const organisation = field(el, 'Organisation');
    expect(organisation.tagName).to.equal('INPUT');
    expect(root(el).getElementById(organisation.getAttribute('list')!)!.children.length).to.equal(290);
    organisation.focus();
    await typeKeys('Ingenstans');
    await el.updateComplete;
    expect(text(el)).not.to.include('Ingen organisation heter så.');
    await sendKeys({ press: 'Tab' });
    await eventually(() => text(el).includes('Ingen organisation heter så. Välj en i listan.'));
    expect(organisation.value).to.equal('Ingenstans');
    const wanted = mock.backend.store.organisations[1]!;
    organisation.focus();
    organisation.select();
    await typeKeys(wanted.organisationNumber);
    await sendKeys({ press: 'Tab' });
    await eventually(
      () => organisation.value === `${wanted.name} (212000-9871)`,
      'the organisation is chosen',
    );
    expect(organisation.getAttribute('aria-invalid')).to.equal('false');
    button(el, 'Skicka').click();
    await eventually(() => confirmationNumber(el), 'not sent');
    const stored = mock.backend.store.peek(confirmationNumber(el)!)!;
    expect(stored.status).to.equal('new');
    expect(stored.organisation.customerNumber).to.equal(wanted.customerNumber);
  });

  it('can be filled and sent with the keyboard alone; focus lands on the confirmation', async () => {
    const el = await renderCompose(mock.adapter());
    field<HTMLSelectElement>(el, 'Ämne').focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(field(el, 'Meddelande'));
    await typeKeys('Hej från tangentbordet');
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(field(el, 'Bifoga fil'));
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(button(el, 'Skicka'));
    await sendKeys({ press: 'Enter' });
    await eventually(() => confirmationNumber(el), 'not sent');
    await el.updateComplete;
    expect(root(el).activeElement).to.equal(root(el).querySelector('#confirmation'));
    const stored = mock.backend.store.peek(confirmationNumber(el)!)!;
    expect(stored.messages[0].body).to.equal('Hej från tangentbordet');
    expect(stored.subject.name).to.equal(mock.backend.store.subjects[0].name);
    await expect(el).to.be.accessible();
  });
});
