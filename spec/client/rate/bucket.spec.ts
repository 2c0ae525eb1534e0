import { expect } from 'chai';
import { DOCUMENTED_BUCKET, parseBucket } from '../../../lib/client/rate/bucket';
import { bucketHeaderSets } from '../../helpers/cassettes';

describe('reading the bucket from X-LS-API-* headers', () => {
  it('parses fractional levels and the drip rate; no readable level is no reading', () => {
    const headers = { 'x-ls-api-bucket-level': '12.5/90', 'x-ls-api-drip-rate': '1.5' };
    expect(parseBucket(headers, 7)).to.deep.equal({ level: 12.5, size: 90, dripPerSecond: 1.5, at: 7 });
    expect(parseBucket({ 'x-ls-api-bucket-level': 'garbage', 'x-ls-api-drip-rate': '1' }, 0)).to.equal(undefined);
    expect(parseBucket({ 'x-ls-api-bucket-level': '3/0' }, 0)).to.equal(undefined);
    expect(parseBucket({ 'x-ls-api-drip-rate': '1' }, 0)).to.equal(undefined);
  });

  describe('every header set recorded from real accounts', () => {
    const sets = bucketHeaderSets();

    it('holds the sizes 60, 90 and 180, with and without a drip rate (the table below is not empty)', () => {
      expect([...new Set(sets.map((set) => set.level.split('/')[1]))]).to.include.members(['60', '90', '180']);
      expect(sets.some((set) => set.drip === undefined)).to.equal(true);
      expect(sets.some((set) => set.drip === '1')).to.equal(true);
    });

    for (const set of sets) {
      it(`${set.level}${set.drip === undefined ? '' : `, drip ${set.drip}`} (${set.cassette})`, () => {
        const [level, size] = set.level.split('/').map(Number);
        const reading = parseBucket(set.headers, 0);
        // The size of each reading is taken; a reading without a drip rate drains at the documented one.
        expect(reading).to.deep.equal({ level, size, dripPerSecond: set.drip === undefined ? DOCUMENTED_BUCKET.dripPerSecond : Number(set.drip), at: 0 });
      });
    }
  });
});
