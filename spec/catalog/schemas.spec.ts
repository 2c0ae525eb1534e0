import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import { JsonSchema } from '../../lib/catalog/jsonSchema';
import { inSchema, InVerb, outSchema } from '../../lib/catalog/schemas';
import { listFiles } from '../../scripts/catalog/fileSystem';
import { freshCatalog, freshEntity, repoRoot } from './support';

/** A strict ajv that records warnings instead of printing them. */
function strictAjv(warnings: string[]): Ajv {
  const record = (...args: unknown[]): void => { warnings.push(args.map(String).join(' ')); };
  const ajv = new Ajv({ allErrors: true, strict: true, logger: { log: () => undefined, warn: record, error: record } });
  addFormats(ajv);
  return ajv;
}

function compile(schema: JsonSchema): ValidateFunction {
  return strictAjv([]).compile(schema);
}

function errorsOf(validate: ValidateFunction, data: unknown): ErrorObject[] {
  expect(validate(data), 'expected the data to be rejected').to.equal(false);
  return validate.errors ?? [];
}

function inValidator(entityName: string, verb: InVerb): ValidateFunction {
  return compile(inSchema(freshEntity(entityName), verb));
}

function outValidator(entityName: string): ValidateFunction {
  return compile(outSchema(freshEntity(entityName), freshCatalog()));
}

