import { expect } from 'chai';
import { Simulator, startSimulator } from '../../simulator';
import { accessToken, api, records, refreshTokens } from './helpers';

describe('simulator faults on demand', () => {
  let sim: Simulator;
  let token: string;

  beforeEach(async () => {
    sim = await startSimulator({ rateLimit: false });
    token = await accessToken(sim);
    sim.resetStats();
  });
  afterEach(() => sim.close());

  const statusOf = async (path: string, method = 'GET'): Promise<number> => (await api(sim, token, path, { method, body: method === 'GET' ? undefined : {} })).status;

  it('answers 504 for pages heavier than the threshold, so a smaller limit passes', async () => {
    sim.setOptions({ heavyPage: { threshold: 25, weightPerRecord: 1 } });
    const heavy = await api(sim, token, 'Item.json?limit=26');
    expect(heavy.status).to.equal(504);
    expect(heavy.body).to.include({ httpCode: '504', httpMessage: 'Gateway Time-out' });
    expect(await statusOf('Item.json?limit=25')).to.equal(200);
    expect(await statusOf('Item/1.json')).to.equal(200);
    expect(sim.stats.faults.heavyPage).to.equal(1);
    expect(sim.stats.gatewayTimeouts).to.equal(1);
  });

  it('can make a 504 as slow as a gateway that waits before giving up', async () => {
    sim.setOptions({ heavyPage: { threshold: 25, weightPerRecord: 1, delayMs: 150 } });
    const started = Date.now();
    expect(await statusOf('Item.json?limit=26')).to.equal(504);
    expect(Date.now() - started).to.be.at.least(150);
    expect(sim.stats.log.at(-1)?.durationMs).to.be.at.least(150);
  });

  it('weighs loaded relations, and can answer with an HTML gateway page', async () => {
    sim.setOptions({ heavyPage: { threshold: 50, weightPerRecord: 1, weightPerRelation: 1, body: 'html' } });
    expect(await statusOf('Item.json?limit=25&load_relations=["Category"]')).to.equal(200);
    const heavy = await api(sim, token, 'Item.json?limit=25&load_relations=["Category","ItemShops"]');
    expect(heavy.status).to.equal(504);
    expect(heavy.headers.get('content-type')).to.equal('text/html');
    expect(heavy.text).to.contain('<title>504 Gateway Time-out</title>');
  });

  it('consumes scheduled failures in order, honouring match', async () => {
    sim.setOptions({
      failures: [
        { status: 503, count: 2 },
        { status: 500, count: 1, match: { path: 'Customer' } },
        { status: 502, count: 1, match: { method: 'POST', path: /Item\.json$/ } },
      ],
    });
    const statuses = [
      await statusOf('Item.json?limit=1'), await statusOf('Customer/1.json'), await statusOf('Customer/1.json'),
      await statusOf('Customer/1.json'), await statusOf('Item.json', 'POST'), await statusOf('Item.json?limit=1'),
    ];
    expect(statuses).to.deep.equal([503, 503, 500, 200, 502, 200]);
    expect(sim.options.failures).to.deep.equal([]);
    expect(sim.stats.faults.scheduled).to.equal(4);
  });

  it('sends Retry-After with a scheduled 429, and can fail the token endpoint when asked', async () => {
    sim.setOptions({ failures: [{ status: 429, count: 1, retryAfter: 3 }, { status: 502, count: 1, match: { path: '/auth/oauth/token' } }] });
    const limited = await api(sim, token, 'Item/1.json');
    expect(limited.status).to.equal(429);
    expect(limited.headers.get('retry-after')).to.equal('3');
    expect((await refreshTokens(sim).catch(() => ({ status: 502 }))).status).to.equal(502);
    expect(sim.stats.rateLimited).to.equal(1);
  });

  it('fails a seeded fraction of requests with the configured statuses', async () => {
    sim.setOptions({ failureRate: 1, failureStatuses: [503] });
    for (let i = 0; i < 5; i++) expect(await statusOf('Item/1.json')).to.equal(503);
    expect(sim.stats.faults.random).to.equal(5);
    const sequence = async (target: Simulator, targetToken: string): Promise<number[]> => {
      target.setOptions({ failureRate: 0.5, failureStatuses: [500, 502] });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await api(target, targetToken, 'Item/1.json')).status);
      return out;
    };
    const twins = [await startSimulator({ rateLimit: false }), await startSimulator({ rateLimit: false })];
    try {
      const first = await sequence(twins[0], await accessToken(twins[0]));
      expect(first).to.deep.equal(await sequence(twins[1], await accessToken(twins[1])));
      expect(new Set(first).size).to.be.greaterThan(1);
    } finally {
      await Promise.all(twins.map((twin) => twin.close()));
    }
  });

  it('adds latencyMs to every response and slows the next N responses', async () => {
    sim.setOptions({ latencyMs: 60 });
    let started = Date.now();
    await api(sim, token, 'Item/1.json');
    expect(Date.now() - started).to.be.at.least(55);
    sim.setOptions({ latencyMs: 0, slowResponses: { count: 1, delayMs: 150 } });
    started = Date.now();
    await api(sim, token, 'Item/1.json');
    expect(Date.now() - started).to.be.at.least(140);
    started = Date.now();
    await api(sim, token, 'Item/1.json');
    expect(Date.now() - started).to.be.below(100);
    expect(sim.stats.faults.slow).to.equal(1);
  });

  it('drops the connection mid-response', async () => {
    sim.setOptions({ dropConnections: { count: 1 } });
    let failure: unknown = null;
    try {
      const response = await fetch(`${sim.url}/API/V3/Account/123456/Item.json`, { headers: { Authorization: `Bearer ${token}` } });
      expect(response.status).to.equal(200);
      await response.text();
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(Error);
    expect(sim.stats.faults.dropped).to.equal(1);
    expect(await statusOf('Item/1.json')).to.equal(200);
  });

  it('answers 200 with a truncated, non-JSON body', async () => {
    sim.setOptions({ malformedBody: { count: 1 } });
    const broken = await api(sim, token, 'Item.json?limit=3');
    expect(broken.status).to.equal(200);
    expect(() => JSON.parse(broken.text)).to.throw(SyntaxError);
    expect(sim.stats.faults.malformed).to.equal(1);
    expect(records((await api(sim, token, 'Item.json?limit=3')).body, 'Item')).to.have.length(3);
  });

  it('logs exactly which requests were sent, bounded by logLimit', async () => {
    sim.setOptions({ logLimit: 3 });
    await api(sim, token, 'Item.json?limit=2');
    await api(sim, token, 'Item/9.json');
    await api(sim, token, 'Nope.json');
    await api(sim, token, 'Customer.json?firstName=Ada');
    expect(sim.stats.log.map((e) => [e.method, e.path, e.status, e.route])).to.deep.equal([
      ['GET', '/API/V3/Account/123456/Item/9.json', 200, 'GET Item/{itemID}.json'],
      ['GET', '/API/V3/Account/123456/Nope.json', 404, 'GET (unknown)'],
      ['GET', '/API/V3/Account/123456/Customer.json?firstName=Ada', 200, 'GET Customer.json'],
    ]);
    expect(sim.stats.requests).to.equal(4);
    expect(sim.stats.byRoute).to.deep.equal({ 'GET Item.json': 1, 'GET Item/{itemID}.json': 1, 'GET (unknown)': 1, 'GET Customer.json': 1 });
    expect(sim.stats.byStatus).to.deep.equal({ 200: 3, 404: 1 });
  });
});
