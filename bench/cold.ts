/**
 * The cold load of `npm run bench`, one page load per reading (run.ts, with the browser's cache
 * off, so each load fetches and compiles the code afresh): from the import of
 * `<secure-messages>` to its first rows painted or, with `?side=floor`, from the import of the
 * hand-written floor (floors.ts) to the same rows painted by hand in the inbox's markup and styles
 * (given by run.ts from the warm page). The host's part comes before the clock: the mock store and
 * the REST adapter on it (store.ts).
 */
import { DEFAULT_FILTERS, DEFAULT_SORT } from '@kpa/secure-messages/domain';
import { adapter, backend } from './store.js';

declare global {
  interface Window {
    /** The inbox's frame (HTML without rows) and its style sheets' text, from the warm page. */
    coldFrame?: { html: string; css: string[] };
    coldLoad: () => Promise<number>;
  }
}

/** Resolves after a frame in which `ready` held has been painted. */
function paintedWhen(ready: () => boolean): Promise<void> {
  return new Promise((done) => {
    const check = () => (ready() ? setTimeout(done, 0) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  });
}

async function element(): Promise<void> {
  await import('@kpa/secure-messages/define/secure-messages.js');
  const el = document.createElement('secure-messages');
  el.adapter = adapter;
  document.body.append(el);
  const rows = () =>
    el.shadowRoot?.querySelector('secure-inbox')?.shadowRoot?.querySelectorAll('tbody tr.row').length ?? 0;
  await paintedWhen(() => rows() > 0);
}

async function floor(): Promise<void> {
  const { handInbox } = await import('./floors.js');
  const given = window.coldFrame!;
  const frame = document.createDocumentFragment();
  frame.append(...new DOMParser().parseFromString(given.html, 'text/html').body.childNodes);
  const sheets = given.css.map((text) => {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    return sheet;
  });
  const view = handInbox(frame, sheets, backend.currentUser().side);
  document.body.append(view.host);
  const query = {
    filters: { ...DEFAULT_FILTERS },
    sort: { ...DEFAULT_SORT },
    page: 1,
    pageSize: 25 as const,
  };
  view.show(await adapter.searchConversations(query, new AbortController().signal));
  await paintedWhen(() => true);
}

window.coldLoad = async () => {
  const t0 = performance.now();
  await (new URLSearchParams(location.search).get('side') === 'floor' ? floor() : element());
  return performance.now() - t0;
};
