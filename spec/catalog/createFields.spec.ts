import { expect } from 'chai';
import { listEntities } from '../../lib/catalog';
import { createNeedsFields, fieldsToWrite, suggestedFields } from '../../lib/catalog/createFields';
import { inSchema } from '../../lib/catalog/schemas';
import { supportsInVerb } from '../../lib/catalog/schemaIn';

describe('catalog: what a create must carry, and the fields an empty one is told about', () => {
  const creatable = listEntities('create').filter((entity) => supportsInVerb(entity, 'create')).map((entity) => ({ entity, schema: inSchema(entity, 'create') }));

  it('every create needs a field but the actions on a record its path names', () => {
    const free = creatable.filter(({ entity, schema }) => !createNeedsFields(entity, schema)).map(({ entity }) => entity.name);
    expect(free).to.deep.equal(['RegisterClose', 'RegisterOpen', 'SaleEmailReceipt', 'SaleRefund', 'WorkorderCheckout', 'WorkorderClone']);
  });

  it('suggests up to four of the fields a create writes, never a path key nor a field Lightspeed sets', () => {
    for (const { entity, schema } of creatable.filter((candidate) => createNeedsFields(candidate.entity, candidate.schema))) {
      const suggested = suggestedFields(schema);
      expect(suggested.length, entity.name).to.be.within(1, 4);
      expect(fieldsToWrite(schema), entity.name).to.include.members(suggested);
      expect(suggested, entity.name).to.not.include.members([...(schema.required ?? []), 'createTime', 'timeStamp', 'archived']);
    }
  });

  it('names first what a record is called or described by, then its amounts and nested records, then its links', () => {
    const named = (name: string): string[] => suggestedFields(creatable.find(({ entity }) => entity.name === name)!.schema);
    expect(named('Customer')).to.deep.equal(['firstName', 'lastName', 'company', 'Contact']);
    expect(named('Item')).to.deep.equal(['description', 'customSku', 'manufacturerSku', 'defaultCost']);
    expect(named('SaleLine').slice(0, 3)).to.deep.equal(['unitQuantity', 'unitPrice', 'itemID']);
    expect(named('Sale').slice(0, 2)).to.deep.equal(['SaleLines', 'SalePayments']);
    expect(named('Manufacturer')).to.deep.equal(['name']);
  });
});
