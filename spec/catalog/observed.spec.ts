import { expect } from 'chai';
import { existsSync } from 'fs';
import * as path from 'path';
import { withObserved } from '../../scripts/catalog/observed';
import { freshCatalog, freshEntity, repoRoot } from './support';

const RECORDINGS = path.join(repoRoot, 'spec/fixtures/real-recordings');

describe('catalog: the observed layer (facts real answers show beyond the docs)', () => {
  it('Shop and SpecialOrder carry timeStamp, marked observed, and can be polled by it', () => {
    for (const name of ['Shop', 'SpecialOrder']) {
      const entity = freshEntity(name);
      expect(entity.fields.find((field) => field.name === 'timeStamp'), name)
        .to.deep.equal({ name: 'timeStamp', type: 'datetime', readOnly: true, source: 'observed' });
      expect(entity.datetimeFields, name).to.include('timeStamp');
    }
  });

  it("Vendor's Reps holds VendorRep elements; Sale's TaxClassTotals holds Tax", () => {
    expect(freshEntity('Vendor').wrappers).to.include({ Reps: 'VendorRep' });
    expect(freshEntity('Vendor').subObjects.VendorRep.map((field) => field.name)).to.deep.equal(['firstName', 'lastName']);
    expect(freshEntity('Sale').wrappers).to.include({ TaxClassTotals: 'Tax' });
    expect(freshEntity('DisplayTemplateSale').wrappers, 'a page of the same records').to.include({ TaxClassTotals: 'Tax' });
  });

  it("Item's Prices is always sent; Reps and TaxClassTotals come with load_relations", () => {
    expect(freshEntity('Item').alwaysSent).to.deep.equal(['Prices']);
    expect(freshEntity('Vendor').relations).to.include('Reps');
    expect(freshEntity('Sale').relations).to.include('TaxClassTotals');
  });

  it('names, for every fact, a cassette that exists and says it was observed', () => {
    const facts = freshCatalog().flatMap((entity) => entity.observed);
    expect(facts.length).to.be.greaterThan(20);
    for (const fact of facts) {
      expect(fact.source).to.equal('observed');
      expect(existsSync(path.join(RECORDINGS, fact.cassette)), fact.cassette).to.equal(true);
    }
  });

  it('refuses a fact about an entity the catalog does not have', () => {
    const observed = { source: '', cassetteBase: '', entities: { Shopp: { fields: [] } } };
    expect(() => withObserved(freshCatalog(), observed)).to.throw('observed.json: unknown entity "Shopp"');
  });
});
