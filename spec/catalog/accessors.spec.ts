import { expect } from 'chai';
import {
  elementFields, entitiesForVerb, fieldType, findEntity, getEntity, listEntities, pathFor, pollableEntities,
} from '../../lib/catalog';

const names = (entities: { name: string }[]): string[] => entities.map((entity) => entity.name);

describe('lib/catalog accessors', () => {
  it('getEntity returns the entity and names an unknown one in its error', () => {
    expect(getEntity('Item').primaryKey).to.equal('itemID');
    expect(() => getEntity('Itme')).to.throw(Error, /Unknown Lightspeed entity "Itme"/);
    expect(() => getEntity('item')).to.throw('Unknown Lightspeed entity "item"; did you mean Item?');
  });

  it('findEntity returns undefined for an unknown name', () => {
    expect(findEntity('Sale')?.name).to.equal('Sale');
    expect(findEntity('Nope')).to.equal(undefined);
  });

  it('listEntities lists everything or filters by verb; entitiesForVerb agrees', () => {
    expect(listEntities()).to.have.length(103);
    expect(listEntities('delete').every((entity) => entity.actions.delete)).to.equal(true);
    expect(names(entitiesForVerb('create'))).to.deep.equal(names(listEntities('create')));
    expect(names(listEntities('create'))).to.include('RegisterOpen').and.not.include('SalePayment');
  });

  it('keeps the shared catalog immutable', () => {
    const item = getEntity('Item');
    expect(() => { (item.paths as { read: string | null }).read = 'x'; }).to.throw(TypeError);
    expect(listEntities()).not.to.equal(listEntities());
  });

  it('pollableEntities: queryable entities with a datetime field', () => {
    const pollable = names(pollableEntities());
    expect(pollable).to.include.members(['Item', 'Customer', 'Sale']);
    expect(pollable).not.to.include.members(['Season', 'TagGroup', 'RegisterCalculated', 'Account']);
    for (const entity of pollableEntities()) {
      expect(entity.datetimeFields, entity.name).not.to.be.empty;
      expect(entity.paths.query, entity.name).to.be.a('string');
    }
  });

  it('fieldType reads a field type, by entity or by name', () => {
    expect(fieldType('Item', 'defaultCost')).to.equal('float');
    expect(fieldType(getEntity('Item'), 'timeStamp')).to.equal('datetime');
    expect(fieldType('Item', 'nope')).to.equal(undefined);
  });

  it('elementFields resolves sub-objects first, then catalog entities', () => {
    expect(elementFields('Item', 'ItemShop')?.map((field) => field.name)).to.include('qoh');
    expect(elementFields('Sale', 'SaleLine')?.map((field) => field.name)).to.include('saleLineID');
    expect(elementFields('Item', 'NoSuchElement')).to.equal(undefined);
  });

  it('pathFor returns the template or explains a verb the entity does not allow', () => {
    expect(pathFor('SaleSaleLine', 'read')).to.equal('Sale/{saleID}/SaleLine/{saleLineID}.json');
    expect(pathFor('RegisterOpen', 'create')).to.equal('Register/{registerID}/open.json');
    expect(() => pathFor('SalePayment', 'delete')).to.throw('Lightspeed entity "SalePayment" does not support delete');
  });
});
