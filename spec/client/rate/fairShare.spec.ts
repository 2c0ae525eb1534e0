import { expect } from 'chai';
import { RateBackoff, fairRate, fairRateShape, jitteredGapMs } from '../../../lib/client/rate/fairShare';
import { FakeClock } from '../../helpers/fakeClock';

describe('fair share of a bucket several processes spend from', () => {
  const shape = fairRateShape(90, 89); // Lightspeed's default bucket, one drip kept free

  describe('the fair rate: one function of the level for every process', () => {
    const table: Array<[string, number, number, number]> = [
      ['15% of the bucket under the ceiling: the whole drip', 75.5, 1, 1],
      ['one 30th of the bucket higher: the drip over e', 78.5, 1, Math.exp(-1)],
      ['at the ceiling', 89, 1, Math.exp(-4.5)],
      ['lower: more than the drip (the bucket has room to spend)', 72.5, 1, Math.E],
      ['proportional to the drip rate', 78.5, 20, 20 * Math.exp(-1)],
    ];
    for (const [name, level, drip, expected] of table) {
      it(name, () => expect(fairRate(level, drip, shape)).to.be.closeTo(expected, 1e-9));
    }

    it('K processes settle where K fair shares and the others\' spending equal the drip, below the ceiling', () => {
      const settles = (processes: number, spare: number): number => shape.fullRateLevel + shape.steepness * Math.log(processes / spare);
      const table: Array<[number, number]> = [[1, 1], [2, 1], [4, 0.75], [8, 0.75], [16, 0.75]];
      for (const [processes, spare] of table) {
        const level = settles(processes, spare);
        expect(processes * fairRate(level, 1, shape), `K = ${processes}`).to.be.closeTo(spare, 1e-9);
        expect(level, `K = ${processes}`).to.be.within(75, 86);
      }
    });
  });

  describe('randomised gaps', () => {
    const table: Array<[number, number, number, number]> = [
      // cost, per second, draw, ms
      [1, 0.5, 0, 1000],
      [1, 0.5, 0.5, 2000],
      [1, 0.5, 0.999, 2998],
      [2, 20, 0.5, 100],
    ];
    for (const [cost, perSecond, draw, ms] of table) {
      it(`${cost} drip(s) at ${perSecond}/s, draw ${draw}: ${ms} ms`, () => expect(jitteredGapMs(cost, perSecond, draw)).to.be.closeTo(ms, 1));
    }
  });

  describe('back-off after a 429', () => {
    const table: Array<[string, number[], number, number]> = [
      // 429s at these seconds, then the share at this second
      ['no 429: the whole rate', [], 0, 1],
      ['right after a 429: half', [0], 0, 0.5],
      ['grows back additively: a quarter more after 15 s', [0], 15, 0.75],
      ['whole again 30 s after one 429', [0], 30, 1],
      ['two 429s in a row: a quarter', [0, 0], 0, 0.25],
      ['a second 429 while growing back halves what it had grown to', [0, 30], 30, 0.5],
      ['never beyond whole', [0], 600, 1],
    ];
    for (const [name, refusals, at, share] of table) {
      it(name, () => {
        const clock = new FakeClock();
        const start = clock.now();
        const backoff = new RateBackoff(60_000);
        for (const second of refusals) backoff.refused(start + second * 1000);
        expect(backoff.at(start + at * 1000)).to.be.closeTo(share, 1e-9);
      });
    }
  });
});
