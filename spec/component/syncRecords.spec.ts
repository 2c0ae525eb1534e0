import { expect } from 'chai';
import * as syncRecords from '../../lib/actions/syncRecords';
import { ValidationError } from '../../lib/client/http';
import { Simulator, WireObject } from '../../simulator';
import { apiRequests, Emitted, run, simulatorWith } from '../helpers/component';
import { ObjectStorage } from '../helpers/objectStorage';
import { recordWrites } from '../helpers/sentWrites';
import { summaryOf, total } from '../helpers/syncSummary';

type Cfg = Awaited<ReturnType<typeof simulatorWith>>['cfg'];
type Row = Record<string, unknown>;
type Result = Emitted & { thrown?: Error };
const ACCOUNT = '/API/V3/Account/123456';

/** The seeded Items' customSku. */
const sku = (id: number): string => `SKU-${String(id).padStart(6, '0')}`;
const writes = (sim: Simulator): string[] => apiRequests(sim).filter((line) => !line.startsWith('GET'));
const queries = (sim: Simulator): string[] => apiRequests(sim).filter((line) => line.startsWith(`GET ${ACCOUNT}/Item.json`));

describe('Sync records (against the simulator)', () => {
  let sim: Simulator;
  let cfg: Cfg;
  beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 300, customers: 6, sales: 0 })));
  afterEach(() => sim.close());

  const item = (id: number): WireObject => sim.store.get('Item', id) as WireObject;
  /** A record as an ERP sends it: the SKU, the title, the default price, all as Lightspeed holds them. */
  const asStored = (id: number): Row => {
    const stored = item(id);
    const price = (stored.Prices as { ItemPrice: Row[] }).ItemPrice.find((entry) => entry.useType === 'Default')?.amount;
    return { customSku: stored.customSku, description: stored.description, Prices: { ItemPrice: [{ amount: Number(price), useType: 'Default' }] } };
  };
  const sync = (records: unknown, fields: Row = {}, attachments?: Record<string, unknown>): Promise<Result> =>
    run(syncRecords, { records }, cfg({ objectType: 'Item', matchField: 'customSku', ...fields }), undefined, undefined, attachments);

  it('a mixed batch: one outcome per record, counts adding up to the input, a write only where a record differs', async () => {
    const twins = [1, 2].map(() => Number(sim.store.create('Item', { description: 'Twin', customSku: 'TWIN-1' }).itemID));
    const records = [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(asStored),
      { ...asStored(11), description: 'Renamed in the ERP' },
      { ...asStored(12), Prices: { ItemPrice: [{ amount: 9.99, useType: 'Default' }] } },
      { customSku: 'NEW-1', description: 'New in the ERP' },
      { customSku: sku(13), defaultCost: 'cheap' },
      { ...asStored(14) }, { ...asStored(14), description: 'Other' },
      { customSku: 'TWIN-1', description: 'x' },
      asStored(296),
      { ...asStored(297), archived: false },
    ];
    const sent = recordWrites();
    const summary = summaryOf(await sync(records));

    expect({ ...summary, results: undefined }).to.deep.include({ created: 1, updated: 3, unchanged: 10, skipped: 0, failed: 5 });
    expect(total(summary)).to.equal(records.length);
    const created = summary.results.find((result) => result.outcome === 'created');
    expect(created?.id).to.equal(Number(sim.store.list('Item').find((row) => row.customSku === 'NEW-1')?.itemID));
    expect(summary.results).to.deep.equal([
      { index: 10, key: sku(11), outcome: 'updated', id: 11, changed: ['description'] },
      { index: 11, key: sku(12), outcome: 'updated', id: 12, changed: ['Prices.ItemPrice[useType=Default].amount'] },
      { index: 12, key: 'NEW-1', outcome: 'created', id: created?.id },
      { index: 13, key: sku(13), outcome: 'failed', error: 'records[13].defaultCost: must be number, got "cheap"' },
      { index: 14, key: sku(14), outcome: 'failed', error: `customSku "${sku(14)}" appears 2 times in the input (records 14, 15): nothing was written for it` },
      { index: 15, key: sku(14), outcome: 'failed', error: `customSku "${sku(14)}" appears 2 times in the input (records 14, 15): nothing was written for it` },
      { index: 16, key: 'TWIN-1', outcome: 'failed', error: `2 Item records have customSku "TWIN-1" (itemID ${twins.join(', ')}); keep one of them` },
      { index: 17, key: sku(296), outcome: 'failed', id: 296, error: `Item 296 (customSku "${sku(296)}") is archived. Add "archived": false to the record to restore and update it` },
      { index: 18, key: sku(297), outcome: 'updated', id: 297, changed: ['archived'] },
    ]);
    expect(sent).to.deep.equal([
      { method: 'PUT', path: 'Item/11.json', body: { itemID: 11, description: 'Renamed in the ERP' } },
      { method: 'PUT', path: 'Item/12.json', body: { itemID: 12, Prices: { ItemPrice: [{ useType: 'Default', amount: 9.99 }] } } },
      { method: 'POST', path: 'Item.json', body: { customSku: 'NEW-1', description: 'New in the ERP' } },
      { method: 'PUT', path: 'Item/297.json', body: { itemID: 297, archived: false } },
    ]);
    expect(queries(sim), 'one IN query for the 15 keys').to.have.length(1);
    expect(decodeURIComponent(queries(sim)[0])).to.include(`customSku=IN,["${sku(1)}","${sku(2)}"`).and.include('archived=true');
    expect(item(11).description).to.equal('Renamed in the ERP');
    expect(item(297).archived).to.equal('false');
    expect(sim.store.list('Item').filter((row) => row.customSku === 'NEW-1')).to.have.length(1);
  });

  it('the same input again writes nothing: every record unchanged, one lookup per 100 records', async () => {
    const records = [...Array.from({ length: 150 }, (_, index) => asStored(index + 1)), { customSku: 'NEW-2', description: 'Added' }];
    records[3] = { ...records[3], description: 'Changed once' };
    const first = summaryOf(await sync(records));
    expect({ ...first, results: undefined }).to.deep.include({ created: 1, updated: 1, unchanged: 149, failed: 0 });
    sim.resetStats();

    const second = summaryOf(await sync(records));
    expect({ ...second, results: undefined }).to.deep.include({ created: 0, updated: 0, unchanged: 151, skipped: 0, failed: 0 });
    expect(second.results, 'unchanged records are counted, not listed').to.deep.equal([]);
    expect(writes(sim)).to.deep.equal([]);
    expect(queries(sim)).to.have.length(2);
  });

  it('drips: what Lightspeed\'s X-LS-API-Request-Cost answers add up to, which is what the bucket took', async () => {
    await sim.close();
    const frozen = Date.now();
    ({ sim, cfg } = await simulatorWith({ items: 300, customers: 6, sales: 0, rateLimit: true, bucketSize: 10_000, now: () => frozen }));
    const records = [asStored(1), { ...asStored(2), description: 'New title' }, { ...asStored(3), Prices: { ItemPrice: [{ amount: 1.25, useType: 'MSRP' }] } }];
    const summary = summaryOf(await sync(records));
    const level = Number(sim.stats.bucketSamples.at(-1)?.level);
    // One query (1), a PUT of plain fields (1), a PUT with one price (1 + 0.5).
    expect(summary.drips).to.equal(3.5);
    expect(summary.drips).to.equal(level);
  });

  it('looks keys up 100 to a query and logs progress every 100 records with what is left at the drip rate', async () => {
    const records = Array.from({ length: 250 }, (_, index) => asStored(index + 1));
    const result = await sync(records);
    expect(summaryOf(result).unchanged).to.equal(250);
    expect(queries(sim)).to.have.length(3);
    const progress = result.logs.filter((line) => line.startsWith('Sync records:'));
    expect(progress).to.have.length(3);
    expect(progress[0]).to.match(/^Sync records: 100 of 250 done \(unchanged 100\); 1 drip spent; about \d+ s left at 1 drip\/s$/);
    expect(progress[2]).to.match(/^Sync records: 250 of 250 done \(unchanged 250\); 3 drips spent, in \d+ s$/);
  });

  it('keys with characters Lightspeed\'s query syntax escapes are looked up alone, with = and the documented escaping', async () => {
    const odd = sim.store.create('Item', { description: 'Odd', customSku: 'A,B|C' });
    const summary = summaryOf(await sync([asStored(1), asStored(2), { customSku: 'A,B|C', description: 'Odd, renamed' }]));
    expect(summary.results).to.deep.equal([{ index: 2, key: 'A,B|C', outcome: 'updated', id: Number(odd.itemID), changed: ['description'] }]);
    expect(queries(sim).map((line) => decodeURIComponent(line.replace(/.*\?/, '')).split('&')[0]).sort()).to.deep.equal([
      'customSku=A%2CB%7CC', `customSku=IN,["${sku(1)}","${sku(2)}"]`,
    ]);
  });

  it('update only: records Lightspeed lacks are skipped; create only: records it has are skipped, never compared', async () => {
    const records = [{ ...asStored(1), description: 'Changed' }, { customSku: 'NEW-3', description: 'New' }];
    const updateOnly = summaryOf(await sync(records, { syncMode: 'updateOnly' }));
    expect(updateOnly.results).to.deep.equal([
      { index: 0, key: sku(1), outcome: 'updated', id: 1, changed: ['description'] },
      { index: 1, key: 'NEW-3', outcome: 'skipped', error: 'no Item has this customSku (Sync mode updateOnly)' },
    ]);
    const createOnly = summaryOf(await sync([{ ...asStored(2), description: 'Changed' }, ...records.slice(1)], { syncMode: 'createOnly' }));
    expect(createOnly.results.map((result) => [result.outcome, result.error])).to.deep.equal([
      ['skipped', 'Item 2 already has this customSku (Sync mode createOnly)'], ['created', undefined],
    ]);
    expect(item(2).description).not.to.equal('Changed');
  });

  it('a record Lightspeed refuses fails with Lightspeed\'s message; the records after it are written', async () => {
    const summary = summaryOf(await sync([{ customSku: sku(1), description: '' }, { ...asStored(2), description: 'Fine' }]));
    expect(summary.results).to.deep.equal([
      { index: 0, key: sku(1), outcome: 'failed', id: 1, error: 'Lightspeed answered 400 to PUT Item 1: Item.description cannot be empty' },
      { index: 1, key: sku(2), outcome: 'updated', id: 2, changed: ['description'] },
    ]);
  });

  it('"archived": true on an archived record is compared like any field: the rest updated, the record left archived', async () => {
    const summary = summaryOf(await sync([{ customSku: sku(298), archived: true, description: 'Still archived' }]));
    expect(summary.results).to.deep.equal([{ index: 0, key: sku(298), outcome: 'updated', id: 298, changed: ['description'] }]);
    expect(item(298)).to.include({ archived: 'true', description: 'Still archived' });
  });

  it('"archived": true on an active record fails: Lightspeed archives through a DELETE, and nothing is written for it', async () => {
    const summary = summaryOf(await sync([{ customSku: sku(3), archived: true, description: 'Retired' }]));
    expect(summary.results).to.deep.equal([{ index: 0, key: sku(3), outcome: 'failed', id: 3,
      error: `Item 3 (customSku "${sku(3)}") is not archived, and Lightspeed archives only through a DELETE (Delete Object By ID), not a write` }]);
    expect(writes(sim)).to.deep.equal([]);
  });

  it('a 429 only paces: the batch goes on and every record is written', async () => {
    sim.setOptions({ failures: [{ status: 429, count: 3, match: { method: 'PUT' } }] });
    const records = [1, 2, 3, 4].map((id) => ({ ...asStored(id), description: `Paced ${id}` }));
    const summary = summaryOf(await sync(records));
    expect(summary.updated).to.equal(4);
    expect(sim.stats.rateLimited).to.equal(3);
  });

  it('a failure of the credential or the connection ends the run, saying how far it got and that a re-run is safe', async () => {
    sim.setOptions({ failures: [{ status: 403, count: 1, match: { method: 'PUT', path: 'Item/2.json' } }] });
    const result = await sync([1, 2, 3].map((id) => ({ ...asStored(id), description: `Stopped ${id}` })));
    expect(result.thrown?.message).to.match(/^Sync stopped after 1 of 3 records \(updated 1\): Lightspeed answered 403 to PUT Item 2.*\. Running the same input again writes only what still differs\.$/);
    expect(item(3).description).not.to.equal('Stopped 3');
  });

  it('emit individually: one message per record, with Lightspeed\'s record', async () => {
    const result = await sync([asStored(1), { ...asStored(2), description: 'One by one' }], { emitBehavior: 'emitIndividually' });
    expect(result.data).to.have.length(2);
    const [unchanged, updated] = result.data as Row[];
    expect(unchanged).to.deep.include({ index: 0, key: sku(1), outcome: 'unchanged', id: 1 });
    expect(unchanged.record).to.include({ itemID: 1, customSku: sku(1) });
    expect(updated).to.deep.include({ index: 1, key: sku(2), outcome: 'updated', id: 2, changed: ['description'] });
    expect(updated.record).to.include({ itemID: 2, description: 'One by one' });
  });

  it('by primary key: records with their ID compared and updated, without one created, an unknown ID failed', async () => {
    const records = [{ itemID: 1, description: String(item(1).description) }, { itemID: 2, description: 'By ID' }, { description: 'No ID yet' }, { itemID: 99999, description: 'x' }];
    const summary = summaryOf(await sync(records, { matchField: '' }));
    expect(summary.results.map((result) => [result.index, result.outcome, result.error])).to.deep.equal([
      [1, 'updated', undefined], [2, 'created', undefined],
      [3, 'failed', 'Item 99999 does not exist (archived included): a record is never created with an ID of its choosing (leave itemID out to create one)'],
    ]);
    expect(summary.unchanged).to.equal(1);
    expect(decodeURIComponent(queries(sim)[0])).to.include('itemID=IN,[1,2,99999]');
  });

  it('Customers by e-mail: one query per key (Lightspeed documents no IN through Contact), said in the log', async () => {
    const address = (id: number): string => `sync.${id}@example.com`;
    const customers = [1, 2].map((id) => ({ firstName: `Sync ${id}`, lastName: 'Test', Contact: { Emails: { ContactEmail: [{ address: address(id), useType: 'Primary' }] } } }));
    const step = cfg({ objectType: 'Customer', matchField: 'Contact.email' });
    const first = await run(syncRecords, { records: customers }, step);
    expect(summaryOf(first).created).to.equal(2);
    expect(first.logs).to.include('Sync records: Lightspeed documents no IN search for Contact.email, so the 2 keys are looked up one query each (1 drip each, plus Contact loaded), not 100 to a query');
    sim.resetStats();
    const second = summaryOf(await run(syncRecords, { records: customers }, step));
    expect(second.unchanged).to.equal(2);
    expect(apiRequests(sim)).to.have.length(2);
    expect(apiRequests(sim).every((line) => line.includes('Contact.email='))).to.equal(true);
  });

  describe('records from an attachment (a JSON array), as the platform passes a file', () => {
    let storage: ObjectStorage;
    beforeEach(async () => { storage = await ObjectStorage.start(); });
    afterEach(() => storage.close());

    it('a signed URL and an object of the platform\'s storage, read as Upload Image reads its picture', async () => {
      const bytes = Buffer.from(JSON.stringify([asStored(1), { ...asStored(2), description: 'From a file' }]));
      const signed = await run(syncRecords, { recordsAttachment: 'products.json' }, cfg({ objectType: 'Item', matchField: 'customSku' }), undefined, undefined,
        { 'products.json': storage.signedAttachment('products.json', bytes, 'application/json') });
      expect(summaryOf(signed)).to.deep.include({ updated: 1, unchanged: 1 });

      const previous = { uri: process.env.ELASTICIO_OBJECT_STORAGE_URI, token: process.env.ELASTICIO_OBJECT_STORAGE_TOKEN };
      Object.assign(process.env, storage.env);
      try {
        const stored = await run(syncRecords, { recordsAttachment: 'products.json' }, cfg({ objectType: 'Item', matchField: 'customSku' }), undefined, undefined,
          { 'products.json': storage.maesterAttachment(bytes, 'application/json') });
        expect(summaryOf(stored)).to.deep.include({ updated: 0, unchanged: 2 });
      } finally {
        for (const [name, value] of [['ELASTICIO_OBJECT_STORAGE_URI', previous.uri], ['ELASTICIO_OBJECT_STORAGE_TOKEN', previous.token]] as const) {
          if (value === undefined) delete process.env[name];
          else process.env[name] = value;
        }
      }
      expect(storage.requests.map((line) => line.replace(/\/objects\/\w+/, '/objects/ID'))).to.deep.equal(['GET /signed/products.json -> 200', 'GET /objects/ID -> 200']);
    });

    it('an attachment that is not a JSON array is refused, naming it, before any Lightspeed request', async () => {
      const notJson = await run(syncRecords, { recordsAttachment: 'p.csv' }, cfg({ objectType: 'Item', matchField: 'customSku' }), undefined, undefined,
        { 'p.csv': storage.signedAttachment('p.csv', Buffer.from('customSku,description\nA,B\n'), 'text/csv') });
      expect(notJson.thrown?.message).to.equal('attachments["p.csv"]: is not JSON (it starts "customSku,description\\nA,"): it must hold an array of records');
      const object = await run(syncRecords, { recordsAttachment: 'p.json' }, cfg({ objectType: 'Item', matchField: 'customSku' }), undefined, undefined,
        { 'p.json': storage.signedAttachment('p.json', Buffer.from('{"records": []}'), 'application/json') });
      expect(object.thrown?.message).to.equal('attachments["p.json"]: must be an array of records, got object');
      expect(apiRequests(sim)).to.deep.equal([]);
    });
  });

  describe('design time', () => {
    it('in: records (the entity\'s fields as Upsert takes them for the Match by) or an attachment; out: the summary, or one result with its record', async () => {
      const meta = await syncRecords.getMetaModel({ objectType: 'Item', matchField: 'customSku' });
      expect(Object.keys(meta.in.properties ?? {})).to.deep.equal(['records', 'recordsAttachment']);
      const record = meta.in.properties?.records?.items;
      expect(record?.properties?.customSku, 'the match key, required the platform\'s way').to.include({ required: true });
      expect(record?.properties).to.have.property('Prices');
      expect(record?.properties).not.to.have.property('itemID');
      expect(Object.keys(meta.out.properties ?? {})).to.deep.equal(['created', 'updated', 'unchanged', 'skipped', 'failed', 'drips', 'results']);
      expect(meta.out.properties?.results?.items?.properties).not.to.have.property('record');
      const byId = await syncRecords.getMetaModel({ objectType: 'Item', emitBehavior: 'emitIndividually' });
      expect(byId.in.properties?.records?.items?.properties?.itemID).not.to.have.property('required');
      expect(Object.keys(byId.out.properties ?? {})).to.deep.equal(['index', 'key', 'outcome', 'id', 'changed', 'error', 'record']);
      expect(byId.out.properties?.record?.properties).to.have.property('itemID');
    });

    it('offers the entities Upsert offers, and Upsert\'s Match by choices', async () => {
      const types = await syncRecords.getObjectTypes();
      expect(types).to.include({ Item: 'Item', Customer: 'Customer', Vendor: 'Vendor' });
      expect(types).not.to.have.property('ItemShop');
      expect(types, 'listed per Sale only').not.to.have.property('SaleSaleLine');
      expect(await syncRecords.getMatchFields({ objectType: 'Customer' })).to.deep.equal({ customerID: 'customerID (primary key)', 'Contact.email': 'e-mail (Contact)' });
    });
  });

  describe('input refused before any request', () => {
    const tooMany = Array.from({ length: 10_001 }, (_, index) => ({ customSku: `K-${index}` }));
    const cases: Array<[string, Row, Row, string]> = [
      ['no records', {}, {}, 'body.records: is required: an array of records, or the name of a JSON attachment holding one in body.recordsAttachment'],
      ['records not an array', { records: { customSku: 'A' } }, {}, 'body.records: must be an array of records, got object'],
      ['an empty list', { records: [] }, {}, 'body.records: is empty: there is nothing to sync'],
      ['more than 10,000 records', { records: tooMany }, {}, 'body.records: holds 10001 records; the limit is 10,000 a message: split the input'],
      ['records and an attachment', { records: [{}], recordsAttachment: 'x.json' }, {}, 'body.recordsAttachment: must be left out when body.records is given: give one of them'],
      ['an attachment the message lacks', { recordsAttachment: 'x.json' }, {}, 'body.recordsAttachment: the message has no attachment "x.json" (it has none)'],
      ['a misspelt field', { record: [] }, {}, 'body.record: not a field of Sync records\' message; did you mean records?: it takes records (an array) or recordsAttachment'],
      ['an unknown entity', { records: [{}] }, { objectType: 'Itme' }, 'objectType: "Itme" is not a Lightspeed Retail entity; did you mean Item?'],
      ['an entity that cannot be upserted', { records: [{}] }, { objectType: 'ItemShop' }, 'objectType: ItemShop cannot be upserted (that needs both create and update) through the Lightspeed API'],
      ['an entity listed per parent only', { records: [{}] }, { objectType: 'SaleSaleLine', matchField: '' }, 'objectType: SaleSaleLine records cannot be looked up by a key in one list, so they cannot be synced (Upsert Object takes them one by one)'],
      ['an unknown match field', { records: [{}] }, { matchField: 'sku' }, 'matchField: Item cannot be matched by "sku" (choose one of itemID, customSku, systemSku, upc, ean, manufacturerSku)'],
      ['an unknown sync mode', { records: [{}] }, { syncMode: 'upsert' }, 'syncMode: must be one of createAndUpdate, updateOnly, createOnly, got "upsert"'],
    ];
    for (const [name, body, fields, message] of cases) {
      it(`${name}: ${message.split(':')[0]}`, async () => {
        const result = await run(syncRecords, body, cfg({ objectType: 'Item', matchField: 'customSku', ...fields }));
        expect(result.thrown).to.be.instanceOf(ValidationError);
        expect(result.thrown?.message).to.match(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
        expect(result.data).to.deep.equal([]);
        expect(apiRequests(sim)).to.deep.equal([]);
      });
    }

    it('records that fail the entity\'s schema are failures naming the field; the others go on', async () => {
      const summary = summaryOf(await sync([
        { customSku: sku(1), colour: 'red' }, { description: 'no key' }, { customSku: sku(2), itemID: 2 }, 'text', asStored(3),
      ]));
      expect(summary.results.map((result) => result.error)).to.deep.equal([
        'records[0].colour: not a field of Item',
        'records[1].customSku: is required',
        'records[2].itemID: must be left out when matching by customSku: the match finds the record',
        'records[3]: must be a record (a JSON object), got string',
      ]);
      expect(summary.unchanged).to.equal(1);
    });

    it('what Lightspeed would refuse or ignore in a write fails that record, naming the field, and nothing is sent for it', async () => {
      const stock = (entry: Row): Row => ({ customSku: sku(5), ItemShops: { ItemShop: [entry] } });
      const sent = recordWrites();
      const summary = summaryOf(await sync([
        stock({ qoh: 4 }), stock({ shopID: 1, qoh: -3 }), stock({ shopID: 1, qoh: 4, sellable: 4 }),
        { customSku: sku(6), ItemShops: { ItemShop: [{ shopID: 1, qoh: 4 }, { shopID: 1, qoh: 5 }] } },
        { ...asStored(7), description: 'Written' },
      ]));
      expect(summary.results).to.deep.equal([
        { index: 0, key: sku(5), outcome: 'failed', error: 'records[0].ItemShops.ItemShop.0: needs itemShopID or shopID: Lightspeed finds the shop\'s stock record by one of them' },
        { index: 1, key: sku(5), outcome: 'failed', error: 'records[1].ItemShops.ItemShop.0.qoh: must be 0 or more, got -3: Lightspeed does not set a negative quantity on hand through the API (only sales, transfers and returns take it below 0)' },
        { index: 2, key: sku(5), outcome: 'failed', error: 'records[2].ItemShops.ItemShop.0.sellable: is read-only: Lightspeed computes it from qoh (0 when qoh is negative)' },
        { index: 3, key: sku(6), outcome: 'failed', error: 'records[3].ItemShops.ItemShop.1: names shopID 1 a second time: Lightspeed refuses two entries for one shop' },
        { index: 4, key: sku(7), outcome: 'updated', id: 7, changed: ['description'] },
      ]);
      expect(sent).to.deep.equal([{ method: 'PUT', path: 'Item/7.json', body: { itemID: 7, description: 'Written' } }]);
      expect(queries(sim), 'the refused records\' keys are not even looked up').to.have.length(1);
      expect(decodeURIComponent(queries(sim)[0])).to.include(`customSku=${sku(7)}&`);
    });

    it('by primary key, a read-only field fails that record with the reason, as Upsert refuses it', async () => {
      const summary = summaryOf(await sync([{ itemID: 8, systemSku: '210000000008', description: 'x' }, { itemID: 9, description: String(item(9).description) }], { matchField: '' }));
      expect(summary.results).to.deep.equal([
        { index: 0, key: '8', outcome: 'failed', error: 'records[0].systemSku: is read-only: Lightspeed sets it itself and ignores it in a write' },
      ]);
      expect(summary.unchanged).to.equal(1);
      expect(writes(sim)).to.deep.equal([]);
    });
  });
});
