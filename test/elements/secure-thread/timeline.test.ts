import { expect, fixture, html } from '@open-wc/testing';
import { render } from 'lit';
import { conversation } from '../../fixtures.js';
import { renderTimeline, timelineOf } from '../../../src/elements/secure-thread/thread-timeline.js';
import { setLocale } from '../../../src/localization/index.js';

const author = { id: 'NAEF00', name: 'Namn Efternamn', side: 'employer' as const };

describe('timelineOf', () => {
  it('orders messages and history by time; a history entry comes first at the same instant', () => {
    const c = conversation({
      messages: [
        { id: 'm1', author, sentAt: '2026-03-01T10:00:00Z', body: 'a', attachments: [] },
        { id: 'm2', author, sentAt: '2026-03-01T12:00:00Z', body: 'b', attachments: [] },
      ],
      history: [
        { action: 'claimed', actor: author, at: '2026-03-01T11:00:00Z' },
        { action: 'reopened', actor: author, at: '2026-03-01T12:00:00Z' },
      ],
    });
    expect(timelineOf(c).map((i) => (i.kind === 'message' ? i.message.id : i.entry.action))).to.deep.equal([
      'm1',
      'claimed',
      'reopened',
      'm2',
    ]);
  });
});

describe('the timeline after a change of language', () => {
  afterEach(() => setLocale('sv'));

  it('is worded in the new language, though the conversation is the same', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const attachment = { id: 'a1', name: 'lön.pdf', size: 2048, mimeType: 'application/pdf' };
    const options = {
      conversation: conversation({
        messages: [
          { id: 'm1', author, sentAt: '2026-03-01T10:00:00Z', body: 'a', attachments: [attachment] },
        ],
      }),
      downloads: new Map(),
      onDownload: () => {},
    };
    const label = () => host.querySelector('ul.attachments')?.getAttribute('aria-label');
    render(renderTimeline(options), host);
    expect(label()).to.equal('Bifogade filer');
    await setLocale('en');
    render(renderTimeline({ ...options }), host);
    expect(label()).to.equal('Attached files');
  });
});
