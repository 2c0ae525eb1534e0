import { expect } from 'chai';
import * as http from 'node:http';
import { Simulator, startSimulator } from '../../simulator';
import { accessToken } from './helpers';

/** GET over a keep-alive agent; returns status and body text. */
function get(agent: http.Agent, url: string, token: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    http.get(url, { agent, headers: { Authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    }).on('error', reject);
  });
}

describe('simulator at 100,000 Items', function () {
  this.timeout(120_000);
  let sim: Simulator;
  let token: string;
  const agent = new http.Agent({ keepAlive: true });

  before(async () => {
    sim = await startSimulator({ rateLimit: false, items: 100_000, logLimit: 1000 });
    token = await accessToken(sim);
  });
  after(async () => {
    agent.destroy();
    await sim.close();
  });

  it('keeps the seed facts: tie group 81..120, ids 1..100000, 3 ItemShops each', () => {
    expect(sim.store.list('Item')).to.have.length(100_000);
    expect(sim.store.list('ItemShop')).to.have.length(300_000);
    expect(sim.store.get('Item', 100)?.timeStamp).to.equal(sim.store.get('Item', 81)?.timeStamp);
    expect(sim.store.get('Item', 100_000)?.timeStamp).to.equal('2024-03-10T10:40:00+00:00');
  });

  it('serves full 100-record pages from its indexes, deep cursors included', async () => {
    const base = `${sim.url}/API/V3/Account/123456/`;
    const firstIds = async (path: string): Promise<number[]> => {
      const response = await get(agent, base + path, token);
      expect(response.status, path).to.equal(200);
      const body = JSON.parse(response.text) as { Item: Array<{ itemID: string }>; '@attributes': { next: string } };
      expect(body.Item, path).to.have.length(100);
      expect(body['@attributes'].next, path).to.not.equal('');
      return body.Item.slice(0, 2).map((item) => Number(item.itemID));
    };
    expect(await firstIds('Item.json')).to.deep.equal([1, 2]);
    expect(await firstIds(`Item.json?after=${encodeURIComponent(Buffer.from('[90000]').toString('base64'))}`)).to.deep.equal([90001, 90002]);
    const sinceMidFebruary = await firstIds(`Item.json?sort=timeStamp&timeStamp=${encodeURIComponent('>,2024-02-15T00:00:00+00:00')}`);
    expect(Date.parse(String(sim.store.get('Item', sinceMidFebruary[0])?.timeStamp))).to.be.greaterThan(Date.parse('2024-02-15T00:00:00Z'));
    expect(await firstIds('Item.json?sort=-description')).to.have.length(2);
  });

  it('keeps the request log bounded', async () => {
    for (let i = 0; i < 1100; i++) await get(agent, `${sim.url}/API/V3/Account/123456/Item/1.json`, token);
    expect(sim.stats.requests).to.be.greaterThan(1100);
    expect(sim.stats.log.length).to.equal(1000);
  });
});
