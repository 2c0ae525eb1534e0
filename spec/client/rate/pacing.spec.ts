import { expect } from 'chai';
import { RateLimitPacer } from '../../../lib/client/rate/pacing';
import { parseBucket } from '../../../lib/client/rate/bucket';
import { bucketHeaders } from '../../helpers/lightspeed';
import { FakeClock } from '../../helpers/fakeClock';

const lower = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));

/**
 * Ten seconds in which we send one request a second and the level still climbs by one from `from`: somebody else
 * spends one drip per second too.
 */
async function besideAnotherClient(pacer: RateLimitPacer, clock: FakeClock, from: number): Promise<void> {
  for (let level = from + 1; level <= from + 10; level += 1) {
    const reserved = await pacer.acquire('GET');
    clock.advance(1000);
    pacer.observe('GET', 200, lower(bucketHeaders(level, 90, 1)), reserved);
  }
}

describe('rate-limit pacing from X-LS-API-* headers', () => {
  it('parses fractional levels and the drip rate', () => {
    expect(parseBucket(lower(bucketHeaders(12.5, 90, 1.5)), 0)).to.deep.equal({ level: 12.5, size: 90, dripPerSecond: 1.5, at: 0 });
    expect(parseBucket({ 'x-ls-api-bucket-level': 'garbage' }, 0)).to.equal(undefined);
  });

  it('sends at once while the bucket has room', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock);
    pacer.observe('GET', 200, lower(bucketHeaders(10)), await pacer.acquire('GET'));
    for (let i = 0; i < 5; i += 1) pacer.observe('GET', 200, lower(bucketHeaders(11 + i)), await pacer.acquire('GET'));
    expect(clock.slept).to.equal(0);
  });

  it('waits for the bucket to drain by one request\'s cost when it is nearly full', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock, { marginDrips: 1, paceFromHeaders: true });
    pacer.observe('GET', 200, lower(bucketHeaders(88.5, 90, 2)), await pacer.acquire('GET'));
    await pacer.acquire('GET');
    // level 88.5 + cost 1 must fit under 90 - margin 1: half a drip over, at 2 drips/s.
    expect(clock.slept).to.equal(250);
  });

  it('finding the bucket at the brim on its first answer, waits for a fair share, not only for the drain', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock, undefined, () => 0.5);
    // Somebody else filled it (flows started together): taking every drip as it comes would refuse their retries.
    pacer.observe('GET', 200, lower(bucketHeaders(89.5, 90, 1)), await pacer.acquire('GET'));
    await pacer.acquire('GET');
    // Alone, 89.5 + 1 fits under 89 after 1.5 s.
    expect(clock.slept).to.be.above(4000);
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
      pacer.observe('GET', 200, lower(bucketHeaders(level, 60, 10)), reserved);
    }
    // Room before waiting: 59 drips (size 60 - margin 1); the other 41 requests at 10/s.
    expect(clock.slept).to.be.closeTo(4100, 110);
    expect(level).to.be.at.most(60);
  });

  it('counts reservations of requests still in flight, so concurrent callers do not overshoot', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock);
    pacer.observe('GET', 200, lower(bucketHeaders(85, 90, 1)), await pacer.acquire('GET'));
    const reserved = await Promise.all([1, 2, 3, 4, 5].map(() => pacer.acquire('GET')));
    expect(reserved).to.deep.equal([1, 1, 1, 1, 1]);
    // 85 + 5 = 90 would exceed 89: the last ones waited.
    expect(clock.slept).to.equal(1000);
  });

  it('does not take its own concurrent requests, answered out of order, for another client\'s spending', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock);
    pacer.observe('GET', 200, lower(bucketHeaders(60, 90, 1)), await pacer.acquire('GET'));
    const reserved = await Promise.all(Array.from({ length: 20 }, () => pacer.acquire('GET')));
    // Lightspeed charged them in order (61..80); the answers come back shuffled, each with the level after its charge.
    for (const index of [3, 0, 7, 1, 2, 9, 4, 5, 8, 6, 12, 10, 11, 15, 13, 14, 17, 16, 18, 19]) {
      clock.advance(1);
      pacer.observe('GET', 200, lower(bucketHeaders(61 + index, 90, 1)), reserved[index]);
    }
    const before = clock.slept;
    for (let i = 0; i < 10; i += 1) await pacer.acquire('GET');
    // Alone at 80: 9 more fit under 89 at once, the 10th waits for one drip, as with no other client about.
    expect(clock.slept - before).to.be.closeTo(1000, 25);
  });

  it('beside another client, keeps to its fair rate and leaves the top of the bucket free', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock, undefined, () => 0.5);
    await besideAnotherClient(pacer, clock, 70);
    const started = clock.now();
    await pacer.acquire('GET');
    // At 80, far under the brim, alone it would send at once; beside the other it waits for its share of the drip.
    expect(clock.now() - started).to.be.above(2000);
  });

  it('after a 429 nobody sends before Retry-After has passed', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock);
    pacer.observe('GET', 200, lower(bucketHeaders(10)), await pacer.acquire('GET'));
    pacer.refused({}, 3);
    await pacer.acquire('GET');
    expect(clock.slept).to.equal(3000);
  });

  it('takes the size of each reading: after 1/180, a reading of 59/60 leaves no room under 59', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock);
    pacer.observe('GET', 200, { 'x-ls-api-bucket-level': '1/180', 'x-ls-api-drip-rate': '1' }, await pacer.acquire('GET'));
    pacer.observe('GET', 200, { 'x-ls-api-bucket-level': '59/60', 'x-ls-api-drip-rate': '1' }, await pacer.acquire('GET'));
    expect(clock.slept).to.equal(0);
    await pacer.acquire('GET');
    expect(clock.slept).to.equal(1000);
  });

  it('after a 429 without Retry-After, the retry goes when the level has drained below the size, not at a fair-share turn', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock, undefined, () => 0);
    pacer.observe('GET', 200, lower(bucketHeaders(80)), await pacer.acquire('GET'));
    const refused = { 'x-ls-api-bucket-level': '91.672517538069/90', 'x-ls-api-drip-rate': '1' };
    pacer.observe('GET', 429, refused, await pacer.acquire('GET'));
    expect(pacer.refused(refused, undefined)).to.deep.equal({ seconds: 91.672517538069 - 90, basis: 'bucket-level' });
    await pacer.acquire('GET');
    expect(clock.slept).to.be.closeTo(1672.5, 0.1);
  });

  it('beside another client, the retry after a 429 without Retry-After also waits for its fair share (refused processes part)', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock, undefined, () => 0);
    await besideAnotherClient(pacer, clock, 80);
    const refused = { 'x-ls-api-bucket-level': '91/90', 'x-ls-api-drip-rate': '1' };
    pacer.observe('GET', 429, refused, await pacer.acquire('GET'));
    const started = clock.now();
    expect(pacer.refused(refused, undefined)).to.deep.equal({ seconds: 1, basis: 'bucket-level' });
    await pacer.acquire('GET');
    expect(clock.now() - started).to.be.above(2000);
  });

  it('after a 429 with Retry-After, the next request also waits for its fair share (processes refused together part)', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock, undefined, () => 0.5);
    pacer.observe('GET', 200, lower(bucketHeaders(80)), await pacer.acquire('GET'));
    pacer.observe('GET', 429, lower(bucketHeaders(91)), await pacer.acquire('GET'));
    expect(pacer.refused({}, 2)).to.deep.equal({ seconds: 2, basis: 'retry-after' });
    await pacer.acquire('GET');
    expect(clock.slept).to.be.above(2000);
  });

  it('after 429s without any bucket header: 1 s, then 2 s, then 4 s, each held for every request', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock, undefined, () => 0);
    const waits = [];
    for (let i = 0; i < 3; i += 1) {
      pacer.observe('GET', 429, {}, await pacer.acquire('GET'));
      waits.push(pacer.refused({}, undefined));
    }
    expect(waits.map((wait) => wait.seconds)).to.deep.equal([1, 2, 4]);
    expect(waits.every((wait) => wait.basis === 'no-bucket-level')).to.equal(true);
    // An accepted request ends the series.
    pacer.observe('GET', 200, lower(bucketHeaders(10)), await pacer.acquire('GET'));
    pacer.observe('GET', 429, {}, await pacer.acquire('GET'));
    expect(pacer.refused({}, undefined).seconds).to.equal(1);
  });

  it('keeps under the burst limiter over any trailing second', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock);
    const headers = { ...lower(bucketHeaders(1, 90, 1)), 'x-ls-api-burst-level': '1/5' };
    for (let i = 0; i < 9; i += 1) pacer.observe('GET', 200, headers, await pacer.acquire('GET'));
    // 4 per second allowed (limit 5 minus one for safety): 9 requests need two full waits.
    expect(clock.slept).to.equal(2000);
  });

  it('with pacing off, only honours 429 waits', async () => {
    const clock = new FakeClock();
    const pacer = new RateLimitPacer(clock, { marginDrips: 1, paceFromHeaders: false });
    pacer.observe('GET', 200, lower(bucketHeaders(95, 90)), await pacer.acquire('GET'));
    await pacer.acquire('GET');
    expect(clock.slept).to.equal(0);
  });
});
