import { expect } from 'chai';
import * as create from '../../lib/actions/createObject';
import * as remove from '../../lib/actions/deleteObjectById';
import * as lookup from '../../lib/actions/lookupObjectById';
import * as update from '../../lib/actions/updateObject';
import * as upsert from '../../lib/actions/upsertObject';
import { Simulator } from '../../simulator';
import { apiRequests, run, simulatorWith } from '../helpers/component';
import { schemaViolations } from '../helpers/recordChecks';

type Cfg = Awaited<ReturnType<typeof simulatorWith>>['cfg'];
type Row = Record<string, unknown>;

describe('actions (against the simulator)', () => {
  let sim: Simulator;
  let cfg: Cfg;
  beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 60, customers: 20, sales: 5 })));
  afterEach(() => sim.close());

  describe('Item', () => {
    const step = () => cfg({ objectType: 'Item' });

    it('creates, looks up, updates, upserts and archives an Item', async () => {
      const created = await run(create, { description: 'Blue shirt', defaultCost: '12.5', tax: 'true' }, step());
      expect(created.thrown).to.equal(undefined);
      const item = created.data[0] as Row;
      expect(item).to.include({ description: 'Blue shirt', defaultCost: 12.5, tax: true });
      expect(item.itemID).to.be.a('number');

      // Like Lightspeed, the POST answers with the ItemShops it created; a lookup without relations has none.
      const { ItemShops: stock, ...fields } = item;
      expect(stock).to.be.an('object');
      const found = await run(lookup, { id: item.itemID }, step());
      expect(found.data).to.deep.equal([{ ...fields, ...(found.data[0] as Row) }]);
      expect((found.data[0] as Row).description).to.equal('Blue shirt');

      const updated = await run(update, { itemID: item.itemID, description: 'Navy shirt' }, step());
      expect(updated.data[0]).to.include({ itemID: item.itemID, description: 'Navy shirt', defaultCost: 12.5 });

      const upserted = await run(upsert, { itemID: String(item.itemID), upc: '0123456789012' }, step());
      expect(upserted.data[0]).to.include({ itemID: item.itemID, upc: '0123456789012', description: 'Navy shirt' });

      const deleted = await run(remove, { id: item.itemID }, step());
      expect(deleted.data[0]).to.deep.include({ id: item.itemID, result: 'archived' });
      expect((deleted.data[0] as { record: Row }).record.archived).to.equal(true);
      expect(apiRequests(sim).map((line) => line.replace(/\?.*/, ''))).to.deep.equal([
        'POST /API/V3/Account/123456/Item.json',
        `GET /API/V3/Account/123456/Item/${item.itemID}.json`,
        `PUT /API/V3/Account/123456/Item/${item.itemID}.json`,
        // Upsert by ID reads the record first, then writes what differs.
        `GET /API/V3/Account/123456/Item/${item.itemID}.json`,
        `PUT /API/V3/Account/123456/Item/${item.itemID}.json`,
        `DELETE /API/V3/Account/123456/Item/${item.itemID}.json`,
      ]);
    });

    it('upsert without the primary key creates', async () => {
      const result = await run(upsert, { description: 'New thing' }, step());
      expect(result.data[0]).to.include({ description: 'New thing' });
      expect(apiRequests(sim)).to.deep.equal(['POST /API/V3/Account/123456/Item.json']);
    });

    it('upsert with an unknown ID is a clear "does not exist", never a silent create', async () => {
      const result = await run(upsert, { itemID: 999999, description: 'x' }, step());
      expect(result.thrown?.message).to.match(/^Item 999999 does not exist: upsert updates the record whose itemID is given and never creates one/);
      expect(result.data).to.deep.equal([]);
      expect(apiRequests(sim).filter((line) => line.startsWith('POST'))).to.deep.equal([]);
    });

    it('a Lightspeed 404 on lookup is one clear line: status, message, entity and id', async () => {
      const result = await run(lookup, { id: 424242 }, step());
      expect(result.thrown?.message).to.match(/^Lightspeed answered 404 to GET Item 424242: .+/);
    });

    it('a wrong Account ID: the 403 names the Account ID and the accounts the credential can reach', async () => {
      const result = await run(lookup, { id: 1 }, cfg({ objectType: 'Item', accountId: '999' }));
      expect(result.thrown?.message).to.equal('Lightspeed answered 403 to GET Item 1: This token does not grant access to account 999; '
        + 'the Account ID 999 is not among the accounts this credential can reach: 123456 (Simulated Retail Store). Fix it, or leave it '
        + 'empty to use the first of those');
    });

    it('allowZeroResults turns not-found into an empty body', async () => {
      const result = await run(lookup, { id: 424242 }, cfg({ objectType: 'Item', allowZeroResults: true }));
      expect(result.thrown).to.equal(undefined);
      expect(result.data).to.deep.equal([{}]);
    });

    it('Lightspeed\'s validation errors reach the user with its message', async () => {
      const result = await run(create, { defaultCost: '5' }, step());
      expect(result.thrown?.message).to.equal('Lightspeed answered 400 to POST Item: Item.description is required');
    });
  });

  describe('lookup by filters', () => {
    it('emits each match, a page, or all, with Lightspeed operators', async () => {
      const filters = { itemID: '<=,5' };
      const each = await run(lookup, { filters }, cfg({ objectType: 'Item' }));
      expect(each.data.map((row) => (row as Row).itemID)).to.deep.equal([1, 2, 3, 4, 5]);

      const all = await run(lookup, { filters: { itemID: 'IN,[2,4,6]' } }, cfg({ objectType: 'Item', emitBehavior: 'emitAll' }));
      expect(all.data).to.have.length(1);
      expect((all.data[0] as { results: Row[] }).results.map((row) => row.itemID)).to.deep.equal([2, 4, 6]);

      const pages = await run(lookup, { filters: { itemID: '><,1,30' } }, cfg({ objectType: 'Item', emitBehavior: 'emitPage' }));
      expect((pages.data[0] as { results: Row[] }).results).to.have.length(30);
      expect(apiRequests(sim).at(-1)).to.contain(`itemID=${encodeURIComponent('><,1,30')}`);
    });

    it('a plain value is compared literally: commas, % and | in it are escaped for Lightspeed', async () => {
      const id = Number(sim.store.create('Item', { description: 'Odd SKU', customSku: 'A,B|50%' }).itemID);
      const result = await run(lookup, { filters: { customSku: 'A,B|50%' } }, cfg({ objectType: 'Item' }));
      expect(result.thrown).to.equal(undefined);
      expect((result.data as Row[]).map((row) => row.itemID)).to.deep.equal([id]);
    });

    it('an operator without its comma is refused with the value as meant; text that begins so is found by its escape', async () => {
      const id = Number(sim.store.create('Item', { description: 'Odd SKU', customSku: '==SKU-000042' }).itemID);
      const glued = await run(lookup, { filters: { customSku: '==SKU-000042' } }, cfg({ objectType: 'Item' }));
      expect(glued.thrown?.message).to.equal('body.filters.customSku: write the operator and the value with a comma: "=,SKU-000042"; '
        + 'to find the text "==SKU-000042" itself, write "=,%3D%3DSKU-000042"');
      expect(apiRequests(sim)).to.deep.equal([]);
      const escaped = await run(lookup, { filters: { customSku: '=,%3D%3DSKU-000042' } }, cfg({ objectType: 'Item' }));
      expect(escaped.thrown).to.equal(undefined);
      expect((escaped.data as Row[]).map((row) => row.itemID)).to.deep.equal([id]);
      const meant = await run(lookup, { filters: { itemID: `=,${id}` } }, cfg({ objectType: 'Item' }));
      expect((meant.data as Row[]).map((row) => row.itemID)).to.deep.equal([id]);
    });

    it('emitAll refuses to exceed the maximum and emits nothing', async () => {
      const result = await run(lookup, { filters: { itemID: '>,0' } }, cfg({ objectType: 'Item', emitBehavior: 'emitAll', maxResults: '10' }));
      expect(result.thrown?.message).to.equal('More than 10 Item records match: narrow the filters, raise "Maximum results", or use "Emit page"');
      expect(result.data).to.deep.equal([]);
    });

    it('no match is an error, or an empty {results} with allowZeroResults', async () => {
      const filters = { description: '~,%no such thing%' };
      const failing = await run(lookup, { filters }, cfg({ objectType: 'Item' }));
      expect(failing.thrown?.message).to.equal('No Item matches the filters (turn on "Allow zero results" to emit an empty message instead)');
      const empty = await run(lookup, { filters }, cfg({ objectType: 'Item', allowZeroResults: true, emitBehavior: 'emitAll' }));
      expect(empty.data).to.deep.equal([{ results: [] }]);
    });

    it('archived=only and relations', async () => {
      const result = await run(lookup, { archived: 'only', loadRelations: ['Category'] }, cfg({ objectType: 'Item' }));
      const rows = result.data as Row[];
      expect(rows.length).to.be.greaterThan(0);
      expect(rows.every((row) => row.archived === true)).to.equal(true);
    });

    it('loading Prices, which every Item carries anyway, is accepted and asks for nothing more', async () => {
      const result = await run(lookup, { id: 1, loadRelations: ['Prices', 'Category'] }, cfg({ objectType: 'Item' }));
      expect(result.thrown).to.equal(undefined);
      expect(result.data).to.have.length(1);
      expect(decodeURIComponent(apiRequests(sim).at(-1) ?? '')).to.contain('load_relations=["Category"]');
    });
  });

  describe('Customer and Category', () => {
    it('creates a Customer with a Contact, updates and archives it', async () => {
      const created = await run(create, {
        firstName: 'Ada', lastName: 'Lovelace',
        Contact: { Emails: { ContactEmail: { address: 'ada@example.com', useType: 'Primary' } } },
      }, cfg({ objectType: 'Customer' }));
      expect(created.thrown).to.equal(undefined);
      const customer = created.data[0] as Row;
      expect(customer).to.include({ firstName: 'Ada', lastName: 'Lovelace' });
      const read = await run(lookup, { id: customer.customerID, loadRelations: ['Contact'] }, cfg({ objectType: 'Customer' }));
      const contact = (read.data[0] as Row).Contact as Row;
      expect((contact.Emails as { ContactEmail: Row[] }).ContactEmail[0]).to.include({ address: 'ada@example.com' });

      const updated = await run(update, { customerID: customer.customerID, company: 'Analytical Engines' }, cfg({ objectType: 'Customer' }));
      expect(updated.data[0]).to.include({ company: 'Analytical Engines', firstName: 'Ada' });
      const deleted = await run(remove, { id: customer.customerID }, cfg({ objectType: 'Customer' }));
      expect(deleted.data[0]).to.include({ id: customer.customerID, result: 'archived' });
    });

    it('hard-deletes a Category (delete semantics)', async () => {
      const created = await run(create, { name: 'Hats' }, cfg({ objectType: 'Category' }));
      const category = created.data[0] as Row;
      const deleted = await run(remove, { id: category.categoryID }, cfg({ objectType: 'Category' }));
      expect(deleted.data[0]).to.include({ id: category.categoryID, result: 'deleted' });
      const gone = await run(lookup, { id: category.categoryID }, cfg({ objectType: 'Category' }));
      expect(gone.thrown?.message).to.match(/^Lightspeed answered 404 to GET Category/);
    });
  });

  describe('a Shop and its Registers', () => {
    it('emits ccTerminalID as text, a paired terminal\'s UUID or "", valid against the declared out-schema', async () => {
      for (const id of [1, 2]) {
        const found = await run(lookup, { id, loadRelations: ['Registers'] }, cfg({ objectType: 'Shop' }));
        const shop = found.data[0] as Row;
        const [register] = (shop.Registers as { Register: Row[] }).Register;
        expect(register.ccTerminalID, `Shop ${id}`).to.be.a('string').and.to.equal(sim.store.get('Register', id)?.ccTerminalID);
        expect(schemaViolations('Shop', shop), `Shop ${id}`).to.deep.equal([]);
      }
    });
  });

  describe('a create with nothing to write', () => {
    it('is refused before any request, by Create and by an Upsert that would create; one field is enough', async () => {
      const named = 'give at least one of Customer\'s fields, such as firstName, lastName, company or Contact';
      for (const body of [{}, { firstName: ' ', Contact: { Emails: { ContactEmail: [] } } }, { customerTypeID: null }]) {
        const refused = await run(create, body, cfg({ objectType: 'Customer' }));
        expect(refused.thrown?.message, JSON.stringify(body)).to.equal(`body: has nothing to write: ${named} (an empty create would add an empty record)`);
      }
      const upserted = await run(upsert, {}, cfg({ objectType: 'Customer' }));
      expect(upserted.thrown?.message).to.equal('body: has nothing to write: give customerID to update that Customer, or at least one of its fields to create one, '
        + 'such as firstName, lastName, company or Contact');
      expect(apiRequests(sim)).to.deep.equal([]);
      expect((await run(create, { Contact: { noEmail: false } }, cfg({ objectType: 'Customer' }))).thrown, 'false is a value').to.equal(undefined);
      expect(apiRequests(sim)).to.deep.equal(['POST /API/V3/Account/123456/Customer.json']);
    });

    it('is what an action on the record its path names takes: a register closes, a work order is cloned', async () => {
      expect((await run(create, { registerID: 1 }, cfg({ objectType: 'RegisterClose' }))).data[0]).to.include({ registerID: 1 });
      expect((await run(create, { workorderID: 1 }, cfg({ objectType: 'WorkorderClone' }))).thrown).to.equal(undefined);
      expect(apiRequests(sim)).to.deep.equal(['POST /API/V3/Account/123456/Register/1/close.json', 'POST /API/V3/Account/123456/Workorder/1/Clone.json']);
    });
  });

  describe('a nested-path entity: Sale/{saleID}/SaleLine', () => {
    // Sale 2 is open: Lightspeed deletes no line of a completed sale.
    it('creates, lists and deletes lines of one sale, taking saleID from the body', async () => {
      const step = cfg({ objectType: 'SaleSaleLine' });
      const created = await run(create, { saleID: 2, itemID: 3, unitQuantity: 2 }, step);
      expect(created.thrown).to.equal(undefined);
      const line = created.data[0] as Row;
      expect(line).to.include({ saleID: 2, itemID: 3, unitQuantity: 2 });

      const listed = await run(lookup, { saleID: 2 }, step);
      expect((listed.data as Row[]).map((row) => row.saleLineID)).to.include(line.saleLineID);
      const deleted = await run(remove, { saleID: 2, id: line.saleLineID }, step);
      expect(deleted.data[0]).to.include({ id: line.saleLineID, result: 'deleted' });
      expect(apiRequests(sim)[0]).to.equal('POST /API/V3/Account/123456/Sale/2/SaleLine.json');
    });
  });
});
