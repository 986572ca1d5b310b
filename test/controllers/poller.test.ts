import { expect } from '@open-wc/testing';
import { MAX_BACKOFF, Poller, retryAfterOf } from '../../src/controllers/poller.js';
import { ServerError } from '../../src/adapter/errors.js';

/**
 * The shared polling behaviour, with the clock in the test's hands: `setTimeout` and
 * `performance.now` are replaced while each test runs, so delays are read, not waited for.
 */
describe('Poller', () => {
  let now = 0;
  let timers: { at: number; run: () => void }[] = [];
  let visibility: DocumentVisibilityState = 'visible';
  const originals = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    now: performance.now.bind(performance),
  };

  beforeEach(() => {
    now = 0;
    timers = [];
    visibility = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    window.setTimeout = ((run: () => void, delay = 0) => {
      const timer = { at: now + delay, run };
      timers.push(timer);
      return timer as unknown as number;
    }) as typeof window.setTimeout;
    window.clearTimeout = ((timer: unknown) => {
      timers = timers.filter((t) => t !== timer);
    }) as typeof window.clearTimeout;
    performance.now = () => now;
  });

  afterEach(() => {
    window.setTimeout = originals.setTimeout;
    window.clearTimeout = originals.clearTimeout;
    performance.now = originals.now;
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  /** The delay of the one armed timer, in ms; undefined when none is armed. */
  function armed(): number | undefined {
    expect(timers.length).to.be.at.most(1);
    return timers[0] && timers[0].at - now;
  }

  function setVisibility(state: DocumentVisibilityState): void {
    visibility = state;
    document.dispatchEvent(new Event('visibilitychange'));
  }

  function poller(interval = 10) {
    const polls: number[] = [];
    const p = new Poller({ interval: () => interval, poll: () => polls.push(now) });
    p.connect();
    return { p, polls };
  }

  it('polls one interval after a request settled', () => {
    const { p, polls } = poller(10);
    p.settled(true);
    expect(armed()).to.equal(10_000);
    now = 10_000;
    timers.shift()!.run();
    expect(polls).to.deep.equal([10_000]);
    expect(p.scheduled).to.equal(false);
    p.disconnect();
  });

  it('backs off after failures in a row, up to MAX_BACKOFF intervals, and back to one after a success', () => {
    const { p } = poller(10);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      p.settled(false);
      delays.push(armed()!);
    }
    expect(delays).to.deep.equal([20_000, 40_000, 80_000, 80_000, 80_000]);
    expect(MAX_BACKOFF).to.equal(8);
    p.settled(true);
    expect(armed()).to.equal(10_000);
    p.disconnect();
  });

  it('waits at least a Retry-After', () => {
    const { p } = poller(10);
    p.settled(false, retryAfterOf(new ServerError('503', 503, 120)));
    expect(armed()).to.equal(120_000);
    p.disconnect();
  });

  it('runs no timer while hidden, and polls at once on return', () => {
    const { p, polls } = poller(10);
    p.settled(true);
    setVisibility('hidden');
    expect(armed()).to.equal(undefined);
    now = 3_000;
    setVisibility('visible');
    expect(polls).to.deep.equal([3_000]);
    p.disconnect();
  });

  it('stop() leaves nothing scheduled: neither a timer nor a poll on return to the tab', () => {
    const { p, polls } = poller(10);
    p.settled(true);
    p.stop();
    expect(armed()).to.equal(undefined);
    setVisibility('hidden');
    setVisibility('visible');
    expect(polls).to.deep.equal([]);
    p.disconnect();
  });

  it('an interval of 0 polls never; restart() counts a new interval afresh', () => {
    let interval = 0;
    const p = new Poller({ interval: () => interval, poll: () => undefined });
    p.connect();
    p.settled(true);
    expect(armed()).to.equal(undefined);
    interval = 5;
    p.settled(true);
    now = 4_000;
    interval = 2;
    p.restart();
    expect(armed()).to.equal(2_000);
    p.disconnect();
  });
});
