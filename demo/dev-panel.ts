/**
 * The developer panel of the demo: who is signed in (Visa som), how much data the mock backend
 * holds, how slow it is, which faults it injects, and whether the elements are on the live stream
 * or polling. Everything acts on the one in-memory backend.
 */
import { html, type TemplateResult } from 'lit';
import type { FaultRule, MockBackend } from '../mocks/index.js';

/** How many conversations the mock backend holds when the demo starts; one of SEED_SIZES. */
export const DEFAULT_SIZE = 200;
export const SEED_SIZES = [0, 60, DEFAULT_SIZE, 1_000, 10_000, 100_000] as const;
export const LATENCIES = [0, 300, 1500] as const;

/** Named fault switches: each adds one fault rule while ticked. */
export const FAULT_SWITCHES: readonly { id: string; label: string; rule: FaultRule }[] = [
  {
    id: 'send-offline',
    label: 'Nätverksfel när ett meddelande skickas',
    rule: { kind: 'offline', match: { method: 'POST', path: /^\/conversations(\/[0-9]{5}\/messages)?$/ } },
  },
  {
    id: 'send-lost',
    label: 'Svaret försvinner efter att meddelandet sparats (en gång)',
    rule: {
      kind: 'lost-response',
      match: { method: 'POST', path: /^\/conversations(\/[0-9]{5}\/messages)?$/ },
      times: 1,
    },
  },
  {
    id: 'server-503',
    label: '503 Tjänsten otillgänglig på allt',
    rule: { kind: 'status', status: 503, retryAfterSeconds: 2 },
  },
  { id: 'auth-401', label: '401 Utloggad på allt', rule: { kind: 'status', status: 401 } },
  {
    id: 'events-cut',
    label: 'Direktuppdateringar avbrutna (GET /events 503)',
    rule: { kind: 'status', status: 503, match: { method: 'GET', path: '/events' } },
  },
  {
    id: 'upload-413',
    label: '413 Filen för stor vid skicka',
    rule: {
      kind: 'status',
      status: 413,
      match: { method: 'POST', path: /^\/conversations(\/[0-9]{5}\/messages)?$/ },
    },
  },
];

export interface DevPanelState {
  size: number;
  latency: number;
  faults: ReadonlySet<string>;
}

/** Applies the panel's latency and fault switches to the backend (after a reset or a change). */
export function applyFaults(backend: MockBackend, state: DevPanelState): void {
  backend.faults.clear();
  if (state.latency > 0) backend.faults.add({ kind: 'latency', ms: state.latency });
  for (const f of FAULT_SWITCHES) if (state.faults.has(f.id)) backend.faults.add({ ...f.rule });
  // Open live streams end: a server ends those of a session that ended (events.session-end), and a
  // cut stream is cut now. Their reconnect meets the fault.
  if (state.faults.has('auth-401') || state.faults.has('events-cut')) backend.store.changes.close();
}

export interface DevPanelProps {
  state: DevPanelState;
  /** The elements hear of changes over the live stream (else they poll). */
  live: boolean;
  changeSize: (size: number) => void;
  changeLatency: (ms: number) => void;
  toggleFault: (id: string, on: boolean) => void;
  reset: () => void;
}

export function renderDevPanel(p: DevPanelProps): TemplateResult {
  return html`<details class="dev-panel">
    <summary>Utvecklarpanel (mock-backend)</summary>
    <div class="dev-grid">
      <p role="status">
        Uppdateringar:
        ${p.live ? 'direkt, över strömmen (GET /events)' : 'hämtas med jämna mellanrum (strömmen saknas)'}
      </p>
      <p class="dev-field">
        <label for="dev-size">Antal konversationer</label>
        <select
          id="dev-size"
          @change=${(e: Event) => p.changeSize(Number((e.target as HTMLSelectElement).value))}
        >
          ${SEED_SIZES.map(
            (n) =>
              html`<option value=${n} ?selected=${n === p.state.size}>${n.toLocaleString('sv-SE')}</option>`,
          )}
        </select>
      </p>
      <p class="dev-field">
        <label for="dev-latency">Svarstid</label>
        <select
          id="dev-latency"
          @change=${(e: Event) => p.changeLatency(Number((e.target as HTMLSelectElement).value))}
        >
          ${LATENCIES.map(
            (ms) =>
              html`<option value=${ms} ?selected=${ms === p.state.latency}>
                ${ms === 0 ? 'Ingen fördröjning' : `${ms} ms`}
              </option>`,
          )}
        </select>
      </p>
      <fieldset class="dev-faults">
        <legend>Fel</legend>
        ${FAULT_SWITCHES.map(
          (f) =>
            html`<label class="dev-check"
              ><input
                type="checkbox"
                .checked=${p.state.faults.has(f.id)}
                @change=${(e: Event) => p.toggleFault(f.id, (e.target as HTMLInputElement).checked)}
              />
              ${f.label}</label
            >`,
        )}
      </fieldset>
      <p><button type="button" class="dev-button" @click=${p.reset}>Återställ data</button></p>
    </div>
  </details>`;
}
