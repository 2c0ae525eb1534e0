import { expect } from 'chai';
import { OthersShare } from '../../../lib/client/rate/othersShare';
import { FakeClock } from '../../helpers/fakeClock';

/** Readings as `[seconds since the previous one, level (with our requests in flight), our cost sent since]`. */
type Reading = [number, number, number];

function estimate(readings: Reading[], drip = 1, horizonMs = 30_000): number {
  const clock = new FakeClock();
  const share = new OthersShare(horizonMs);
  for (const [seconds, level, ownSpent] of readings) {
    clock.advance(seconds * 1000);
    share.observe(level, clock.now(), ownSpent, drip);
  }
  return share.rate(drip);
}

/** `count` readings `seconds` apart in which the level moves by `step`, we spend `own` each time. */
function steady(count: number, seconds: number, start: number, step: number, own: number): Reading[] {
  return Array.from({ length: count }, (_, i): Reading => [i === 0 ? 0 : seconds, start + i * step, i === 0 ? 0 : own]);
}

describe('the others\' share of the bucket, from its level against our own spending', () => {
  const table: Array<[string, Reading[], number, number]> = [
    ['no reading yet: nobody known', [], 1, 0],
    ['one reading: no interval to judge', [[0, 50, 0]], 1, 0],
    // We send 1 drip every 2 s, the bucket drains 2: the level falls by 1 each time.
    ['alone: the drain and our requests explain every move', steady(20, 2, 80, -1, 1), 1, 0],
    // Level flat while we add 1 per 2 s and it drains 2: somebody adds 1 per 2 s.
    ['others spend half the drip', steady(20, 2, 80, 0, 1), 1, 0.5],
    ['others spend a quarter of a 20-drip bucket\'s drip, we send 10 per second', steady(15, 1, 100, -5, 10), 20, 5],
    ['the level climbs faster than the drip can explain: capped at the drip', steady(20, 1, 10, 5, 0), 1, 1],
    ['the level falls faster than the drain: nobody, not a negative share', steady(5, 1, 80, -3, 0), 1, 0],
  ];
  for (const [name, readings, drip, expected] of table) {
    it(name, () => expect(estimate(readings, drip)).to.be.closeTo(expected, 0.01));
  }

  it('a bucket that ran empty shows only what the others spent after it did', () => {
    // 20 s without a reading: the bucket drained from 10 to 0 in 10 s, then others refilled 5.
    expect(estimate([[0, 10, 0], [20, 5, 0]])).to.be.closeTo(0.25, 0.01);
  });

  it('timing noise cancels out: an answer read late, then one read early', () => {
    // Others spend 0.5 per second throughout; the middle reading came 1 s late (the level looks 0.5 lower).
    expect(estimate([[0, 80, 0], [2, 80, 1], [2, 80, 1], [3, 79.5, 1], [1, 80, 1], [2, 80, 1], [2, 80, 1]])).to.be.closeTo(0.5, 0.01);
  });

  it('readings a few milliseconds apart (our own answers arriving together) are not divided by those milliseconds', () => {
    // Levels are rounded to a thousandth of a drip: 0.002 in 2 ms would read as a drip per second.
    expect(estimate([[0, 80, 0], [0.001, 80.002, 0], [0.001, 80.004, 0]])).to.be.below(0.01);
  });

  it('follows a change within the horizon: old readings fade', () => {
    const busy = steady(30, 2, 80, 0, 1); // others at 0.5
    const quiet = steady(30, 2, 80, -0.5, 1).slice(1); // then at 0.25
    // A minute after the change: mostly the new rate with a 30 s horizon, still half the old one with 10 minutes.
    expect(estimate([...busy, ...quiet], 1, 30_000)).to.be.within(0.25, 0.3);
    expect(estimate([...busy, ...quiet], 1, 600_000)).to.be.above(0.35);
  });

  it('is known once its readings span 5 s (older spans fading), not on answers arriving together', () => {
    const share = new OthersShare(30_000);
    share.observe(89, 0, 0, 1);
    share.observe(89.5, 2_000, 1, 1);
    expect(share.known()).to.equal(false);
    share.observe(88, 6_000, 1, 1);
    expect(share.known()).to.equal(true);
  });
});
