import { expect } from 'chai';
import { Simulator } from '../../simulator';
import { RecordedGroup, bookForGroup, documentedKeys, recordedBook, recordedGroups } from '../helpers/recordedShapes';
import { shapeDifferences } from '../helpers/wireShapes';
import { ApiResponse, api, useUnthrottledSimulator } from './helpers';

/** The seeded record each recorded entity is compared with (one whose relations hold something). */
const SIMULATED: Record<string, string> = {
  Vendor: 'Vendor/1.json', Employee: 'Employee/1.json', Sale: 'Sale/3.json', SaleLine: 'SaleLine/1.json',
  Customer: 'Customer/10.json', Category: 'Category/7.json', Item: 'Item/1.json', PriceLevel: 'PriceLevel/1.json',
  Shop: 'Shop/1.json', ItemMatrix: 'ItemMatrix/1.json', ItemAttributeSet: 'ItemAttributeSet/1.json',
  Order: 'Order/1.json', SpecialOrder: 'SpecialOrder/1.json', Account: '/API/V3/Account.json',
};

/** Records a recorded PUT changed without creating them first (the cassette's Sale 1 has lines and a TaxCategory). */
const CHANGED_IN_PLACE: Record<string, string> = { Sale: 'Sale/3.json' };

/** Recorded entities the V3 API has no endpoint for. */
const NOT_IN_V3: Record<string, string> = { Inventory: 'the old API\'s Inventory.json; V3 serves stock as ItemShop' };


describe('simulator answers in the recorded shape', () => {
  let sim: Simulator;
  let token: string;
  useUnthrottledSimulator((started, startedToken) => { sim = started; token = startedToken; });
  const groups = recordedGroups();
  const book = recordedBook(groups);

  for (const group of groups.filter((g) => g.method === 'GET')) {
    const title = `${group.entity} read with load_relations=${group.loadRelations ?? '(none)'}`;
    const path = SIMULATED[group.entity];
    if (!path) {
      it.skip(`${title}: ${NOT_IN_V3[group.entity] ?? 'no simulated record to compare'}`);
      continue;
    }
    it(title, async () => {
      const query = group.loadRelations ? `?load_relations=${encodeURIComponent(group.loadRelations)}` : '';
      const { status, body } = await api(sim, token, path + query);
      expect(status, JSON.stringify(body)).to.equal(200);
      const options = { documented: documentedKeys };
      expect(shapeDifferences(bookForGroup(book, group), group.entity, body[group.entity], options)).to.deep.equal([]);
    });
  }

  /** Repeats a recorded write; PUT and DELETE address a record the entity's recorded POST creates first. */
  async function repeatWrite(group: RecordedGroup): Promise<ApiResponse> {
    if (group.method === 'POST') return api(sim, token, `${group.entity}.json`, { method: 'POST', body: group.requestBody });
    const existing = group.method === 'PUT' ? CHANGED_IN_PLACE[group.entity] : undefined;
    if (existing) return api(sim, token, existing, { method: 'PUT', body: group.requestBody });
    const create = groups.find((g) => g.entity === group.entity && g.method === 'POST');
    const created = await api(sim, token, `${group.entity}.json`, { method: 'POST', body: create?.requestBody ?? '{}' });
    const id = String((created.body[group.entity] as Record<string, unknown>)[`${group.entity[0].toLowerCase()}${group.entity.slice(1)}ID`]);
    return api(sim, token, `${group.entity}/${id}.json`, { method: group.method, body: group.requestBody || undefined });
  }

  for (const group of groups.filter((g) => g.method !== 'GET')) {
    it(`${group.entity} ${group.method} answers the whole record`, async () => {
      const { status, body } = await repeatWrite(group);
      expect(status, JSON.stringify(body)).to.equal(200);
      const options = { documented: documentedKeys };
      expect(shapeDifferences(bookForGroup(book, group), group.entity, body[group.entity], options)).to.deep.equal([]);
    });
  }

  // Recorded as {"VendorRep": {...}}; the simulator takes the element's name from the catalog's wrappers.
  it('Vendor.Reps holds named elements', async () => {
    const { body } = await api(sim, token, 'Vendor/1.json?load_relations=all');
    const reps = (body.Vendor as Record<string, unknown>).Reps;
    expect(reps).to.be.an('object').with.keys('VendorRep');
    const group = groups.find((g) => g.entity === 'Vendor' && g.loadRelations === 'all') as RecordedGroup;
    expect(shapeDifferences(bookForGroup(book, group), 'Vendor', body.Vendor, { documented: documentedKeys })).to.deep.equal([]);
  });

  // The recordings' README: one value of a list of values bare, several an array (ItemMatrix attribute1Values).
  it('ItemMatrix 1 sends its lists of values collapsed: one bare, several an array, none ""', async () => {
    const { body } = await api(sim, token, 'ItemMatrix/1.json');
    expect(body.ItemMatrix).to.deep.include({ attribute1Values: 'Natural', attribute2Values: ['M', 'L'], attribute3Values: '' });
    const all = await api(sim, token, 'ItemMatrix/1.json?load_relations=all');
    expect(all.body.ItemMatrix, 'plain fields, not relations').to.deep.include({ attribute1Values: 'Natural', attribute2Values: ['M', 'L'] });
  });

  it('a posted list of values is answered and stored collapsed; one left out is ""', async () => {
    const created = await api(sim, token, 'ItemMatrix.json', {
      method: 'POST', body: { description: 'Wool Hat', attribute1Values: ['Red'], attribute2Values: ['S', 'M'] },
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(200);
    const matrix = created.body.ItemMatrix as Record<string, unknown>;
    expect(matrix).to.deep.include({ attribute1Values: 'Red', attribute2Values: ['S', 'M'], attribute3Values: '' });
    const read = await api(sim, token, `ItemMatrix/${String(matrix.itemMatrixID)}.json`);
    expect(read.body.ItemMatrix).to.deep.include({ attribute1Values: 'Red', attribute2Values: ['S', 'M'], attribute3Values: '' });
    const emptied = await api(sim, token, `ItemMatrix/${String(matrix.itemMatrixID)}.json`, { method: 'PUT', body: { attribute2Values: [] } });
    expect(emptied.body.ItemMatrix).to.deep.include({ attribute1Values: 'Red', attribute2Values: '' });
  });

  // A real account's Shop: a register paired with a payment terminal carries its UUID, one without "" (issue 29).
  it('Shops\' Registers carry ccTerminalID as real accounts send it: a UUID, or ""', async () => {
    const terminal = async (shopID: number): Promise<unknown> => {
      const { body } = await api(sim, token, `Shop/${shopID}.json?load_relations=${encodeURIComponent('["Registers"]')}`);
      return ((body.Shop as Record<string, unknown>).Registers as { Register: Record<string, unknown> }).Register.ccTerminalID;
    };
    expect(await terminal(1)).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await terminal(2)).to.equal('');
  });
});
