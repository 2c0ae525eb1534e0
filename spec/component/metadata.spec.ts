import { expect } from 'chai';
import * as create from '../../lib/actions/createObject';
import * as remove from '../../lib/actions/deleteObjectById';
import * as lookup from '../../lib/actions/lookupObjectById';
import * as update from '../../lib/actions/updateObject';
import * as upsert from '../../lib/actions/upsertObject';
import * as setStock from '../../lib/actions/setStockLevel';
import * as completedSales from '../../lib/triggers/completedSales';
import * as newCustomers from '../../lib/triggers/newCustomers';
import * as trigger from '../../lib/triggers/pollingEntity';
import * as stockChanges from '../../lib/triggers/stockChanges';

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

  it('ready-made triggers: the polled entity\'s record out, in pages when asked; Stock changes with Add SKUs adds the SKU fields', async () => {
    const sales = await completedSales.getMetaModel({});
    expect(sales.in).to.deep.equal({ type: 'object', properties: {} });
    expect(sales.out.properties).to.include.keys('saleID', 'completeTime', 'voided', 'SaleLines', 'SalePayments', 'Customer');
    const stock = await stockChanges.getMetaModel({ addSkus: true, emitBehavior: 'emitPage' });
    const record = stock.out.properties?.results?.items?.properties;
    expect(record).to.include.keys('itemShopID', 'itemID', 'shopID', 'qoh', 'reorderPoint');
    expect(record?.customSku).to.deep.equal({ type: ['string', 'null'], title: 'Item customSku' });
    expect(record?.systemSku).to.deep.equal({ type: ['integer', 'null'], title: 'Item systemSku' });
    expect((await stockChanges.getMetaModel({})).out.properties).not.to.have.property('customSku');
    expect((await newCustomers.getMetaModel({ newAndUpdated: true })).out.properties).to.include.keys('customerID', 'createTime', 'Contact');
  });

  it('Set Stock Level: the item key of Match by, shop and quantities in (or a list of them), in the designer\'s dialect; the result out', async () => {
    const byId = await setStock.getMetaModel({});
    expect(Object.keys(byId.in.properties ?? {})).to.deep.equal(['itemID', 'shopID', 'shopName', 'qoh', 'reorderPoint', 'reorderLevel', 'levels']);
    // A message carries one level or a list: required only in each level of the list, where it always applies.
    const level = byId.in.properties?.levels?.items;
    expect(level?.properties?.itemID).to.include({ type: 'integer', required: true });
    expect(level?.properties?.qoh).to.include({ type: 'integer', required: true });
    expect(level?.properties?.shopID).not.to.have.property('required');
    expect(byId.in.properties?.itemID).to.include({ type: 'integer' }).and.not.to.have.property('required');
    expect(byId.in).not.to.have.property('required');
    const bySku = await setStock.getMetaModel({ matchField: 'customSku' });
    expect(bySku.in.properties).not.to.have.property('itemID');
    expect(bySku.in.properties?.levels?.items?.properties?.customSku).to.include({ type: 'string', required: true });
    expect(Object.keys(byId.out.properties ?? {})).to.deep.equal(['itemID', 'shopID', 'itemShopID', 'qohBefore', 'qoh', 'reorderPoint', 'reorderLevel', 'changed']);
    expect(await setStock.getMatchFields()).to.deep.equal({
      itemID: 'itemID (default)', customSku: 'customSku', systemSku: 'systemSku', upc: 'upc', ean: 'ean', manufacturerSku: 'manufacturerSku',
    });
  });
});
