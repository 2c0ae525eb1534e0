import { expect } from 'chai';
import { Simulator } from '../../simulator';
import { api, records, useUnthrottledSimulator } from './helpers';

/** A literal value escaped for Lightspeed's second decoding, then URL-encoded for the query string. */
const twice = (value: string): string => encodeURIComponent(encodeURIComponent(value));

describe('simulator query values: decoded twice, like Lightspeed', () => {
  let sim: Simulator;
  let token: string;
  const skus = ['A,B', '50%', 'X|Y', 'K=V', 'C++ & co', '%41'];
  const ids: Record<string, number> = {};

  useUnthrottledSimulator((started, startedToken) => { sim = started; token = startedToken; });
  before(() => {
    for (const sku of skus) ids[sku] = Number(sim.store.create('Item', { description: sku, customSku: sku }).itemID);
  });

  async function skuQuery(query: string): Promise<{ status: number; ids: number[]; message: unknown }> {
    const response = await api(sim, token, `Item.json?${query}`);
    return { status: response.status, ids: records(response.body, 'Item').map((r) => Number(r.itemID)), message: response.body.message };
  }

  it('a value escaped a second time matches exactly, whatever it holds', async () => {
    for (const sku of skus) expect((await skuQuery(`customSku=${twice(sku)}`)).ids, sku).to.deep.equal([ids[sku]]);
  });

  it('a value escaped only once is read as Lightspeed reads it: split on its comma, decoded again', async () => {
    const comma = await skuQuery(`customSku=${encodeURIComponent('A,B')}`);
    expect(comma.status).to.equal(400);
    expect(comma.message).to.match(/Invalid operator 'A'/);
    expect((await skuQuery(`customSku=${encodeURIComponent('=,A,B')}`)).status).to.equal(400);
    // "%41" decoded a second time is "A": it finds no Item whose customSku is "%41".
    expect((await skuQuery(`customSku=${encodeURIComponent('%41')}`)).ids).to.deep.equal([]);
  });

  it('operands of or, IN and LIKE are decoded a second time too', async () => {
    const or = `or=${encodeURIComponent(`customSku=${encodeURIComponent('X|Y')}|customSku=${encodeURIComponent('K=V')}`)}`;
    expect((await skuQuery(or)).ids).to.deep.equal([ids['X|Y'], ids['K=V']]);
    const list = `customSku=${encodeURIComponent(`IN,${encodeURIComponent('A,B')},${encodeURIComponent('50%')}`)}`;
    expect((await skuQuery(list)).ids).to.deep.equal([ids['A,B'], ids['50%']]);
    expect((await skuQuery(`customSku=${encodeURIComponent('~,%++%')}`)).ids).to.deep.equal([ids['C++ & co']]);
  });
});

describe('simulator relation search on an embedded Contact (Contact.email)', () => {
  let sim: Simulator;
  let token: string;

  useUnthrottledSimulator((started, startedToken) => { sim = started; token = startedToken; });
  afterEach(() => sim.setOptions({ contactEmailSearch: 'match' }));

  const emailQuery = (address: string) => `Customer.json?load_relations=${encodeURIComponent('["Contact"]')}&Contact.email=${twice(address)}`;

  it('matches any of a customer\'s addresses (case-insensitively, like the other text filters)', async () => {
    // Seeded customer 1 has two addresses (the second ends in ".2@example.com").
    const response = await api(sim, token, emailQuery(String(secondAddressOf(sim, 1)).toUpperCase()));
    expect(response.status).to.equal(200);
    expect(records(response.body, 'Customer').map((c) => c.customerID)).to.deep.equal(['1']);
  });

  it('needs the Contact relation loaded', async () => {
    const response = await api(sim, token, 'Customer.json?Contact.email=a%40example.com');
    expect(response.status).to.equal(400);
  });

  it('can answer as a Lightspeed that refuses the field, or one that ignores it', async () => {
    const address = String(secondAddressOf(sim, 1));
    sim.setOptions({ contactEmailSearch: 'reject' });
    const refused = await api(sim, token, emailQuery(address));
    expect([refused.status, refused.body.message]).to.deep.equal([400, "Invalid search field 'Contact.email'"]);
    sim.setOptions({ contactEmailSearch: 'ignore' });
    const ignored = await api(sim, token, emailQuery(address));
    expect(records(ignored.body, 'Customer').length).to.be.greaterThan(1);
  });
});

/** The second e-mail address of a seeded customer, as the store holds it. */
function secondAddressOf(sim: Simulator, customerID: number): unknown {
  const contact = sim.store.getEmbedded('Customer', 'Contact', customerID) as { Emails: { ContactEmail: Array<{ address: string }> } };
  return contact.Emails.ContactEmail[1].address;
}
