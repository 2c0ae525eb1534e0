import { expect } from 'chai';
import { Simulator, SimulatorOptions, startSimulator } from '../../simulator';
import { ApiResponse, FakeClock, accessToken, api } from './helpers';

describe('simulator rate limits', () => {
  let sim: Simulator;
  let token: string;
  const clock = new FakeClock();

  async function start(options: Partial<SimulatorOptions>): Promise<void> {
    clock.ms = Date.UTC(2025, 0, 1);
    sim = await startSimulator({ now: clock.now, ...options });
    token = await accessToken(sim);
  }
  afterEach(() => sim.close());

  const level = (r: ApiResponse): string | null => r.headers.get('x-ls-api-bucket-level');
  const cost = (r: ApiResponse): string | null => r.headers.get('x-ls-api-request-cost');

  it('serves the request that crosses the bucket size, then 429s with Retry-After until it drains', async () => {
    await start({ bucketSize: 10, dripRate: 1 });
    const burst: ApiResponse[] = [];
    for (let i = 0; i < 15; i++) burst.push(await api(sim, token, 'Item/1.json'));
    expect(burst.map((r) => r.status)).to.deep.equal([...Array(11).fill(200), ...Array(4).fill(429)]);
    expect(burst.slice(0, 11).map(level)).to.deep.equal(Array.from({ length: 11 }, (_, i) => `${i + 1}/10`));
    const blocked = burst[11];
    expect(blocked.headers.get('retry-after')).to.equal('1');
    expect(blocked.headers.get('x-ls-api-ratelimit-type')).to.equal('api-leaky-bucket');
    expect(level(blocked)).to.equal('11/10');
    expect(blocked.body).to.deep.equal({ httpCode: '429', httpMessage: 'Too Many Requests', message: 'Rate limit exceeded: the leaky bucket is full', errorClass: 'RateLimitException' });
    expect(burst[0].headers.get('x-ls-api-drip-rate')).to.equal('1');
    expect(burst[0].headers.get('x-ls-acct-id')).to.equal('123456');
    expect(sim.stats.bucketLimited).to.equal(4);
    expect(sim.stats.rateLimited).to.equal(4);

    clock.advance(0.5);
    const half = await api(sim, token, 'Item/1.json');
    expect(half.status).to.equal(429);
    expect(level(half)).to.equal('10.5/10');
    clock.advance(0.5);
    const served = await api(sim, token, 'Item/1.json');
    expect(served.status).to.equal(200);
    expect(level(served)).to.equal('11/10');
    clock.advance(3);
    expect(level(await api(sim, token, 'Item/1.json'))).to.equal('9/10');
  });

  it('rounds Retry-After up to whole seconds at the drip rate', async () => {
    await start({ bucketSize: 10, dripRate: 0.5 });
    for (let i = 0; i < 11; i++) await api(sim, token, 'Item/1.json');
    const blocked = await api(sim, token, 'Item/1.json');
    expect(blocked.status).to.equal(429);
    expect(blocked.headers.get('retry-after')).to.equal('2');
    clock.advance(2);
    expect((await api(sim, token, 'Item/1.json')).status).to.equal(200);
  });

  it('charges the current cost model: relations, count, per-endpoint writes, nested payloads', async () => {
    await start({ bucketSize: 1000, dripRate: 1 });
    const relations = encodeURIComponent('["Category","ItemShops"]');
    const query = await api(sim, token, `Item.json?limit=5&load_relations=${relations}`);
    expect(cost(query)).to.equal('1.6');
    expect(level(query)).to.equal('1.6/1000');
    expect(cost(await api(sim, token, `Item/1.json?load_relations=${relations}`))).to.equal('1.3');
    expect(cost(await api(sim, token, 'Item.json?count=1'))).to.equal('10');
    expect(cost(await api(sim, token, `Item.json?or=${encodeURIComponent('itemID=1|upc=2')}`))).to.equal('3');
    expect(cost(await api(sim, token, 'Item.json', { method: 'POST', body: { description: 'x' } }))).to.equal('1');
    expect(cost(await api(sim, token, 'Category.json', { method: 'POST', body: { name: 'x' } }))).to.equal('10');
    expect(cost(await api(sim, token, 'Sale/4.json', { method: 'PUT', body: { referenceNumber: 'r' } }))).to.equal('2');
    expect(cost(await api(sim, token, 'Sale/4.json', { method: 'PUT', body: { completed: true } }))).to.equal('5');
    const withLines = await api(sim, token, 'Sale.json', { method: 'POST', body: { shopID: 1, SaleLines: { SaleLine: [{ itemID: 1 }, { itemID: 2 }] } } });
    expect(withLines.status).to.equal(200);
    expect(cost(withLines)).to.equal('3');
    expect(cost(await api(sim, token, 'Sale/4/SaleLine.json', { method: 'POST', body: { itemID: 3 } }))).to.equal('2');
  });

  it('charges the legacy model: GET 1, writes 10', async () => {
    await start({ bucketSize: 60, dripRate: 1, costModel: 'legacy' });
    expect(cost(await api(sim, token, 'Item.json?limit=1&load_relations=["Category"]'))).to.equal('1');
    const post = await api(sim, token, 'Item.json', { method: 'POST', body: { description: 'x' } });
    expect(cost(post)).to.equal('10');
    expect(level(post)).to.equal('11/60');
    expect(cost(await api(sim, token, 'Item/1.json', { method: 'DELETE' }))).to.equal('10');
  });

  it('applies the burst limiter per fixed 1-second window', async () => {
    await start({ bucketSize: 90, dripRate: 1, burstLimit: 3 });
    const served = [await api(sim, token, 'Item/1.json'), await api(sim, token, 'Item/1.json'), await api(sim, token, 'Item/1.json')];
    expect(served.map((r) => r.headers.get('x-ls-api-burst-level'))).to.deep.equal(['1/3', '2/3', '3/3']);
    const blocked = await api(sim, token, 'Item/1.json');
    expect(blocked.status).to.equal(429);
    expect(blocked.headers.get('x-ls-api-ratelimit-type')).to.equal('api-burst-limiter');
    expect(blocked.headers.get('retry-after')).to.equal('1');
    expect(blocked.headers.get('x-ls-api-burst-level')).to.equal('3/3');
    expect(String(blocked.body.message)).to.contain('burst rate limit exceeded');
    expect(level(blocked)).to.equal(null);
    clock.advance(1);
    const next = await api(sim, token, 'Item/1.json');
    expect(next.status).to.equal(200);
    expect(next.headers.get('x-ls-api-burst-level')).to.equal('1/3');
    expect(level(next)).to.equal('3/90');
    expect(sim.stats.burstLimited).to.equal(1);
  });

  it('can omit Retry-After', async () => {
    await start({ bucketSize: 2, dripRate: 1, retryAfterHeader: false });
    for (let i = 0; i < 3; i++) await api(sim, token, 'Item/1.json');
    const blocked = await api(sim, token, 'Item/1.json');
    expect(blocked.status).to.equal(429);
    expect(blocked.headers.has('retry-after')).to.equal(false);
  });

  it('can be switched off, and options change between requests', async () => {
    await start({ bucketSize: 2, dripRate: 1, rateLimit: false });
    for (let i = 0; i < 20; i++) expect((await api(sim, token, 'Item/1.json')).status).to.equal(200);
    sim.setOptions({ rateLimit: true });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await api(sim, token, 'Item/1.json')).status);
    expect(statuses).to.deep.equal([200, 200, 200, 429]);
    sim.resetRateLimits();
    expect((await api(sim, token, 'Item/1.json')).status).to.equal(200);
  });

  it('samples the bucket level over time', async () => {
    await start({ bucketSize: 90, dripRate: 2 });
    await api(sim, token, 'Item/1.json');
    clock.advance(0.25);
    await api(sim, token, 'Item/1.json');
    clock.advance(1);
    await api(sim, token, 'Item/1.json');
    const t0 = Date.UTC(2025, 0, 1);
    expect(sim.stats.bucketSamples).to.deep.equal([
      { time: t0, level: 1 },
      { time: t0 + 250, level: 1.5 },
      { time: t0 + 1250, level: 1 },
    ]);
  });
});
