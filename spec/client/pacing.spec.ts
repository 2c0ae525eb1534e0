import { expect } from 'chai';
import { RateLimitPacer, parseBucket } from '../../lib/client/pacing';
import { bucketHeaders } from '../helpers/lightspeed';
import { FakeClock } from '../helpers/fakeClock';

const lower = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

describe('rate-limit pacing from X-LS-API-* headers', () => {
  it('parses fractional levels and the drip rate', () => {
    expect(parseBucket(lower(bucketHeaders(12.5, 90, 1.5)), 0)).to.deep.equal({ level: 12.5, size: 90, dripPerSecond: 1.5, at: 0 });
    expect(parseBucket({ 'x-ls-api-bucket-level': 'garbage' }, 0)).to.equal(undefined);
  });

  it('sends at once while the bucket has room', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock);
    pacer.observe('GET', lower(bucketHeaders(10)), await pacer.acquire('GET'));
    for (let i = 0; i < 5; i += 1) pacer.observe('GET', lower(bucketHeaders(11 + i)), await pacer.acquire('GET'));
    expect(clock.slept).to.equal(0);
  });

  it('waits for the bucket to drain by one request\'s cost when it is nearly full', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock, { marginDrips: 1, paceFromHeaders: true });
    pacer.observe('GET', lower(bucketHeaders(89, 90, 2)), await pacer.acquire('GET'));
    await pacer.acquire('GET');
    // level 89 + cost 1 must fit under 90 - margin 1: 1 drip over, at 2 drips/s.
    expect(clock.slept).to.equal(500);
  });

  it('spends the burst, then paces at the drip rate: N requests take (N - room) / drip seconds', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock);
    let level = 0;
    const at = { time: clock.now() };
    for (let i = 0; i < 100; i += 1) {
      const reserved = await pacer.acquire('GET');
      level = Math.max(0, level - ((clock.now() - at.time) / 1000) * 10) + 1; // a server with drip 10/s
      at.time = clock.now();
      pacer.observe('GET', lower(bucketHeaders(level, 60, 10)), reserved);
    }
    // Room before waiting: 59 drips (size 60 - margin 1); the other 41 requests at 10/s.
    expect(clock.slept).to.be.closeTo(4100, 110);
    expect(level).to.be.at.most(60);
  });

  it('counts reservations of requests still in flight, so concurrent callers do not overshoot', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock);
    pacer.observe('GET', lower(bucketHeaders(85, 90, 1)), await pacer.acquire('GET'));
    const reserved = await Promise.all([1, 2, 3, 4, 5].map(() => pacer.acquire('GET')));
    expect(reserved).to.deep.equal([1, 1, 1, 1, 1]);
    // 85 + 5 = 90 would exceed 89: the last ones waited.
    expect(clock.slept).to.equal(1000);
  });

  it('after a 429 nobody sends before Retry-After has passed', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock);
    pacer.observe('GET', lower(bucketHeaders(10)), await pacer.acquire('GET'));
    pacer.blockFor(3);
    await pacer.acquire('GET');
    expect(clock.slept).to.equal(3000);
  });

  it('keeps under the burst limiter over any trailing second', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock);
    const headers = { ...lower(bucketHeaders(1, 90, 1)), 'x-ls-api-burst-level': '1/5' };
    for (let i = 0; i < 9; i += 1) pacer.observe('GET', headers, await pacer.acquire('GET'));
    // 4 per second allowed (limit 5 minus one for safety): 9 requests need two full waits.
    expect(clock.slept).to.equal(2000);
  });

  it('with pacing off, only honours 429 waits', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock, { marginDrips: 1, paceFromHeaders: false });
    pacer.observe('GET', lower(bucketHeaders(95, 90)), await pacer.acquire('GET'));
    await pacer.acquire('GET');
    expect(clock.slept).to.equal(0);
  });
});
