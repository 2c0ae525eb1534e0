import { expect } from 'chai';
import { Simulator, WireObject } from '../../simulator';
import { api, attributes, records, useUnthrottledSimulator, walk } from './helpers';

/** Expected order of active Items for a sort: (key, itemID) ascending, exactly reversed for `-field`. */
function expectedOrder(sim: Simulator, sort: string): number[] {
  const descending = sort.startsWith('-');
  const field = descending ? sort.slice(1) : sort;
  const key = (row: WireObject): string | number => (field === 'itemID' ? Number(row.itemID) : String(row[field]).toLowerCase());
  const rows = sim.store.list('Item').filter((r) => r.archived !== 'true');
  const sorted = [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : Number(a.itemID) - Number(b.itemID);
  });
  if (descending) sorted.reverse();
  return sorted.map((r) => Number(r.itemID));
}

describe('simulator cursor pagination', () => {
  let sim: Simulator;
  let token: string;

  useUnthrottledSimulator((started, startedToken) => { sim = started; token = startedToken; });

  it('seeds a 40-item timeStamp tie at itemIDs 81..120, straddling the limit-100 page boundary', () => {
    const tied = sim.store.list('Item').filter((r) => r.timeStamp === '2024-01-01T01:21:00+00:00').map((r) => Number(r.itemID));
    expect(tied).to.deep.equal(Array.from({ length: 40 }, (_, i) => 81 + i));
    expect(sim.store.get('Item', 80)?.timeStamp).to.equal('2024-01-01T01:20:00+00:00');
    expect(sim.store.get('Item', 121)?.timeStamp).to.equal('2024-01-01T02:01:00+00:00');
  });

  for (const sort of ['itemID', '-itemID', 'timeStamp', '-timeStamp', 'description', '-description']) {
    for (const limit of [1, 7, 25, 100]) {
      it(`walking next with sort=${sort} limit=${limit} returns every record exactly once, in order`, async () => {
        const { ids, pages } = await walk(sim, token, `Item.json?sort=${sort}&limit=${limit}`, 'Item', 'itemID');
        expect(ids).to.deep.equal(expectedOrder(sim, sort));
        expect(new Set(ids).size).to.equal(245);
        expect(pages).to.equal(Math.ceil(245 / limit));
      });
    }
  }

  it('loses nothing when the client changes limit= between pages', async () => {
    const sizes = [3, 50, 1, 100, 7, 13];
    const { ids } = await walk(sim, token, 'Item.json?sort=timeStamp&limit=40', 'Item', 'itemID', (page) => sizes[page % sizes.length]);
    expect(ids).to.deep.equal(expectedOrder(sim, 'timeStamp'));
  });

  it('puts defaults and the original query into next links, with an opaque base64 cursor', async () => {
    const { body } = await api(sim, token, `Item.json?description=${encodeURIComponent('~,%Mug%')}&load_relations=${encodeURIComponent('["Category"]')}&limit=2`);
    const next = attributes(body).next;
    expect(next).to.match(/^http:\/\/127\.0\.0\.1:\d+\/API\/V3\/Account\/123456\/Item\.json\?/);
    const url = new URL(next);
    expect(url.searchParams.get('description')).to.equal('~,%Mug%');
    expect(url.searchParams.get('load_relations')).to.equal('["Category"]');
    expect(url.searchParams.get('sort')).to.equal('itemID');
    expect(url.searchParams.get('limit')).to.equal('2');
    const last = records(body, 'Item')[1];
    expect(JSON.parse(Buffer.from(url.searchParams.get('after') ?? '', 'base64').toString())).to.deep.equal([Number(last.itemID)]);
    const byTime = await api(sim, token, 'Item.json?sort=timeStamp&limit=100');
    const cursor = new URL(attributes(byTime.body).next).searchParams.get('after') ?? '';
    expect(JSON.parse(Buffer.from(cursor, 'base64').toString())).to.deep.equal(['2024-01-01T01:21:00+00:00', 100]);
  });

  it('encodes the cursor after itemID 100 as WzEwMF0%3D, as recorded from the real API', async () => {
    const { body } = await api(sim, token, 'Item.json');
    expect(attributes(body).next).to.equal(`${sim.url}/API/V3/Account/123456/Item.json?sort=itemID&limit=100&after=WzEwMF0%3D`);
  });

  it('follows previous back to the page before, and the first page has previous ""', async () => {
    const first = await api(sim, token, 'Item.json?sort=-timeStamp&limit=30');
    expect(attributes(first.body).previous).to.equal('');
    const second = await api(sim, token, attributes(first.body).next);
    const third = await api(sim, token, attributes(second.body).next);
    const back = await api(sim, token, attributes(third.body).previous);
    expect(records(back.body, 'Item').map((r) => r.itemID)).to.deep.equal(records(second.body, 'Item').map((r) => r.itemID));
    const backAgain = await api(sim, token, attributes(back.body).previous);
    expect(records(backAgain.body, 'Item').map((r) => r.itemID)).to.deep.equal(records(first.body, 'Item').map((r) => r.itemID));
    expect(attributes(backAgain.body).previous).to.equal('');
  });

  it('walks a filtered query and the last page has next ""', async () => {
    const { ids } = await walk(sim, token, `Item.json?itemID=${encodeURIComponent('><,90,130')}&sort=timeStamp&limit=7`, 'Item', 'itemID');
    expect(ids).to.deep.equal(Array.from({ length: 41 }, (_, i) => 90 + i));
    const last = await api(sim, token, 'Item.json?limit=100&after=WzIwMF0%3D');
    expect(records(last.body, 'Item').map((r) => Number(r.itemID))).to.deep.equal(Array.from({ length: 45 }, (_, i) => 201 + i));
    expect(attributes(last.body).next).to.equal('');
  });

  it('rejects a cursor that does not fit the sort, and limits outside 1..100', async () => {
    expect((await api(sim, token, 'Item.json?sort=timeStamp&after=WzEwMF0%3D')).status).to.equal(400);
    expect((await api(sim, token, 'Item.json?after=bm90IGpzb24%3D')).status).to.equal(400);
    expect((await api(sim, token, 'Item.json?limit=0')).status).to.equal(400);
    expect((await api(sim, token, 'Item.json?limit=abc')).status).to.equal(400);
    expect((await api(sim, token, 'Item.json?limit=100')).status).to.equal(200);
  });

  it('walks a nested collection (Sale/{saleID}/SaleLine.json) within its parent', async () => {
    const { ids } = await walk(sim, token, 'Sale/3/SaleLine.json?limit=1', 'SaleLine', 'saleLineID');
    const expected = sim.store.list('SaleLine').filter((l) => l.saleID === '3').map((l) => Number(l.saleLineID));
    expect(ids).to.deep.equal(expected);
    expect(ids).to.have.length(3);
  });
});
