import { expect } from 'chai';
import { existsSync, readFileSync } from 'fs';
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

  it('names, for every fact, a cassette that exists (or the README words that state it) and says it was observed', () => {
    const facts = freshCatalog().flatMap((entity) => entity.observed);
    expect(facts.length).to.be.greaterThan(20);
    const readme = readFileSync(path.join(RECORDINGS, 'README.md'), 'utf8');
    for (const fact of facts) {
      expect(fact.source).to.equal('observed');
      if (fact.cassette === undefined) {
        expect(fact.statedInReadme, fact.name).to.be.a('string');
        expect(readme, fact.name).to.include(fact.statedInReadme);
      } else {
        expect(existsSync(path.join(RECORDINGS, fact.cassette)), fact.cassette).to.equal(true);
      }
    }
  });

  it("ItemMatrix's attribute1Values..attribute3Values are lists of strings, stated by the recordings' README (no cassette)", () => {
    const entity = freshEntity('ItemMatrix');
    for (const name of ['attribute1Values', 'attribute2Values', 'attribute3Values']) {
      expect(entity.fields.find((field) => field.name === name), name)
        .to.deep.equal({ name, type: 'array', items: 'string', readOnly: false, source: 'observed' });
      const fact = entity.observed.find((candidate) => candidate.name === name);
      expect(fact, name).to.deep.include({ kind: 'field', source: 'observed' });
      expect(fact?.cassette, name).to.equal(undefined);
      expect(fact?.statedInReadme, name).to.include('`ItemMatrix.attribute1Values` a bare string, `attribute2Values` an array of strings');
    }
  });

  it('the docs know no list of values on ItemMatrix: only the attribute set names its attributes, and an Item its own', () => {
    // Keeps the observed fields from shadowing a documented one under the same name.
    const documented = JSON.parse(readFileSync(path.join(repoRoot, 'data/lightspeed-api/catalog.json'), 'utf8')) as
      { entities: Array<{ name: string; fields: Array<{ name: string }>; subObjects: Record<string, Array<{ name: string }>> }> };
    const byName = (name: string) => documented.entities.find((entity) => entity.name === name);
    expect(byName('ItemMatrix')?.fields.map((field) => field.name)).to.not.include.members(['attribute1Values']);
    expect(byName('ItemAttributeSet')?.fields.map((field) => field.name)).to.include.members(['attributeName1', 'attributeName2', 'attributeName3']);
    expect(byName('Item')?.subObjects.ItemAttributes.map((field) => field.name)).to.include.members(['attribute1', 'attribute2', 'attribute3']);
  });

  it('refuses a field fact that names neither a cassette nor the README, and items on a non-array', () => {
    const bare = { source: '', cassetteBase: '', entities: { ItemMatrix: { fields: [{ name: 'x', type: 'string', readOnly: false }] } } };
    expect(() => withObserved(freshCatalog(), bare as never)).to.throw('names neither a cassette');
    const field = { name: 'x', type: 'string', items: 'string', readOnly: false, cassette: 'a.yml' };
    const wrong = { source: '', cassetteBase: '', entities: { ItemMatrix: { fields: [field] } } };
    expect(() => withObserved(freshCatalog(), wrong)).to.throw('items "string" needs type "array"');
  });

  it('refuses a fact about an entity the catalog does not have', () => {
    const observed = { source: '', cassetteBase: '', entities: { Shopp: { fields: [] } } };
    expect(() => withObserved(freshCatalog(), observed)).to.throw('observed.json: unknown entity "Shopp"');
  });
});
