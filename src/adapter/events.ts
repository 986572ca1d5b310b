/**
 * Reading the live stream (`GET /events`, Server-Sent Events) from a `fetch` response. The
 * platform's `EventSource` cannot go through the host's `fetch` or send its headers, so the
 * stream is read here with `eventsource-parser`, which follows the HTML standard's parsing rules.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { LiveEvent } from './adapter.js';
import { networkError } from './response.js';

/** The event as the contract defines it, or null for anything else (ignored: it may be newer). */
function liveEvent({ event, id = '', data }: EventSourceMessage): LiveEvent | null {
  let body: { number?: unknown; version?: unknown; count?: unknown };
  try {
    body = JSON.parse(data) as typeof body;
  } catch {
    return null;
  }
  if (event === 'reset') return { type: 'reset', id };
  if (event === 'notices' && Number.isInteger(body.count) && (body.count as number) >= 0)
    return { type: 'notices', id, count: body.count as number };
  if (event === 'conversation' && typeof body.number === 'string' && typeof body.version === 'string')
    return { type: 'conversation', id, number: body.number, version: body.version };
  return null;
}

/** Reads events until the stream ends (resolves), breaks (a NetworkError) or `signal` aborts. */
export async function readEvents(
  response: Response,
  onEvent: (event: LiveEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const alive = () => onEvent({ type: 'alive' });
  const parser = createParser({
    onEvent: (message) => onEvent(liveEvent(message) ?? { type: 'alive' }),
    onComment: alive,
    onRetry: alive,
  });
  const decoder = new TextDecoder();
  const reader = response.body?.getReader();
  // A host's own fetch may not end the body on abort: this does.
  const cancel = () => void reader?.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) return;
      parser.feed(decoder.decode(chunk.value, { stream: true }));
    }
  } catch (error) {
    throw networkError(false, error);
  } finally {
    signal.removeEventListener('abort', cancel);
    cancel();
  }
}
