import { expect } from 'chai';
import { Simulator } from '../../simulator';
import { api, useSimulatorWithEntities } from './helpers';

/** Facts of real answers as the project catalog holds them (fields with source "observed", wrappers, alwaysSent). */
const ENTITIES = [
  { name: 'Vendor', paths: {}, fields: [{ name: 'integrationName', type: 'string', readOnly: false, source: 'observed' }], wrappers: { Reps: 'VendorRep' } },
  { name: 'PriceLevel', paths: {}, fields: [], alwaysSent: ['Calculation'] },
];

describe('simulator renders what the project catalog learnt from real answers', () => {
  let sim: Simulator;
  let token: string;
  useSimulatorWithEntities(ENTITIES, (started, startedToken) => { sim = started; token = startedToken; });

  it('sends a field the docs omit, at its default', async () => {
    expect((await api(sim, token, 'Vendor/1.json')).body.Vendor).to.include({ integrationName: '' });
  });

  it('names a container\'s elements as real answers do (Reps holds VendorRep)', async () => {
    const vendor = (await api(sim, token, 'Vendor/1.json?load_relations=["Reps"]')).body.Vendor as Record<string, unknown>;
    expect(vendor.Reps).to.deep.equal({ VendorRep: { firstName: 'Dana', lastName: 'Reyes' } });
    const other = (await api(sim, token, 'Vendor/2.json?load_relations=["Reps"]')).body.Vendor as Record<string, unknown>;
    expect(other.Reps).to.equal('');
  });

  it('sends a key real records always carry as "" without load_relations', async () => {
    expect((await api(sim, token, 'PriceLevel/1.json')).body.PriceLevel).to.include({ Calculation: '' });
  });
});
