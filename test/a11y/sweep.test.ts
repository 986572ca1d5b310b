/**
 * The accessibility sweep over every element, in its loaded state: axe with forced colours, no
 * motion under reduced motion, reflow at 320 px and at 640 px (1280 px at 200 % zoom), live regions
 * present from the first render, and focus that never falls to <body> while moving through the
 * whole feature.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/define/notice-badge.js';
import '../../src/define/secure-messages.js';
import type { SecureMessages } from '../../src/define/secure-messages.js';
import { eventually, useMockBackend } from '../elements/helpers.js';
import { fillValid } from '../elements/secure-compose/compose-helpers.js';
import { button, root } from '../elements/queries.js';
// Media emulation goes through the Chrome DevTools Protocol: Chromium only.
import { CDP, WEBDRIVER } from '../engine.js';

describe('accessibility sweep', function () {
  this.timeout(60_000);
  const mock = useMockBackend({ size: 60 });

  function firstNumber(): string {
    return mock.backend.store.records().find((r) => r.summary.organisation.customerNumber === '0000')!.summary
      .number;
  }

  /** Each element as a page shows it, with what tells that it has loaded. */
  const views: { name: string; render: () => TemplateResult; ready: (el: Element) => boolean }[] = [
    {
      name: '<secure-inbox>',
      render: () => html`<secure-inbox .adapter=${mock.adapter()}></secure-inbox>`,
      ready: (el) => root(el).querySelectorAll('tbody tr').length > 0,
    },
    {
      name: '<secure-compose>',
      render: () => html`<secure-compose .adapter=${mock.adapter()}></secure-compose>`,
      ready: (el) => root(el).querySelector('textarea') !== null,
    },
    {
      name: '<secure-thread>',
      render: () =>
        html`<secure-thread
          number=${firstNumber()}
          poll-interval="0"
          .adapter=${mock.adapter()}
        ></secure-thread>`,
      ready: (el) =>
        root(el).querySelector('article') !== null && root(el).querySelector('textarea') !== null,
    },
    {
      name: '<notice-badge>',
      render: () => html`<notice-badge href="#" poll-interval="0" .adapter=${mock.adapter()}></notice-badge>`,
      ready: (el) => /\(\d+\)/.test(root(el).textContent ?? ''),
    },
  ];

  async function show(view: (typeof views)[number]): Promise<Element> {
    const wrapper = await fixture<HTMLElement>(html`<main>${view.render()}</main>`);
    const el = wrapper.firstElementChild!;
    await eventually(() => view.ready(el), `${view.name} did not load`);
    return el;
  }

  describe('live regions exist from the first render, before any data', () => {
    for (const view of views) {
      it(view.name, async () => {
        mock.backend.faults.add({ kind: 'hang' });
        const wrapper = await fixture<HTMLElement>(html`<main>${view.render()}</main>`);
        const el = wrapper.firstElementChild!;
        const regions = root(el).querySelectorAll('[role="status"], [role="alert"], [aria-live]');
        expect(regions.length, 'no live region').to.be.greaterThan(0);
        mock.backend.faults.clear();
      });
    }
  });

  describe('forced colours (Windows high contrast)', function () {
    before(function () {
      if (!CDP) this.skip();
    });
    after(async () => {
      if (CDP) await emulateMedia({ forcedColors: 'none' });
    });

    for (const view of views) {
      it(`${view.name}: axe passes and the focused control shows its outline`, async () => {
        await emulateMedia({ forcedColors: 'active' });
        const el = await show(view);
        await expect(el).to.be.accessible();
        const control = root(el).querySelector<HTMLElement>('button, a[href], select, textarea')!;
        control.focus();
        const style = getComputedStyle(control);
        expect(style.outlineStyle, `${control.localName} focus outline`).to.not.equal('none');
        expect(parseFloat(style.outlineWidth)).to.be.at.least(1);
      });
    }
  });

  describe('reduced motion', function () {
    before(function () {
      if (!CDP) this.skip();
    });
    after(async () => {
      if (CDP) await emulateMedia({ reducedMotion: 'no-preference' });
    });

    for (const view of views) {
      it(`${view.name}: nothing moves`, async () => {
        await emulateMedia({ reducedMotion: 'reduce' });
        const el = await show(view);
        const moving = document
          .getAnimations()
          .filter((a) => a.playState === 'running' && Number(a.effect?.getComputedTiming().duration) > 0);
        expect(moving.length, `${el.localName} animates`).to.equal(0);
      });
    }
  });

  describe('reflow', function () {
    before(function () {
      // WebDriver sizes the window, not the viewport (WebKit).
      if (WEBDRIVER) this.skip();
    });
    after(async () => {
      if (!WEBDRIVER) await setViewport({ width: 800, height: 600 });
    });

    for (const width of [320, 640]) {
      for (const view of views) {
        it(`${view.name} at ${width} px: no horizontal page scroll`, async () => {
          await setViewport({ width, height: 800 });
          await show(view);
          expect(document.documentElement.scrollWidth).to.be.at.most(width);
        });
      }
    }
  });

  it('focus never falls to <body> while moving through the whole feature', async () => {
    const fellToBody: string[] = [];
    let step = 'start';
    const watch = () => {
      // focusout runs before the new element gets focus: look once focus has settled.
      setTimeout(() => {
        if (document.activeElement === document.body) fellToBody.push(step);
      });
    };
    document.addEventListener('focusout', watch, true);
    try {
      const el = await fixture<SecureMessages>(
        html`<secure-messages routing="none" .adapter=${mock.adapter()}></secure-messages>`,
      );
      const inbox = () => root(el).querySelector('secure-inbox')!;
      await eventually(() => inbox() && root(inbox()).querySelector('tbody th button'));

      step = 'open a conversation';
      root(inbox()).querySelector<HTMLButtonElement>('tbody th button')!.click();
      await eventually(() => root(el).querySelector('secure-thread'));
      const thread = root(el).querySelector('secure-thread')!;
      await eventually(() => root(thread).querySelector('article'));

      step = 'back to the list';
      button(el, 'Tillbaka till Säkra meddelanden').focus();
      button(el, 'Tillbaka till Säkra meddelanden').click();
      await eventually(() => inbox() && root(inbox()).querySelector('tbody th button'));

      step = 'Nytt meddelande';
      button(inbox(), 'Nytt meddelande').focus();
      button(inbox(), 'Nytt meddelande').click();
      await eventually(() => root(el).querySelector('secure-compose'));
      const compose = root(el).querySelector('secure-compose')!;
      await eventually(() => root(compose).querySelector('textarea'));

      step = 'send';
      await fillValid(compose, 'Fokus ska aldrig hamna på body.');
      button(compose, 'Skicka').focus();
      button(compose, 'Skicka').click();
      await eventually(() => /Meddelandenummer: \d{5}/.test(root(compose).textContent ?? ''));

      step = 'Öppna konversationen';
      button(compose, 'Öppna konversationen').focus();
      button(compose, 'Öppna konversationen').click();
      await eventually(() => root(el).querySelector('secure-thread'));
      await new Promise((settled) => setTimeout(settled, 50));
      expect(document.activeElement).to.not.equal(document.body);
    } finally {
      document.removeEventListener('focusout', watch, true);
    }
    expect(fellToBody, 'focus fell to <body> after').to.deep.equal([]);
  });
});
