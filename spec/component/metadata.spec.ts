import { expect } from 'chai';
import * as create from '../../lib/actions/createObject';
import * as remove from '../../lib/actions/deleteObjectById';
import * as lookup from '../../lib/actions/lookupObjectById';
import * as update from '../../lib/actions/updateObject';
import * as upsert from '../../lib/actions/upsertObject';
import * as trigger from '../../lib/triggers/pollingEntity';

describe('dynamic metadata and select models', () => {
  it('createObject on Item: writable fields in, the typed record out', async () => {
    const meta = await create.getMetaModel({ objectType: 'Item' });
    expect(meta.in.properties).to.have.property('description');
    expect(meta.in.properties).not.to.have.property('itemID');
    expect(meta.out.properties?.itemID).to.deep.include({ type: ['integer', 'null'] });
  });

  it('createObject on Customer: the designer shows nested fields, Contact.Emails.ContactEmail[].address among them', async () => {
    const meta = await create.getMetaModel({ objectType: 'Customer' });
    const emails = meta.in.properties?.Contact?.properties?.Emails;
    expect(emails?.properties?.ContactEmail).to.deep.include({ title: 'Contact Email', type: 'array' });
    expect(emails?.properties?.ContactEmail?.items?.properties?.address).to.deep.equal({ title: 'Address', type: 'string' });
    expect(meta.in.properties?.Contact?.properties?.Phones?.properties?.ContactPhone?.items?.properties).to.have.keys('number', 'useType');
    expect(meta.out.properties?.Contact?.properties?.contactID).to.deep.include({ type: ['integer', 'null'] });
  });

  it('in-metadata marks required fields the platform\'s way: required: true on the property, no required list', async () => {
    const meta = await update.getMetaModel({ objectType: 'SaleSaleLine' });
    expect(meta.in.properties?.saleLineID).to.include({ type: 'integer', required: true });
    expect(meta.in.properties?.saleID).to.include({ required: true });
    expect(meta.in.properties?.unitQuantity).not.to.have.property('required');
    expect(meta.in).not.to.have.property('required');
    expect(meta.in).not.to.have.property('$schema');
  });

  it('upsert shows the primary key as optional; delete outputs {id, result, record}', async () => {
    const meta = await upsert.getMetaModel({ objectType: 'Customer' });
    expect(meta.in.properties).to.have.property('customerID');
    expect(meta.in.properties?.customerID).not.to.have.property('required');
    const deleted = await remove.getMetaModel({ objectType: 'Customer' });
    expect(Object.keys(deleted.out.properties ?? {})).to.deep.equal(['id', 'result', 'record']);
  });

  it('lookup and the trigger wrap records in {results} when emitting pages', async () => {
    const page = await lookup.getMetaModel({ objectType: 'Item', emitBehavior: 'emitAll' });
    expect(page.out.properties?.results?.type).to.equal('array');
    const triggerMeta = await trigger.getMetaModel({ objectType: 'Item', emitBehavior: 'emitPage' });
    expect(triggerMeta.out.properties?.results?.items?.properties).to.have.property('itemID');
  });

  it('select models list the entities that allow each verb', async () => {
    const creatable = await create.getObjectTypes();
    expect(creatable).to.include({ Item: 'Item', Customer: 'Customer', RegisterOpen: 'Register Open' });
    expect(creatable).not.to.have.property('SalePayment');
    const deletable = await remove.getObjectTypes();
    expect(deletable).not.to.have.property('Manufacturer');
    const pollable = await trigger.getObjectTypes();
    expect(pollable).to.include.keys('Item', 'Customer', 'Sale', 'SalePayment', 'InventoryLog');
    expect(pollable).not.to.have.any.keys('SaleSaleLine', 'ReportsAccountingTaxesByDay');
  });

  it('polling fields are the entity\'s datetime fields, timeStamp first', async () => {
    expect(await trigger.getPollingFields({ objectType: 'Item' })).to.deep.equal({ timeStamp: 'timeStamp (last change)', createTime: 'createTime' });
    expect(await trigger.getPollingFields({})).to.deep.equal({});
  });

  it('metadata for an entity that does not allow the verb is a clear error', async () => {
    const error = await create.getMetaModel({ objectType: 'SalePayment' }).catch((e: Error) => e);
    expect((error as Error).message).to.equal('objectType: SalePayment cannot be created through the Lightspeed API');
  });
});
