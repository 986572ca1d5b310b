import { expect } from '@open-wc/testing';
import { LOCALES, getLocale, isLocale, setLocale } from '../../src/localization/index.js';
import { STATUSES } from '../../src/domain/status.js';
import { validateMessageNumber } from '../../src/domain/validators.js';
import { NetworkError } from '../../src/adapter/errors.js';
import { errorMessages } from '../../src/adapter/error-messages.js';
import { statusText, validationText } from '../../src/elements/shared/texts.js';

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
    await setLocale('en');
    expect(getLocale()).to.equal('en');
    expect(STATUSES.map(statusText)).to.deep.equal(ENGLISH);
    const invalid = validateMessageNumber('123');
    expect(invalid.ok).to.equal(false);
    if (!invalid.ok)
      expect(validationText(invalid)).to.equal('The message number must be five digits, for example 69743.');
    expect(errorMessages.network()).to.match(/^Could not reach the server/);

    await setLocale('sv');
    expect(STATUSES.map(statusText)).to.deep.equal(SWEDISH);
    const again = validateMessageNumber('123');
    if (!again.ok) expect(validationText(again)).to.match(/^Meddelandenumret ska vara fem siffror/);
    expect(new NetworkError(errorMessages.network(), false).message).to.match(
      /^Det gick inte att nå servern/,
    );
  });
});
