import { expect } from '@open-wc/testing';
import { ServerError } from '../../src/adapter/errors.js';
import { MAX_BACKOFF, Poller, retryAfterOf } from '../../src/controllers/poller.js';
import { installClock, type TestClock } from '../clock.js';

/** The shared polling behaviour, with the clock in the test's hands (test/clock.ts). */
describe('Poller', () => {
  let clock: TestClock;
  let visibility: DocumentVisibilityState = 'visible';

  beforeEach(() => {
    clock = installClock();
    visibility = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  });

  afterEach(() => {
    clock.uninstall();
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  function setVisibility(state: DocumentVisibilityState): void {
    visibility = state;
    document.dispatchEvent(new Event('visibilitychange'));
  }

  /** A connected poller (interval in seconds) that records when it polled. */
  function poller(interval: () => number = () => 10) {
    const polls: number[] = [];
    const p = new Poller({ interval, poll: () => polls.push(clock.now) });
    p.connect();
    return { p, polls };
  }

  /** The delay until the next poll, read by advancing time: one ms short of it, nothing happens. */
  async function nextPollAfter(polls: number[], delay: number): Promise<void> {
    const before = polls.length;
    await clock.advance(delay - 1);
    expect(polls.length, `polled before ${delay} ms`).to.equal(before);
    await clock.advance(1);
    expect(polls.length, `no poll at ${delay} ms`).to.equal(before + 1);
  }

  it('polls one interval after a request settled, once', async () => {
    const { p, polls } = poller();
    p.settled(true);
    await nextPollAfter(polls, 10_000);
    expect(p.scheduled).to.equal(false);
    p.disconnect();
  });

  it('backs off after failures in a row, up to MAX_BACKOFF intervals, and back to one after a success', async () => {
    const { p, polls } = poller();
    for (const delay of [20_000, 40_000, 80_000, 80_000]) {
      p.settled(false);
      await nextPollAfter(polls, delay);
    }
    expect(MAX_BACKOFF).to.equal(8);
    p.settled(true);
    await nextPollAfter(polls, 10_000);
    p.disconnect();
  });

  it('waits at least a Retry-After', async () => {
    const { p, polls } = poller();
    p.settled(false, retryAfterOf(new ServerError('503', 503, 120)));
    await nextPollAfter(polls, 120_000);
    p.disconnect();
  });

  it('runs no timer while hidden, and polls at once on return', async () => {
    const { p, polls } = poller();
    p.settled(true);
    setVisibility('hidden');
    expect(clock.pending).to.equal(0);
    await clock.advance(3_000);
    setVisibility('visible');
    expect(polls).to.deep.equal([3_000]);
    p.disconnect();
  });

  it('stop() leaves nothing scheduled: neither a timer nor a poll on return to the tab', async () => {
    const { p, polls } = poller();
    p.settled(true);
    p.stop();
    expect(clock.pending).to.equal(0);
    setVisibility('hidden');
    setVisibility('visible');
    await clock.advance(100_000);
    expect(polls).to.deep.equal([]);
    p.disconnect();
  });

  it('an interval of 0 polls never; restart() counts a new interval afresh', async () => {
    let interval = 0;
    const { p, polls } = poller(() => interval);
    p.settled(true);
    expect(clock.pending).to.equal(0);
    interval = 5;
    p.settled(true);
    await clock.advance(4_000);
    interval = 2;
    p.restart();
    await nextPollAfter(polls, 2_000);
    p.disconnect();
  });

  it('another tab’s answer serves as its poll; after asking at once, the one still waiting steps back', async () => {
    const random = Math.random;
    Math.random = () => 0.4;
    try {
      const { p, polls } = poller();
      p.settled(true);
      await clock.advance(4_000);
      // Heard while waiting: an interval and a quarter again, and a tenth more (0.4 / 4) at random.
      p.heard(false);
      await nextPollAfter(polls, 13_500);
      // Heard while its own request was under way: the next counts from one and a half intervals.
      p.heard(true);
      p.settled(true);
      await nextPollAfter(polls, 15_000);
      // and only that once.
      p.settled(true);
      await nextPollAfter(polls, 10_000);
      // Nothing scheduled (the session ended): hearing schedules nothing either.
      p.stop();
      p.heard(false);
      expect(p.scheduled).to.equal(false);
      p.disconnect();
    } finally {
      Math.random = random;
    }
  });
});
