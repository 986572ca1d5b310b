import { expect } from '@open-wc/testing';
import { useMockBackend } from '../helpers.js';
import { renderCompose, typeText } from './compose-helpers.js';

/**
 * On its own page: a synthetic `beforeunload` also reaches MSW, which then tells its service
 * worker that this page is closing, and the mock backend stops answering the page.
 */
describe('<secure-compose> leaving the page', function () {
  this.timeout(30_000);
  const mock = useMockBackend();

  it('asks before the page is left with unsent text, and not otherwise', async () => {
    const el = await renderCompose(mock.adapter());
    const leave = () => {
      const event = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(leave()).to.equal(false);
    await typeText(el, 'Något');
    expect(el.hasUnsentChanges).to.equal(true);
    expect(leave()).to.equal(true);
    await typeText(el, '');
    expect(leave()).to.equal(false);
  });
});
