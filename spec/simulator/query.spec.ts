import { expect } from 'chai';
import { Simulator } from '../../simulator';
import { api, records, useUnthrottledSimulator } from './helpers';

describe('simulator query filters', () => {
  let sim: Simulator;
  let token: string;

  useUnthrottledSimulator((started, startedToken) => { sim = started; token = startedToken; });

  /** Item ids a query returns (one page of up to 100). */
  async function itemIds(query: string): Promise<number[]> {
    const response = await api(sim, token, `Item.json?${query}`);
    expect(response.status, response.text).to.equal(200);
    return records(response.body, 'Item').map((r) => Number(r.itemID));
  }

  const enc = encodeURIComponent;
  const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('= (plain value and explicit =,)', async () => {
    expect(await itemIds('itemID=5')).to.deep.equal([5]);
    expect(await itemIds(`itemID=${enc('=,6')}`)).to.deep.equal([6]);
    expect(await itemIds('customSku=sku-000007')).to.deep.equal([7]);
  });

  it('!=', async () => {
    const ids = await itemIds(`itemID=${enc('!=,2')}&itemID=${enc('<=,4')}`);
    expect(ids).to.deep.equal([1, 3, 4]);
  });

  it('<, <=, >, >= on integers (URL-encoded operator and comma)', async () => {
    expect(await itemIds('itemID=%3C%2C5')).to.deep.equal([1, 2, 3, 4]);
    expect(await itemIds('itemID=%3C%3D%2C5')).to.deep.equal([1, 2, 3, 4, 5]);
    expect(await itemIds('itemID=%3E%2C240')).to.deep.equal([241, 242, 243, 244, 245]);
    expect(await itemIds('itemID=%3E%3D%2C244')).to.deep.equal([244, 245]);
  });

  it('>< is an inclusive between', async () => {
    expect(await itemIds(`itemID=${enc('><,10,12')}`)).to.deep.equal([10, 11, 12]);
  });

  it('compares floats numerically', async () => {
    const expected = sim.store.list('Item').filter((r) => r.archived === 'false' && Number(r.defaultCost) > 140).map((r) => Number(r.itemID));
    expect(expected.length).to.be.greaterThan(0);
    expect(await itemIds(`defaultCost=${enc('>,140')}`)).to.deep.equal(expected);
  });

  it('~ and !~ are case-insensitive LIKE with % wildcards', async () => {
    expect(await itemIds(`customSku=${enc('~,sku-00001%')}`)).to.deep.equal(range(10, 19));
    expect(await itemIds(`customSku=${enc('!~,SKU-00000%')}&itemID=${enc('<=,12')}`)).to.deep.equal([10, 11, 12]);
    const mugs = sim.store.list('Item').filter((r) => r.archived === 'false' && /mug/i.test(String(r.description))).map((r) => Number(r.itemID));
    expect(mugs.length).to.be.greaterThan(0);
    expect(await itemIds(`description=${enc('~,%MUG%')}`)).to.deep.equal(mugs.slice(0, 100));
  });

  it('IN takes a JSON array or a comma list', async () => {
    expect(await itemIds(`itemID=${enc('IN,[3,1,200]')}`)).to.deep.equal([1, 3, 200]);
    expect(await itemIds(`itemID=${enc('IN,3,1,200')}`)).to.deep.equal([1, 3, 200]);
    expect(await itemIds(`customSku=${enc('IN,["SKU-000004","SKU-000009"]')}`)).to.deep.equal([4, 9]);
  });

  it('or= combines operands, including operator operands', async () => {
    expect(await itemIds(`or=${enc('itemID=3|itemID=200')}`)).to.deep.equal([3, 200]);
    expect(await itemIds(`or=${enc('customSku=~,SKU-000011|upc=400000000222')}`)).to.deep.equal([11, 222]);
    expect(await itemIds(`or=${enc('itemID=>=,244|itemID=<,2')}`)).to.deep.equal([1, 244, 245]);
  });

  it('compares datetimes by instant whatever the offset', async () => {
    expect(await itemIds(`timeStamp=${enc('>,2024-01-01T01:21:00+00:00')}&itemID=${enc('<=,125')}`)).to.deep.equal(range(121, 125));
    expect(await itemIds(`timeStamp=${enc('>=,2023-12-31T21:21:00-0400')}&itemID=${enc('<=,125')}`)).to.deep.equal(range(81, 125));
    expect(await itemIds(`timeStamp=${enc('<,2024-01-01T04:03:00+04:00')}`)).to.deep.equal([1, 2]);
    // An unencoded "+" arrives as a space; the offset still counts.
    expect(await itemIds('timeStamp=%3E%3D%2C2024-01-01T02:04:00+00:00&itemID=%3C%3D%2C125')).to.deep.equal(range(124, 125));
    expect(await itemIds(`timeStamp=${enc('><,2024-01-01T00:02:00Z,2024-01-01T00:04:00Z')}`)).to.deep.equal([2, 3, 4]);
  });

  it('archived=false (default), true and only', async () => {
    expect(await itemIds('itemID=%3E%2C243')).to.deep.equal([244, 245]);
    expect(await itemIds('itemID=%3E%2C243&archived=false')).to.deep.equal([244, 245]);
    expect(await itemIds('itemID=%3E%2C243&archived=true')).to.deep.equal(range(244, 250));
    expect(await itemIds('archived=only')).to.deep.equal(range(246, 250));
    expect((await api(sim, token, 'Item.json?archived=maybe')).status).to.equal(400);
  });

  it('searches a loaded relation (Category.name)', async () => {
    const expected = sim.store.list('Item').filter((r) => r.categoryID === '2' && r.archived === 'false').map((r) => Number(r.itemID));
    expect(await itemIds(`load_relations=${enc('["Category"]')}&Category.name=Footwear`)).to.deep.equal(expected);
    expect((await api(sim, token, 'Item.json?Category.name=Footwear')).status).to.equal(400);
  });

  it('itemCode matches itemID, upc or ean', async () => {
    expect(await itemIds('itemCode=400000000042')).to.deep.equal([42]);
    expect(await itemIds('itemCode=2000000000043')).to.deep.equal([43]);
    expect(await itemIds('itemCode=44')).to.deep.equal([44]);
  });

  it('filters booleans given as true/false or 1/0', async () => {
    const expected = sim.store.list('Item').filter((r) => r.publishToEcom === 'true' && r.archived === 'false').length;
    expect((await api(sim, token, 'Item.json?publishToEcom=true&count=1')).body).to.deep.equal({ '@attributes': { count: String(expected) } });
    expect((await api(sim, token, 'Item.json?publishToEcom=1&count=1')).body).to.deep.equal({ '@attributes': { count: String(expected) } });
  });

  it('answers 400 for malformed operands and unknown fields', async () => {
    const bad = await api(sim, token, 'Item.json?itemID=abc');
    expect(bad.status).to.equal(400);
    expect(bad.body).to.deep.equal({ httpCode: '400', httpMessage: 'Bad Request', message: 'Invalid value for itemID: "abc" is not a number', errorClass: 'InvalidQueryException' });
    expect((await api(sim, token, `Item.json?timeStamp=${enc('>,yesterday')}`)).status).to.equal(400);
    expect((await api(sim, token, `Item.json?itemID=${enc('><,1')}`)).status).to.equal(400);
    expect((await api(sim, token, 'Item.json?color=red')).body.message).to.equal("Invalid search field 'color' for Item");
    expect((await api(sim, token, 'Item.json?offset=100')).status).to.equal(400);
  });

  it('filters Customers by name and customer type', async () => {
    const first = sim.store.get('Customer', 1);
    const expected = sim.store.list('Customer').filter((c) => c.lastName === first?.lastName && c.archived === 'false').map((c) => c.customerID);
    const { body } = await api(sim, token, `Customer.json?lastName=${enc(String(first?.lastName))}`);
    expect(records(body, 'Customer').map((c) => c.customerID)).to.deep.equal(expected);
    const wholesale = await api(sim, token, 'Customer.json?customerTypeID=2&count=1');
    expect(wholesale.body).to.deep.equal({ '@attributes': { count: '12' } });
  });
});
