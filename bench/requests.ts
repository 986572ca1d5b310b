/**
 * Requests per signed-in user per hour: what polling or the live stream costs a backend. Each tab
 * is a REST adapter with its own `<notice-badge>` and an open `<secure-thread>`, all visible, on
 * one in-page mock backend; tabs of one browser share a channel key, as the adapters of real tabs
 * on one API do (their channels meet over BroadcastChannel and Web Locks either way). Time runs 200 times
 * faster: every poll interval is divided by SCALE and an hour lasts 18 s (faster still, the
 * requests' own latency, which does not shrink, would no longer be small beside the intervals).
 *
 * "Today" is the same tabs as before live updates: each on its own, no stream, the badge polling
 * every 60 s and the conversation every 30 s. Opening the stream is not counted as a request;
 * its reconnects are reported beside the figure.
 */
import '@kpa/secure-messages/define/notice-badge.js';
import '@kpa/secure-messages/define/secure-thread.js';
import { createRestAdapter } from '@kpa/secure-messages/adapter';
import type { NoticeBadge, SecureThread } from '@kpa/secure-messages';
import { getResponse } from 'msw';
import { createMockBackend } from '../mocks/index.js';
import type { BenchResult } from './bench.js';

const SCALE = 200;
const HOUR_MS = 3_600_000 / SCALE;
/** The stream's budget besides its reconnects (the contract lets nothing else be needed). */
const STREAM_BUDGET = 2;

interface Scenario {
  tabs: number;
  /** The backend offers GET /events. */
  stream: boolean;
  /** The tabs share a channel (today they did not). */
  shared: boolean;
}

interface Count {
  requests: number;
  reconnects: number;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function requestsPerHour({ tabs, stream, shared }: Scenario): Promise<Count> {
  const backend = createMockBackend({ seed: 5, size: 200, liveUpdates: stream });
  const number = backend.store
    .summaries()
    .find((s) => s.organisation.customerNumber === '0000' && s.status === 'sent')!.number;
  const count: Count = { requests: 0, reconnects: 0 };
  let counting = false;
  let streams = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(String(input), location.href), init);
    if (new URL(request.url).pathname.endsWith('/events')) streams++;
    else if (counting) count.requests++;
    return (await getResponse(backend.handlers, request)) ?? new Response(null, { status: 404 });
  };
  const browser = `bench ${Math.random()}`;
  const stage = document.createElement('div');
  document.body.append(stage);
  for (let tab = 0; tab < tabs; tab++) {
    const channelKey = shared ? browser : `${browser} tab ${tab}`;
    const adapter = createRestAdapter({ baseUrl: '/api/secure-messages/v1', fetch, channelKey });
    const badge = Object.assign(document.createElement('notice-badge') as NoticeBadge, {
      href: '#',
      pollInterval: 60 / SCALE,
      adapter,
    });
    const thread = Object.assign(document.createElement('secure-thread') as SecureThread, {
      number,
      pollInterval: 30 / SCALE,
      adapter,
    });
    stage.append(badge, thread);
  }
  // Everything loaded, and the stream (if any) open and past its first event.
  await sleep(1500);
  const opened = streams;
  counting = true;
  await sleep(HOUR_MS);
  counting = false;
  count.reconnects = streams - opened;
  stage.remove();
  // Let the channels close (they linger a second for elements that come back).
  await sleep(1200);
  return count;
}

function result(name: string, ours: Count, today: Count, budget: number): BenchResult {
  const note = ours.reconnects > 0 ? ` (+${ours.reconnects} reconnects)` : '';
  return {
    name: `${name}${note}`,
    unit: 'req/h',
    figure: ours.requests,
    floor: today.requests,
    ratio: ours.requests / Math.max(today.requests, 1),
    budget,
  };
}

/** The four figures beside today's, with their budgets (absolute, in requests per hour). */
export async function requestCases(): Promise<BenchResult[]> {
  const today1 = await requestsPerHour({ tabs: 1, stream: false, shared: false });
  const today5 = await requestsPerHour({ tabs: 5, stream: false, shared: false });
  const stream1 = await requestsPerHour({ tabs: 1, stream: true, shared: true });
  const stream5 = await requestsPerHour({ tabs: 5, stream: true, shared: true });
  const polling1 = await requestsPerHour({ tabs: 1, stream: false, shared: true });
  const polling5 = await requestsPerHour({ tabs: 5, stream: false, shared: true });
  return [
    result('requests per user per hour, 1 tab, on the stream', stream1, today1, STREAM_BUDGET),
    // Five tabs cost what one does: one stream for the browser, nothing else.
    result('requests per user per hour, 5 tabs, on the stream', stream5, today5, STREAM_BUDGET),
    // Polling costs no more than it did (within the noise of a scaled hour), and five tabs what
    // one does: one tab asks for the notice count and the open conversation, the others hear it.
    result('requests per user per hour, 1 tab, polling', polling1, today1, today1.requests * 1.15),
    result('requests per user per hour, 5 tabs, polling', polling5, today5, today1.requests * 1.15),
  ];
}
