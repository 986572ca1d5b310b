/**
 * The demo: the KPA Direkt shell of the manual's screenshots (top bar, tabs, left menu, start page
 * with Aktuella ärenden) with Säkra meddelanden embedded exactly as the portal would — the elements,
 * one REST adapter, and `<secure-adapter-provider>` — running on the MSW mock backend in the page.
 *
 * "Visa som" switches between the employer user NAEF00 and two KPA case officers (Arbetsgivarservice,
 * who may see every department, and Pension och utbetalning, who sees its own) on the same
 * in-memory backend, so the whole life cycle (send, answer, reply, close, reopen) plays in one tab.
 * *Logga ut* signs out as a portal should: the server ends the session, then `forgetSession`.
 */
import { html, nothing, render, type TemplateResult } from 'lit';
import { createRestAdapter, type SecureMessagesAdapter } from '../src/adapter/index.js';
import { forgetSession } from '../src/index.js';
import { liveFor } from '../src/controllers/live.js';
import type { User } from '../src/domain/index.js';
import '../src/define/secure-adapter-provider.js';
import '../src/define/notice-badge.js';
import '../src/define/secure-messages.js';
import { createMockBackend, MOCK_USER_IDS, startMockWorker, type MockBackend } from '../mocks/index.js';
import { registerWorkerUnderTrustedTypes } from './trusted-types.js';
import { MOCK_BASE_URL, REAL_API_BASE_URL } from './config.js';
import { applyFaults, DEFAULT_SIZE, renderDevPanel, type DevPanelState } from './dev-panel.js';

type Page = 'start' | 'messages';
const PAGE_PARAM = 'sida';
const MESSAGES_PAGE = 'sakra-meddelanden';

const app = document.getElementById('app')!;

let backend: MockBackend | undefined;
let adapter: SecureMessagesAdapter;
let user: User | undefined;
let dev: DevPanelState = { size: DEFAULT_SIZE, latency: 0, faults: new Set() };
let signedOut = false;

/** The in-page backend keeps no sessions: after Logga ut it answers 401 to everything, as a server would. */
const SIGNED_OUT_FAULT = 'auth-401';

function pageFromUrl(): Page {
  return new URL(location.href).searchParams.get(PAGE_PARAM) === MESSAGES_PAGE ? 'messages' : 'start';
}

function hrefOf(page: Page): string {
  return page === 'messages' ? `?${PAGE_PARAM}=${MESSAGES_PAGE}` : './';
}

const PAGE_BACKEND = `in-page mock ${Math.random().toString(36).slice(2)}`;

/** A new adapter per signed-in user: drafts and remembered filters belong to one user's session. */
function newAdapter(): SecureMessagesAdapter {
  return REAL_API_BASE_URL
    ? createRestAdapter({ baseUrl: REAL_API_BASE_URL, credentials: 'include' })
    : // Each tab's in-page backend is its own: its live stream and sessions are not shared.
      createRestAdapter({ baseUrl: MOCK_BASE_URL, channelKey: PAGE_BACKEND });
}

async function loadUser(): Promise<void> {
  try {
    user = await adapter.getCurrentUser(AbortSignal.timeout(15_000));
  } catch {
    user = undefined;
  }
}

async function switchUser(id: string): Promise<void> {
  backend?.setCurrentUser(id);
  adapter = newAdapter();
  await loadUser();
  show();
}

/** The API's origin (the development server's, with VITE_SECURE_MESSAGES_API). */
const apiOrigin = () => new URL(REAL_API_BASE_URL ?? MOCK_BASE_URL, location.href).origin;

/**
 * Logga ut, as a portal does it: the server ends the session (here the in-page backend's 401, or
 * the development server's POST /dev/sign-out), then `forgetSession` clears every element on the
 * adapter (what the server said, drafts included) at once, without waiting for a 401.
 */
async function signOut(): Promise<void> {
  if (backend) {
    dev = { ...dev, faults: new Set(dev.faults).add(SIGNED_OUT_FAULT) };
    applyFaults(backend, dev);
  } else {
    await fetch(`${apiOrigin()}/dev/sign-out`, { method: 'POST', credentials: 'include' }).catch(() => {});
  }
  forgetSession(adapter);
  user = undefined;
  signedOut = true;
  show();
}

