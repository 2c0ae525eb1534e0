import { expect } from 'chai';
import { parseBucket } from '../../../lib/client/rate/bucket';
import { blindRefusalSeconds, bucketRefusalSeconds } from '../../../lib/client/rate/refusalWait';
import { bucketHeaderSets } from '../../helpers/cassettes';

const MARGIN = 1;
const DRAWS = [0, 0.5, 0.999];

describe('the wait after a 429 without Retry-After', () => {
  describe('as if a 429 carried each header set recorded from real accounts', () => {
    for (const set of bucketHeaderSets()) {
      const reading = parseBucket(set.headers, 0);
      if (!reading) throw new Error(`${set.level} is no reading`);
      const { level, size, dripPerSecond } = reading;
      const fullDrain = size / dripPerSecond;
      it(`${set.level}${set.drip === undefined ? '' : `, drip ${set.drip}`}`, () => {
        for (const [draw, inARow] of DRAWS.flatMap((d) => [[d, 1], [d, 2]])) {
          const fromLevel = bucketRefusalSeconds(reading, MARGIN, inARow, draw);
          if (level > size) {
            // Lightspeed serves again once the level is under the size; never wait longer than draining to our ceiling.
            expect(fromLevel).to.be.at.least((level - size) / dripPerSecond).and.at.most((level - (size - MARGIN)) / dripPerSecond);
          } else {
            // A level under the size does not explain the refusal: the blind backoff, within a full bucket's drain.
            expect(fromLevel).to.equal(undefined);
            expect(blindRefusalSeconds(1, fullDrain, draw)).to.be.within(1, 1.25);
            expect(blindRefusalSeconds(20, fullDrain, draw)).to.equal(fullDrain);
          }
        }
      });
    }
  });

  it('at the recorded 91.672517538069/90, drip 1: from 1.67 s, at most 2.17 s, then at most 2.67 s the second time in a row', () => {
    const reading = parseBucket({ 'x-ls-api-bucket-level': '91.672517538069/90', 'x-ls-api-drip-rate': '1' }, 0);
    if (!reading) throw new Error('no reading');
    expect(bucketRefusalSeconds(reading, MARGIN, 1, 0)).to.be.closeTo(1.6725, 0.001);
    expect(bucketRefusalSeconds(reading, MARGIN, 1, 0.999)).to.be.closeTo(2.172, 0.001);
    expect(bucketRefusalSeconds(reading, MARGIN, 2, 0.999)).to.be.closeTo(2.672, 0.001);
  });

  it('refused again and again, the spread doubles, up to a full bucket\'s drain', () => {
    const reading = { level: 91, size: 90, dripPerSecond: 1, at: 0 };
    const latest = [1, 2, 3, 4, 9].map((inARow) => bucketRefusalSeconds(reading, MARGIN, inARow, 1));
    expect(latest).to.deep.equal([2, 3, 5, 9, 91]);
  });

  it('just over the size (a request crossed the brim a moment ago), the first spread reaches 2 drips past the 429', () => {
    const reading = { level: 90.25, size: 90, dripPerSecond: 1, at: 0 };
    expect(bucketRefusalSeconds(reading, MARGIN, 1, 0)).to.equal(0.25);
    expect(bucketRefusalSeconds(reading, MARGIN, 1, 1)).to.equal(2);
    expect(bucketRefusalSeconds(reading, MARGIN, 2, 1)).to.equal(0.25 + 2 * 1.75);
  });

  it('the drip rate of the reading counts: 2 drips over the size at 2 per second is 1 s', () => {
    expect(bucketRefusalSeconds({ level: 92, size: 90, dripPerSecond: 2, at: 0 }, MARGIN, 1, 0)).to.equal(1);
  });

  it('without any bucket header: 1 s, doubling, at most a full bucket\'s drain (90 s on the documented bucket)', () => {
    const waits = Array.from({ length: 9 }, (_, i) => blindRefusalSeconds(i + 1, 90, 0));
    expect(waits).to.deep.equal([1, 2, 4, 8, 16, 32, 64, 90, 90]);
    const jittered = Array.from({ length: 9 }, (_, i) => blindRefusalSeconds(i + 1, 90, 0.999));
    jittered.forEach((wait, i) => expect(wait).to.be.within(waits[i], Math.min(90, waits[i] * 1.25)));
  });
});
