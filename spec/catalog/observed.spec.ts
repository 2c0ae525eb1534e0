import { expect } from 'chai';
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { RawObserved, withObserved } from '../../scripts/catalog/observed';
import { loadCassettes } from '../helpers/cassettes';
import { freshCatalog, freshEntity, repoRoot } from './support';

const RECORDINGS = path.join(repoRoot, 'spec/fixtures/real-recordings');

/** Every scalar value the cassettes hold, by the key of the record holding it and the field: `Register|ccTerminalID`. */
function recordedValues(): Map<string, Set<string>> {
  const values = new Map<string, Set<string>>();
  const walk = (node: unknown, record: string): void => {
    if (Array.isArray(node)) node.forEach((item) => walk(item, record));
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string') values.set(`${record}|${key}`, (values.get(`${record}|${key}`) ?? new Set()).add(value));
        else walk(value, key);
      }
    }
  };
  for (const exchange of loadCassettes()) {
    if (exchange.body.trimStart().startsWith('{')) walk(JSON.parse(exchange.body), '');
  }
  return values;
}

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

  it('types no field from "0", "1" or "" alone: each such type says why (the docs\' type of the same thing, or text)', () => {
    const observed = JSON.parse(readFileSync(path.join(repoRoot, 'data/real-recordings/observed.json'), 'utf8')) as RawObserved;
    const values = recordedValues();
    const unexplained: string[] = [];
    const narrow = new Set(['0', '1', '', 'true', 'false']);
    for (const [entity, facts] of Object.entries(observed.entities)) {
      // A field's own note, or its element table's note naming it.
      const noted = (field: { name: string; note?: string }, tableNote?: string): boolean =>
        typeof field.note === 'string' || (tableNote ?? '').includes(field.name);
      const rows = [
        ...(facts.fields ?? []).map((field) => ({ record: entity, field, explained: noted(field) })),
        ...Object.entries(facts.elements ?? {}).flatMap(([element, table]) =>
          table.fields.map((field) => ({ record: element, field, explained: noted(field, table.note) }))),
      ];
      for (const { record, field, explained } of rows) {
        const seen = [...(values.get(`${record}|${field.name}`) ?? [])];
        const guessed = ['integer', 'float', 'boolean'].includes(field.type) && seen.length > 0 && seen.every((value) => narrow.has(value));
        if (guessed && !explained) unexplained.push(`${record}.${field.name} (${field.type}, seen ${JSON.stringify(seen)})`);
      }
    }
    expect(unexplained).to.deep.equal([]);
  });

  it('Register\'s ccTerminalID is text: real accounts send a terminal\'s UUID or "", the cassette "0"', () => {
    expect(freshEntity('Register').fields.find((field) => field.name === 'ccTerminalID'))
      .to.deep.equal({ name: 'ccTerminalID', type: 'string', readOnly: false, source: 'observed' });
    expect(freshEntity('Sale').subObjects.Tax.find((field) => field.name === 'id')?.type).to.equal('string');
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