/** Logga in again (the in-page backend): a new adapter, as for every signed-in user. */
async function signIn(): Promise<void> {
  if (!backend) return;
  const faults = new Set(dev.faults);
  faults.delete(SIGNED_OUT_FAULT);
  dev = { ...dev, faults };
  applyFaults(backend, dev);
  signedOut = false;
  adapter = newAdapter();
  await loadUser();
  show();
}

function resetBackend(): void {
  if (!backend) return;
  const current = backend.currentUser().id;
  backend.reset({ size: dev.size, currentUserId: current });
  applyFaults(backend, dev);
  adapter = newAdapter();
  show();
}

/**
 * Same-page links (the menu, the badges) navigate without reloading: the mock data lives in this page.
 * `history.pushState` fires no event, so the menu tells `<secure-messages>` to show its list, as
 * a portal's router would: the menu entry Säkra meddelanden always leads to the list.
 */
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
    return;
  const anchor = event.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
  if (!anchor?.href) return;
  const url = new URL(anchor.href);
  if (url.origin !== location.origin || url.pathname !== location.pathname) return;
  event.preventDefault();
  url.hash = '';
  history.pushState(null, '', url);
  show();
  document.querySelector('secure-messages')?.showInbox();
  document.getElementById('content')?.focus();
});
window.addEventListener('popstate', () => show());

/** The people "Visa som" switches between. */
const VIEW_AS: readonly [id: string, label: string][] = [
  [MOCK_USER_IDS.employer, 'Arbetsgivare'],
  [MOCK_USER_IDS.officer, 'KPA-handläggare'],
  [MOCK_USER_IDS.otherOfficer, 'KPA-handläggare, Pension och utbetalning'],
];

function topBar(): TemplateResult {
  const role = user?.id ?? MOCK_USER_IDS.employer;
  return html`<header class="topbar">
    <span class="logo" aria-label="KPA Pension">KPA</span>
    <p class="who">${user ? `${user.name} | ${user.id}` : ''}</p>
    <nav class="top-links" aria-label="Genvägar">
      <a href="https://www.kpa.se/" rel="noopener">Pensionsvalet</a>
      <a href="https://www.kpa.se/" rel="noopener">Kontakta oss</a>
      ${signedOut ? signInControl() : html`<button type="button" @click=${() => void signOut()}>Logga ut</button>`}
    </nav>
    ${
      backend
        ? html`<p class="view-as">
            <label for="view-as">Visa som</label>
            <select
              id="view-as"
              @change=${(e: Event) => void switchUser((e.target as HTMLSelectElement).value)}
            >
              ${VIEW_AS.map(
                ([id, label]) => html`<option value=${id} ?selected=${role === id}>${label}</option>`,
              )}
            </select>
          </p>`
        : nothing
    }
  </header>`;
}

/** After Logga ut: the in-page backend signs in again here; the development server on its own page. */
function signInControl(): TemplateResult {
  return backend
    ? html`<button type="button" @click=${() => void signIn()}>Logga in</button>`
    : html`<a href=${`${apiOrigin()}/dev/sign-in`} target="_blank" rel="noopener">Logga in</a>`;
}

function tabs(): TemplateResult {
  const names = ['ARBETSGIVARE', 'ARBETSTAGARE', 'ADMINISTRATION', 'SYSTEMADMINISTRATION'];
  return html`<nav class="tabs" aria-label="Områden">
    <ul>
      ${names.map(
        (name, i) =>
          html`<li>
            <a href=${hrefOf('start')} aria-current=${i === 0 ? 'page' : nothing}>${name}</a>
          </li>`,
      )}
    </ul>
  </nav>`;
}

function menu(page: Page): TemplateResult {
  return html`<nav class="menu" aria-label="Meny">
    <ul>
      <li><a href=${hrefOf('start')} aria-current=${page === 'start' ? 'page' : nothing}>Startsida</a></li>
      <li>
        <a href=${hrefOf('messages')} aria-current=${page === 'messages' ? 'page' : nothing}>
          <notice-badge appearance="badge" announce="off">Säkra meddelanden</notice-badge>
        </a>
      </li>
    </ul>
  </nav>`;
}

