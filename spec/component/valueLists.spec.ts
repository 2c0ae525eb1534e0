import { expect } from 'chai';
import * as create from '../../lib/actions/createObject';
import * as lookup from '../../lib/actions/lookupObjectById';
import * as update from '../../lib/actions/updateObject';
import { Simulator } from '../../simulator';
import { apiRequests, run, simulatorWith } from '../helpers/component';
import { schemaViolations } from '../helpers/recordChecks';

type Cfg = Awaited<ReturnType<typeof simulatorWith>>['cfg'];
type Row = Record<string, unknown>;

/**
 * ItemMatrix's attribute1Values..attribute3Values: Lightspeed sends one value bare and several as an array (the
 * recordings' README); the simulator's ItemMatrix 1 holds "Natural", ["M", "L"] and "". A mapping always gets arrays.
 */
describe('lists of values (ItemMatrix attribute values) through the actions', () => {
  let sim: Simulator;
  let cfg: Cfg;
  beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 10, customers: 1, sales: 1 })));
  afterEach(() => sim.close());
  const step = () => cfg({ objectType: 'ItemMatrix' });

  it('Lookup emits arrays for one value (sent bare), several (sent as an array) and none (sent "")', async () => {
    const found = await run(lookup, { id: 1 }, step());
    expect(found.thrown).to.equal(undefined);
    const matrix = found.data[0] as Row;
    expect(matrix).to.deep.include({ attribute1Values: ['Natural'], attribute2Values: ['M', 'L'], attribute3Values: [] });
    expect(schemaViolations('ItemMatrix', matrix)).to.deep.equal([]);
  });

  it('Lookup by filters emits arrays too, for every record of the page', async () => {
    await run(create, { description: 'Wool Hat', attribute1Values: ['Red', 'Blue'], attribute2Values: 'One size' }, step());
    const found = await run(lookup, { filters: { itemMatrixID: '>,0' } }, cfg({ objectType: 'ItemMatrix', emitBehavior: 'emitAll' }));
    const matrices = (found.data[0] as { results: Row[] }).results;
    expect(matrices.map((matrix) => [matrix.attribute1Values, matrix.attribute2Values, matrix.attribute3Values])).to.deep.equal([
      [['Natural'], ['M', 'L'], []],
      [['Red', 'Blue'], ['One size'], []],
    ]);
  });

  it('Create takes a list or one bare value and sends the list as given; the answer is arrays again', async () => {
    const created = await run(create, { description: 'Wool Hat', attribute1Values: 'Red', attribute2Values: ['S', 'M'] }, step());
    expect(created.thrown).to.equal(undefined);
    expect(created.data[0]).to.deep.include({ attribute1Values: ['Red'], attribute2Values: ['S', 'M'], attribute3Values: [] });
    const updated = await run(update, { itemMatrixID: (created.data[0] as Row).itemMatrixID, attribute2Values: '' }, step());
    expect(updated.data[0]).to.deep.include({ attribute1Values: ['Red'], attribute2Values: [] });
    // Stored as a real account keeps it (and sends it back): collapsed.
    expect(sim.store.get('ItemMatrix', Number((created.data[0] as Row).itemMatrixID)))
      .to.deep.include({ attribute1Values: 'Red', attribute2Values: '', attribute3Values: '' });
  });

  it('refuses a list of values that is a record, naming the field, before any request', async () => {
    const result = await run(create, { description: 'Wool Hat', attribute1Values: { value: 'Red' } }, step());
    expect(result.thrown?.message).to.match(/attribute1Values.*must be a string or a list of them/);
    expect(apiRequests(sim)).to.deep.equal([]);
  });
});
