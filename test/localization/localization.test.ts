import { expect } from '@open-wc/testing';
import { LOCALES, getLocale, isLocale, setLocale } from '../../src/localization/index.js';
import { STATUSES } from '../../src/domain/status.js';
import { parsePersonnummer } from '../../src/domain/personnummer.js';
import { validateMessageNumber, type ValidationProblem } from '../../src/domain/validators.js';
import { NetworkError } from '../../src/adapter/errors.js';
import { describeError, statusText, validationText } from '../../src/elements/shared/texts.js';
import { texts as threadTexts } from '../../src/elements/secure-thread/thread-texts.js';
import { withCheck } from '../domain/helpers.js';
import { COLLEAGUE } from '../fixtures.js';

const SWEDISH = ['Nytt meddelande', 'Skickat', 'Besvarat', 'Svar inkommit', 'Avslutad'];
const ENGLISH = ['New message', 'Sent', 'Answered', 'Reply received', 'Closed'];

describe('localisation', () => {
  after(() => setLocale('sv'));

  it('offers Swedish as the source locale and English', () => {
    expect(LOCALES).to.deep.equal(['sv', 'en']);
    expect(isLocale('en')).to.equal(true);
    expect(isLocale('de')).to.equal(false);
  });

  it('shows the manual’s Swedish texts until another locale is chosen', () => {
    expect(getLocale()).to.equal('sv');
    expect(STATUSES.map(statusText)).to.deep.equal(SWEDISH);
  });

  it('switches every text to English and back', async () => {
    const offline = new NetworkError('offline', false); // worded when shown, not when it happened
    await setLocale('en');
    expect(getLocale()).to.equal('en');
    expect(STATUSES.map(statusText)).to.deep.equal(ENGLISH);
    const invalid = validateMessageNumber('123');
    expect(invalid.ok).to.equal(false);
    if (!invalid.ok)
      expect(validationText(invalid)).to.equal('The message number must be five digits, for example 69743.');
    expect(describeError(offline)).to.match(/^Could not reach the server/);

    await setLocale('sv');
    expect(STATUSES.map(statusText)).to.deep.equal(SWEDISH);
    const again = validateMessageNumber('123');
    if (!again.ok) expect(validationText(again)).to.match(/^Meddelandenumret ska vara fem siffror/);
    expect(describeError(offline)).to.match(/^Det gick inte att nå servern/);
  });

  it('words each validation problem in Swedish, with its values', () => {
    const MB = 1024 * 1024;
    const allowed = 'PDF, JPG, PNG';
    const cases: [ValidationProblem, string][] = [
      [{ code: 'message-number.format' }, 'Meddelandenumret ska vara fem siffror, till exempel 69743.'],
      [
        { code: 'user-id.format' },
        'Ange handläggarens användar-id med fyra bokstäver och två siffror, till exempel ABCD01.',
      ],
      [{ code: 'body.required' }, 'Skriv ett meddelande.'],
      [{ code: 'body.too-long', max: 5 }, 'Meddelandet får vara högst 5 tecken.'],
      [{ code: 'body.too-long', max: 5000 }, 'Meddelandet får vara högst 5\u00a0000 tecken.'],
      [{ code: 'body.too-long', max: 10000 }, 'Meddelandet får vara högst 10\u00a0000 tecken.'],
      [{ code: 'attachment.empty' }, 'Filen är tom.'],
      [{ code: 'attachment.too-large', maxBytes: 10 * MB }, 'Filen är för stor. Den får vara högst 10 MB.'],
      [{ code: 'attachment.too-large', maxBytes: 1.5 * MB }, 'Filen är för stor. Den får vara högst 1,5 MB.'],
      [
        { code: 'attachment.type', extension: 'exe', allowed },
        'Filtypen .exe är inte tillåten. Tillåtna filtyper: PDF, JPG, PNG.',
      ],
      [
        { code: 'attachment.no-extension', allowed },
        'Filen saknar filändelse. Tillåtna filtyper: PDF, JPG, PNG.',
      ],
      [
        { code: 'attachment.mime-mismatch', extension: 'pdf', allowed },
        'Filen är inte en riktig PDF-fil. Tillåtna filtyper: PDF, JPG, PNG.',
      ],
      [{ code: 'attachment.too-many', max: 1 }, 'Du kan bifoga högst 1 fil.'],
      [{ code: 'attachment.too-many', max: 3 }, 'Du kan bifoga högst 3 filer.'],
      [{ code: 'attachment.too-many', max: 0 }, 'Du kan inte bifoga filer.'],
    ];
    for (const [problem, text] of cases) expect(validationText(problem), problem.code).to.equal(text);
  });

  it('words each personnummer code in Swedish', () => {
    const messages = ['abc', withCheck('121312123'), '1212121213'].map((input) => {
      const result = parsePersonnummer(input, new Date(2026, 5, 15));
      return result.ok ? '' : validationText(result);
    });
    expect(messages).to.deep.equal([
      'Skriv personnumret med tio eller tolv siffror, till exempel 19121212-1212.',
      'Personnumret innehåller inget giltigt datum.',
      'Personnumret stämmer inte. Kontrollera siffrorna.',
    ]);
  });

  it('isolates a name inside a text, so its direction never mixes with the words around it', () => {
    expect(threadTexts.conflictAssignee(COLLEAGUE)).to.contain('\u2068Anna Berglund\u2069 (ABCD01)');
  });
});
