import { expect } from '@open-wc/testing';
import type { LiveEvent } from '../../src/adapter/adapter.js';
import { AuthRequiredError, isAbortError, NotFoundError } from '../../src/adapter/errors.js';
import { createRestAdapter } from '../../src/adapter/rest-adapter.js';

/** A response whose body is these chunks, one after another; the last `open` keeps it open. */
function streamOf(chunks: string[], open = false): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      if (!open) controller.close();
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
}

function problem(status: number): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: 'Fel', status }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  });
}

/** An adapter over a fetch that answers `respond` and records each request. */
function adapterWith(respond: () => Response) {
  const requests: { url: string; init: RequestInit }[] = [];
  const adapter = createRestAdapter({
    baseUrl: '/api/live/v1/',
    credentials: 'include',
    headers: () => ({ 'X-CSRF-Token': 'abc' }),
    fetch: (input, init = {}) => {
      requests.push({ url: String(input), init });
      return Promise.resolve(respond());
    },
  });
  return { adapter, requests };
}

describe('REST adapter: the live stream (GET /events)', () => {
  it('asks through the host’s fetch, as background traffic, resuming after Last-Event-ID', async () => {
    const { adapter, requests } = adapterWith(() => streamOf([]));
    await adapter.streamEvents(() => undefined, AbortSignal.timeout(5000), 'ab.12');
    expect(requests).to.have.length(1);
    const { url, init } = requests[0]!;
    expect(url).to.equal('/api/live/v1/events');
    expect(init.method).to.equal('GET');
    expect(init.credentials).to.equal('include');
    const headers = init.headers as Record<string, string>;
    expect(headers.Accept).to.equal('text/event-stream');
    expect(headers['Last-Event-ID']).to.equal('ab.12');
    expect(headers['X-Background-Request']).to.equal('1');
    expect(headers['X-CSRF-Token']).to.equal('abc');
    await adapter.streamEvents(() => undefined, AbortSignal.timeout(5000));
    expect(requests[1]!.init.headers).not.to.have.property('Last-Event-ID');
  });

  it('reads events split anywhere across chunks, and tells every sign of life', async () => {
    const { adapter } = adapterWith(() =>
      streamOf([
        'retry: 3000\r\n\r\n',
        'id: e.1\nevent: notices\nda',
        'ta: {"count":3}\n\n: heartbeat\n\nid: e.2\nevent: conversation\n',
        'data: {"number":"12345","version":"v4"}\n\n',
        'id: e.3\nevent: reset\ndata: {}\n\n',
        'id: e.4\nevent: something-newer\ndata: {"x":1}\n\n',
        'id: e.5\nevent: conversation\ndata: {"number":12345}\n\n',
        'id: e.6\nevent: notices\ndata: not json\n\n',
      ]),
    );
    const heard: LiveEvent[] = [];
    await adapter.streamEvents((event) => heard.push(event), AbortSignal.timeout(5000));
    expect(heard).to.deep.equal([
      { type: 'alive' },
      { type: 'notices', id: 'e.1', count: 3 },
      { type: 'alive' },
      { type: 'conversation', id: 'e.2', number: '12345', version: 'v4' },
      { type: 'reset', id: 'e.3' },
      { type: 'alive' },
      { type: 'alive' },
      { type: 'alive' },
    ]);
  });

  it('a server without a stream: NotFoundError; an ended session: AuthRequiredError', async () => {
    let error: unknown;
    await adapterWith(() => problem(404))
      .adapter.streamEvents(() => undefined, AbortSignal.timeout(5000))
      .catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(NotFoundError);
    await adapterWith(() => problem(401))
      .adapter.streamEvents(() => undefined, AbortSignal.timeout(5000))
      .catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(AuthRequiredError);
  });

  it('an abort ends an open stream, even through a fetch that ignores the signal', async () => {
    const { adapter } = adapterWith(() => streamOf(['id: e.1\nevent: notices\ndata: {"count":1}\n\n'], true));
    const controller = new AbortController();
    const heard: LiveEvent[] = [];
    const reading = adapter.streamEvents((event) => {
      heard.push(event);
      controller.abort();
    }, controller.signal);
    let error: unknown;
    await reading.catch((e: unknown) => (error = e));
    expect(isAbortError(error), String(error)).to.equal(true);
    expect(heard).to.have.length(1);
  });

  it('names its channel by the API’s absolute URL, unless told otherwise', () => {
    const { adapter } = adapterWith(() => streamOf([]));
    expect(adapter.channelKey).to.equal(new URL('/api/live/v1', location.href).href);
    // A page with a backend of its own (a mock in the page) names its own.
    expect(createRestAdapter({ baseUrl: '/api', channelKey: 'this tab' }).channelKey).to.equal('this tab');
  });
});
