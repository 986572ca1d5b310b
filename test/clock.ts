/**
 * Time in the test's hands, for tests whose subject is time (polling, Retry-After, pauses).
 *
 * A check that something does NOT happen over some time cannot be made by sleeping: on a slow
 * machine the sleep ends before the timer it should outlast has fired, and the check passes by
 * accident. With `installClock()` the test owns `setTimeout`, `clearTimeout` and
 * `performance.now`; `advance(ms)` runs every timer due in that time, in order, so "nothing
 * happened in ten intervals" means exactly that.
 */

/**
 * Resolves once every promise reaction queued so far has run: a task boundary, which the browser
 * reaches only after it has emptied the microtask queue. Not a delay, and independent of any
 * replaced `setTimeout`. Exact for code that only awaits promises (hand-written adapters); code
 * that waits for the network or a timer needs a wait on what it does.
 */
export function microtasksSettled(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

export interface TestClock {
  /** Milliseconds since the clock was installed. */
  readonly now: number;
  /** Timers waiting to run. */
  readonly pending: number;
  /**
   * Moves time on by `ms`: runs, in the order they fall due, every timer due by then (including
   * those the timers start), letting the promises of each settle before the next.
   */
  advance(ms: number): Promise<void>;
  /** Puts the browser's timers back. */
  uninstall(): void;
}

interface Timer {
  at: number;
  run: () => void;
}

export function installClock(): TestClock {
  const originals = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    now: performance.now,
  };
  let now = 0;
  let timers: Timer[] = [];
  window.setTimeout = ((run: TimerHandler, delay = 0, ...args: unknown[]) => {
    if (typeof run !== 'function') throw new TypeError('The test clock runs functions only.');
    const timer: Timer = { at: now + Math.max(0, Number(delay) || 0), run: () => run(...args) };
    timers.push(timer);
    return timer as unknown as number;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((timer: unknown) => {
    timers = timers.filter((t) => t !== timer);
  }) as typeof window.clearTimeout;
  performance.now = () => now;

  return {
    get now() {
      return now;
    },
    get pending() {
      return timers.length;
    },
    async advance(ms: number) {
      const until = now + ms;
      await microtasksSettled();
      for (;;) {
        // The earliest due; among equals, the first set (as browsers do).
        const next = timers.reduce<Timer | undefined>(
          (a, t) => (a === undefined || t.at < a.at ? t : a),
          undefined,
        );
        if (next === undefined || next.at > until) break;
        timers = timers.filter((t) => t !== next);
        now = Math.max(now, next.at);
        next.run();
        await microtasksSettled();
      }
      now = until;
    },
    uninstall() {
      window.setTimeout = originals.setTimeout;
      window.clearTimeout = originals.clearTimeout;
      performance.now = originals.now;
      timers = [];
    },
  };
}

/**
 * Resolves once `condition()` holds, checked after every task: a wait on the network or the page
 * that needs no timer, for tests on the test clock (where `waitUntil`'s own timers never fire).
 * Gives up after `seconds` of wall time.
 */
export async function until(condition: () => unknown, message: string, seconds = 8): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out: ${message}`);
    await microtasksSettled();
  }
}