function startPage(): TemplateResult {
  const org = user?.organisation;
  return html`<h1>Startsida</h1>
    ${
      org
        ? html`<dl class="customer">
            <div>
              <dt>Kundnummer:</dt>
              <dd>${org.customerNumber}</dd>
            </div>
            <div>
              <dt>Organisationsnummer:</dt>
              <dd>${org.organisationNumber}</dd>
            </div>
            <div>
              <dt class="visually-hidden">Kundnamn:</dt>
              <dd>${org.name}</dd>
            </div>
          </dl>`
        : nothing
    }
    <div class="cards">
      <section class="card" aria-labelledby="current">
        <h2 id="current">Aktuella ärenden</h2>
        <ul>
          <li>Förfrågan från KPA (20)</li>
          <li>Registrera överenskommen lön (655)</li>
          <li>Godkänna pension (66)</li>
          <li>Godkänna efterlevandepension (4)</li>
          <li><notice-badge href=${hrefOf('messages')}></notice-badge></li>
        </ul>
      </section>
      <section class="card" aria-labelledby="employee">
        <h2 id="employee">Administrera anställd</h2>
        <ul>
          <li>Anmäla pension</li>
          <li>Simulera pension</li>
          <li>Aktualisering av tid</li>
          <li>Registrera sjukperiod</li>
        </ul>
      </section>
      <section class="card" aria-labelledby="pensioner">
        <h2 id="pensioner">Administrera pensionär</h2>
        <ul>
          <li>Kommande pensionsavgångar</li>
          <li>Anmälda pensionsavgångar</li>
        </ul>
      </section>
    </div>`;
}

function messagesPage(): TemplateResult {
  return html`<p class="breadcrumb">Arbetsgivare / Säkra meddelanden</p>
    <h1>Säkra meddelanden</h1>
    <secure-messages></secure-messages>`;
}

/** The adapter whose live channel the developer panel reports on, and the end of that watch. */
let watched: SecureMessagesAdapter | undefined;
let unwatch = () => {};

function show(): void {
  if (adapter !== watched) {
    unwatch();
    watched = adapter;
    unwatch = liveFor(adapter).subscribe((news) => news.type === 'live' && show());
  }
  const page = pageFromUrl();
  document.title = `${page === 'messages' ? 'Säkra meddelanden' : 'Startsida'} – Nya KPA Direkt (demo)`;
  render(
    html`${topBar()} ${tabs()}
      <secure-adapter-provider class="layout" .adapter=${adapter}>
        ${menu(page)}
        <main id="content" tabindex="-1">${page === 'messages' ? messagesPage() : startPage()}</main>
      </secure-adapter-provider>
      ${
        backend
          ? renderDevPanel({
              state: dev,
              live: liveFor(adapter).live,
              changeSize: (size) => {
                dev = { ...dev, size };
                resetBackend();
              },
              changeLatency: (latency) => {
                dev = { ...dev, latency };
                if (backend) applyFaults(backend, dev);
                show();
              },
              toggleFault: (id, on) => {
                const faults = new Set(dev.faults);
                if (on) faults.add(id);
                else faults.delete(id);
                dev = { ...dev, faults };
                if (backend) applyFaults(backend, dev);
                show();
              },
              reset: resetBackend,
            })
          : nothing
      }`,
    app,
  );
}

if (!REAL_API_BASE_URL) {
  backend = createMockBackend({ size: dev.size, currentUserId: MOCK_USER_IDS.employer });
  const serviceWorkerUrl = new URL('mockServiceWorker.js', document.baseURI).pathname;
  await registerWorkerUnderTrustedTypes(serviceWorkerUrl);
  await startMockWorker(backend, { quiet: true, serviceWorkerUrl });
}
adapter = newAdapter();
await loadUser();
app.replaceChildren();
app.removeAttribute('aria-busy');
show();