describe('JSON Schemas', () => {
  it('ajv (strict, with formats) compiles every out-schema file, and the JSON Schema behind every in-schema file, without warnings', () => {
    const warnings: string[] = [];
    const ajv = strictAjv(warnings);
    const files = listFiles(repoRoot, 'schemas');
    expect(files.length).to.be.greaterThan(300);
    for (const file of files) {
      const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as JsonSchema;
      // In-schema files are in the platform's dialect (required: true on properties); ajv enforces their source.
      const [, kind, verb, entity] = file.match(/^schemas\/(in|out)\/(?:(\w+)\/)?(\w+)\.json$/) ?? [];
      const compiled = kind === 'in' ? inSchema(freshEntity(entity), verb as InVerb) : schema;
      expect(() => ajv.compile(compiled), file).not.to.throw();
      expect(schema.title, file).to.be.a('string');
      expect(schema.description, file).to.be.a('string');
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        expect(property.title, `${file} ${name}`).to.be.a('string').and.not.equal('');
      }
    }
    expect(warnings).to.deep.equal([]);
  });

  it('titles properties in words', () => {
    const properties = outSchema(freshEntity('Item'), freshCatalog()).properties ?? {};
    expect(properties.itemID.title).to.equal('Item ID');
    expect(properties.manufacturerSku.title).to.equal('Manufacturer SKU');
    expect(properties.ItemShops.title).to.equal('Item Shops');
  });

  describe('in-schemas', () => {
    it('reject a wrong type and name the field', () => {
      const errors = errorsOf(inValidator('Item', 'create'), { description: 'Bike', defaultCost: 'cheap' });
      expect(errors.map((error) => error.instancePath)).to.deep.equal(['/defaultCost']);
    });

    it('reject a misspelt top-level field on create, update and upsert', () => {
      for (const verb of ['create', 'update', 'upsert'] as const) {
        const errors = errorsOf(inValidator('Item', verb), { itemID: 1, descriptoin: 'Bike' });
        expect(errors.map((error) => error.params), verb).to.deep.include({ additionalProperty: 'descriptoin' });
      }
    });

    it('create: accepts writable fields and nested records, leaves out read-only fields and the key', () => {
      const validate = inValidator('Item', 'create');
      const item = { description: 'Bike', tax: true, itemType: 'default', ItemShops: { ItemShop: [{ shopID: 1, qoh: 3 }] } };
      expect(validate({ ...item, Prices: { ItemPrice: [{ amount: 10, useType: 'Default' }] } }), JSON.stringify(validate.errors))
        .to.equal(true);
      expect(validate({ ...item, systemSku: 1 })).to.equal(false); // read-only
      expect(validate({ ...item, itemID: 1 })).to.equal(false); // the API assigns it
      expect(validate({ ...item, itemType: 'unknown' })).to.equal(false);
    });

    it('type nested records at every depth, closed to their own fields, lists in Lightspeed\'s container shape', () => {
      const customer = inSchema(freshEntity('Customer'), 'create');
      const emails = customer.properties?.Contact.properties?.Emails;
      expect(emails).to.deep.include({ type: 'object', additionalProperties: false });
      expect(emails?.properties?.ContactEmail).to.deep.include({ type: 'array' });
      expect(emails?.properties?.ContactEmail.items?.properties?.useType).to.deep.include({ type: 'string', enum: ['Primary', 'Secondary'] });
      const validate = inValidator('Customer', 'create');
      const contact = { noEmail: false, Emails: { ContactEmail: [{ address: 'ann@example.com', useType: 'Primary' }] } };
      expect(validate({ firstName: 'Ann', Contact: contact }), JSON.stringify(validate.errors)).to.equal(true);
      const unknown = errorsOf(validate, { Contact: { ...contact, email: 'ann@example.com' } });
      expect(unknown.map((error) => [error.instancePath, error.params])).to.deep.equal([['/Contact', { additionalProperty: 'email' }]]);
      const deep = errorsOf(validate, { Contact: { Phones: { ContactPhone: [{ number: '555', useType: 'Cell' }] } } });
      expect(deep.map((error) => error.instancePath)).to.deep.equal(['/Contact/Phones/ContactPhone/0/useType']);
      const sale = errorsOf(inValidator('Sale', 'update'), { saleID: 1, SaleLines: { SaleLine: [{ unitQuantity: 'two' }] } });
      expect(sale.map((error) => error.instancePath)).to.deep.equal(['/SaleLines/SaleLine/0/unitQuantity']);
    });

    it('complete a nested record from the other pages that document it (contactID comes from Employee\'s Contact)', () => {
      const contact = inSchema(freshEntity('Customer'), 'update').properties?.Contact.properties;
      expect(contact?.contactID).to.deep.include({ type: 'integer' });
      const vendorContact = inSchema(freshEntity('Vendor'), 'create').properties?.Contact.properties;
      expect(vendorContact?.Addresses.properties?.ContactAddress.items?.properties).to.have.property('city');
    });

    it('leave out references to other records, which a write names by ID, and read-only fields of nested records', () => {
      const item = inSchema(freshEntity('Item'), 'create').properties ?? {};
      expect(item).to.have.property('categoryID');
      expect(item).not.to.have.any.keys('Category', 'TaxClass', 'Manufacturer', 'Department');
      expect(item).to.include.keys('Note', 'ItemAttributes', 'ItemShops', 'Prices');
      const line = inSchema(freshEntity('Sale'), 'create').properties?.SaleLines.properties?.SaleLine.items?.properties ?? {};
      expect(line).to.include.keys('itemID', 'unitQuantity', 'saleLineID');
      expect(line).not.to.have.property('Item');
      const matrixItem = inSchema(freshEntity('ItemMatrix'), 'create').properties?.Items.properties?.Item.items?.properties ?? {};
      expect(matrixItem).to.have.property('description');
      expect(matrixItem).not.to.have.any.keys('systemSku', 'avgCost', 'timeStamp');
    });

    it('keep a nested record the catalog has no fields for open, and say so', () => {
      const availability = inSchema(freshEntity('CatalogVendorItem'), 'create').properties?.CatalogVendorAvailability;
      expect(availability).to.deep.include({ type: 'array' });
      expect(availability?.description).to.match(/^Lightspeed documents no fields for it/);
      expect(inValidator('CatalogVendorItem', 'create')({ CatalogVendorAvailability: [{ anything: 1 }] })).to.equal(true);
    });

    it('create: requires parent keys as positive integers', () => {
      const validate = inValidator('SaleSaleLine', 'create');
      const missing = errorsOf(validate, { unitQuantity: 1 });
      expect(missing.map((error) => error.params)).to.deep.include({ missingProperty: 'saleID' });
      expect(validate({ saleID: 0, unitQuantity: 1 })).to.equal(false);
      expect(validate({ saleID: 5, unitQuantity: 1 })).to.equal(true);
    });

    it('create: requires the record an action-only path names', () => {
      expect(inSchema(freshEntity('RegisterOpen'), 'create').required).to.deep.equal(['registerID']);
      expect(inSchema(freshEntity('SaleRefund'), 'create').required).to.deep.equal(['saleID']);
    });

    it('update requires the primary key, upsert makes it optional', () => {
      expect(inSchema(freshEntity('SaleSaleLine'), 'update').required).to.deep.equal(['saleLineID', 'saleID']);
      expect(inSchema(freshEntity('SaleSaleLine'), 'upsert').required).to.deep.equal(['saleID']);
      expect(inValidator('Item', 'update')({ description: 'x' })).to.equal(false);
      expect(inValidator('Item', 'upsert')({ description: 'x' })).to.equal(true);
    });

    it('lookup: optional id, filters, relations limited to the list, archived', () => {
      const validate = inValidator('Item', 'lookup');
      const valid = { id: 7, filters: { description: '~,%bike%', qoh: 3, tax: true }, loadRelations: ['ItemShops'] };
      expect(validate({ ...valid, archived: 'only' }), JSON.stringify(validate.errors)).to.equal(true);
      expect(validate({ loadRelations: ['Nope'] })).to.equal(false);
      expect(validate({ filters: { description: { nested: 1 } } })).to.equal(false);
      expect(validate({ archived: 'sometimes' })).to.equal(false);
      expect(validate({ id: -1 })).to.equal(false);
    });

    it('lookup of a report requires the query parameters of its path', () => {
      const schema = inSchema(freshEntity('ReportsAccountingTaxesByDay'), 'lookup');
      expect(schema.required).to.deep.equal(['startDate', 'endDate']);
      expect(schema.properties).not.to.have.property('id');
    });

    it('delete requires id and parent keys', () => {
      expect(inSchema(freshEntity('SaleSaleLine'), 'delete').required).to.deep.equal(['id', 'saleID']);
      expect(inValidator('Item', 'delete')({ id: '7' })).to.equal(false);
    });

    it('are refused for verbs the entity does not allow', () => {
      expect(() => inSchema(freshEntity('SalePayment'), 'create')).to.throw(/SalePayment.*create/);
      expect(() => inSchema(freshEntity('Shop'), 'delete')).to.throw(/Shop.*delete/);
    });
  });

  describe('out-schemas', () => {
    it('map types and allow null for non-string fields', () => {
      const item = outSchema(freshEntity('Item'), freshCatalog()).properties ?? {};
      expect(item.itemID.type).to.deep.equal(['integer', 'null']);
      expect(item.defaultCost.type).to.deep.equal(['number', 'null']);
      expect(item.tax.type).to.deep.equal(['boolean', 'null']);
      expect(item.timeStamp).to.include({ format: 'date-time' });
      expect(item.description.type).to.equal('string');
      expect(item.itemType.enum).to.include('box').and.include(null);
    });

    it('describe relation containers as arrays of element records', () => {
      const validate = outValidator('Item');
      const record = {
        itemID: 1, description: 'Bike', timeStamp: '2024-01-02T03:04:05+00:00', avgCost: null,
        ItemShops: { ItemShop: [{ itemShopID: 2, qoh: 3, shopID: 1 }] },
        Category: { categoryID: 4, name: 'Bikes' },
      };
      expect(validate(record), JSON.stringify(validate.errors)).to.equal(true);
      const single = errorsOf(validate, { ...record, ItemShops: { ItemShop: { itemShopID: 2 } } });
      expect(single[0].instancePath).to.equal('/ItemShops/ItemShop');
      const wrongType = errorsOf(validate, { ...record, ItemShops: { ItemShop: [{ qoh: 'many' }] } });
      expect(wrongType[0].instancePath).to.equal('/ItemShops/ItemShop/0/qoh');
    });

    it('describe sub-objects nested inside sub-objects (Customer.Contact.Addresses)', () => {
      const customer = outSchema(freshEntity('Customer'), freshCatalog());
      const addresses = customer.properties?.Contact.properties?.Addresses;
      expect(addresses?.properties?.ContactAddress.type).to.equal('array');
      expect(addresses?.properties?.ContactAddress.items?.properties).to.have.property('city');
    });

    it('describe nested records at every depth, and leave a record inside itself open', () => {
      const sale = outSchema(freshEntity('Sale'), freshCatalog());
      const line = sale.properties?.SaleLines.properties?.SaleLine.items?.properties;
      const price = line?.Item.properties?.Prices.properties?.ItemPrice.items?.properties;
      expect(price?.amount.type).to.deep.equal(['number', 'null']);
      const payment = sale.properties?.SalePayments.properties?.SalePayment.items?.properties;
      const charge = payment?.CCCharge.properties;
      expect(charge?.SalePayments.properties?.SalePayment.items).to.deep.equal({ type: 'object', additionalProperties: true });
      const contact = outSchema(freshEntity('Customer'), freshCatalog()).properties?.Contact.properties;
      expect(contact?.contactID.type).to.deep.equal(['integer', 'null']);
    });

    it('resolve elements that are catalog entities (SaleLine inside Sale)', () => {
      const sale = outSchema(freshEntity('Sale'), freshCatalog());
      const line = sale.properties?.SaleLines.properties?.SaleLine.items;
      expect(line?.properties).to.have.property('saleLineID');
    });

    it('reject a wrong date-time and accept extra properties', () => {
      const validate = outValidator('Item');
      expect(validate({ timeStamp: 'yesterday' })).to.equal(false);
      expect(validate({ somethingNew: 'x' })).to.equal(true);
    });
  });
});
