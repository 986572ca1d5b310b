/**
 * Renders every `<secure-thread>` story with its own mock backend (the story's MSW handlers) and
 * checks that it shows what it promises and passes axe.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { setupWorker, type SetupWorker } from 'msw/browser';
import type { RequestHandler } from 'msw';
import * as stories from '../../../stories/secure-thread.stories.js';
import type { SecureThread } from '../../../src/elements/secure-thread/secure-thread.js';
import {
  alertText,
  claimBox,
  eventually,
  formReady,
  hasButton,
  loaded,
  normalise,
  root,
} from './thread-helpers.js';

interface StoryLike {
  parameters: { msw: { handlers: RequestHandler[] } };
  render: () => TemplateResult;
}

const all = Object.entries(stories).filter(([name]) => name !== 'default') as [string, StoryLike][];

describe('<secure-thread> stories', function () {
  this.timeout(30_000);
  let worker: SetupWorker;

  before(async () => {
    worker = setupWorker();
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  });
  after(() => worker.stop());

  async function show(story: StoryLike): Promise<SecureThread> {
    worker.resetHandlers(...story.parameters.msw.handlers);
    const wrapper = await fixture<HTMLElement>(html`<div>${story.render()}</div>`);
    const el = wrapper.querySelector('secure-thread')!;
    await el.updateComplete;
    return el;
  }

  it('has the promised set of stories', () => {
    expect(all.map(([name]) => name)).to.include.members([
      'NewMessage',
      'Sent',
      'Answered',
      'ReplyReceived',
      'Closed',
      'Attachments',
      'LongTextsManyMessages',
      'Conflict',
      'CaseOfficerView',
      'NotFound',
      'ServerError',
      'AuthRequired',
    ]);
  });

  for (const [name, story] of all) {
    it(`${name} renders and passes axe`, async () => {
      const el = await show(story);
      if (name === 'Loading') {
        await eventually(() => root(el).querySelector('.loading'));
      } else if (['NotFound', 'ServerError', 'AuthRequired'].includes(name)) {
        await loaded(el);
        const view = name === 'AuthRequired' ? '.signed-out' : '.load-problem';
        expect(root(el).querySelector(view)).to.not.equal(null);
      } else {
        await formReady(el);
      }
      await expect(el).to.be.accessible();
    });
  }

  it('Conflict: ticking the checkbox shows who has the case now', async () => {
    const el = await show(stories.Conflict as unknown as StoryLike);
    await formReady(el);
    claimBox(el).click();
    await eventually(() => alertText(el).includes('Ärendet hanteras redan av Anna Berglund (ABCD01).'));
    await expect(el).to.be.accessible();
  });

  it('Closed and CaseOfficerView show what they say', async () => {
    const closed = await show(stories.Closed as unknown as StoryLike);
    await formReady(closed);
    expect(normalise(root(closed).querySelector('.reopen-note')?.textContent)).to.contain(
      'får status Skickat',
    );
    const officer = await show(stories.CaseOfficerView as unknown as StoryLike);
    await formReady(officer);
    expect(hasButton(officer, 'Markera konversation som avslutad')).to.equal(true);
  });
});
