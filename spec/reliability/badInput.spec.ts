import { expect } from 'chai';
import * as create from '../../lib/actions/createObject';
import * as remove from '../../lib/actions/deleteObjectById';
import * as lookup from '../../lib/actions/lookupObjectById';
import * as update from '../../lib/actions/updateObject';
import * as upsert from '../../lib/actions/upsertObject';
import * as trigger from '../../lib/triggers/pollingEntity';
import { Simulator } from '../../simulator';
import { run, simulatorWith } from '../helpers/component';
import { assertNoSecrets } from './harness';
import { tally } from './tally';

type Handler = Parameters<typeof run>[0];
interface Case { name: string; handler: Handler; cfg: Record<string, unknown>; body: unknown; error: string | RegExp }

const big = 'x'.repeat(600 * 1024);

/** Every case must fail with an error naming the field and the problem, and send nothing at all. */
export const BAD_INPUTS: Case[] = [
  { name: 'no objectType', handler: create, cfg: {}, body: {}, error: 'objectType: is required: choose the Lightspeed entity' },
  { name: 'unknown objectType', handler: lookup, cfg: { objectType: 'Widget' }, body: { id: 1 }, error: 'objectType: "Widget" is not a Lightspeed Retail entity' },
  { name: 'objectType without create', handler: create, cfg: { objectType: 'SalePayment' }, body: {}, error: 'objectType: SalePayment cannot be created through the Lightspeed API' },
  { name: 'objectType without delete', handler: remove, cfg: { objectType: 'Manufacturer' }, body: { id: 1 }, error: 'objectType: Manufacturer cannot be deleted through the Lightspeed API' },
  { name: 'objectType without update+create for upsert', handler: upsert, cfg: { objectType: 'Register' }, body: {}, error: /^objectType: Register cannot be upserted/ },
  { name: 'lookup id "abc"', handler: lookup, cfg: { objectType: 'Item' }, body: { id: 'abc' }, error: 'body.id: must be integer, got "abc"' },
  { name: 'lookup id "1/../2"', handler: lookup, cfg: { objectType: 'Item' }, body: { id: '1/../2' }, error: 'body.id: must be integer, got "1/../2"' },
  { name: 'lookup id -3', handler: lookup, cfg: { objectType: 'Item' }, body: { id: -3 }, error: 'body.id: must be >= 1, got -3' },
  { name: 'lookup id "-3"', handler: lookup, cfg: { objectType: 'Item' }, body: { id: '-3' }, error: /^body\.id: must be >= 1/ },
  { name: 'lookup id 1.5', handler: lookup, cfg: { objectType: 'Item' }, body: { id: 1.5 }, error: 'body.id: must be integer, got 1.5' },
  { name: 'delete id ""', handler: remove, cfg: { objectType: 'Item' }, body: { id: '' }, error: /^body\.id: must be integer/ },
  { name: 'lookup with neither id nor filters', handler: lookup, cfg: { objectType: 'Item' }, body: { loadRelations: ['Category'] }, error: 'body.id: is required, or give body.filters to list the matching records' },
  { name: 'delete without id', handler: remove, cfg: { objectType: 'Customer' }, body: {}, error: 'body.id: is required' },
  { name: 'update without the primary key', handler: update, cfg: { objectType: 'Customer' }, body: { firstName: 'A' }, error: 'body.customerID: is required' },
  { name: 'update with itemID "abc"', handler: update, cfg: { objectType: 'Item' }, body: { itemID: 'abc' }, error: 'body.itemID: must be integer, got "abc"' },
  { name: 'create with a wrong type', handler: create, cfg: { objectType: 'Item' }, body: { description: 'x', defaultCost: 'cheap' }, error: 'body.defaultCost: must be number, got "cheap"' },
  { name: 'create with an object for a string', handler: create, cfg: { objectType: 'Item' }, body: { description: { text: 'x' } }, error: 'body.description: must be string, got {"text":"x"}' },
  { name: 'create with a misspelt field', handler: create, cfg: { objectType: 'Item' }, body: { descripton: 'x' }, error: 'body.descripton: is not a field of this entity (check the spelling)' },
  { name: 'create with a bad enum', handler: create, cfg: { objectType: 'Item' }, body: { itemType: 'gadget' }, error: /^body\.itemType: must be one of default, non_inventory/ },
  { name: 'create nested without its parent key', handler: create, cfg: { objectType: 'SaleSaleLine' }, body: { itemID: 1 }, error: 'body.saleID: is required' },
  { name: 'register open without registerID', handler: create, cfg: { objectType: 'RegisterOpen' }, body: {}, error: 'body.registerID: is required' },
  { name: 'a non-object body (array)', handler: create, cfg: { objectType: 'Item' }, body: [1, 2], error: 'body: must be a JSON object, got an array' },
  { name: 'a non-object body (string)', handler: update, cfg: { objectType: 'Item' }, body: 'itemID=1', error: 'body: must be a JSON object, got string' },
  { name: 'an oversized body', handler: create, cfg: { objectType: 'Item' }, body: { description: big }, error: 'body: is 600 KB; the limit is 512 KB' },
  { name: 'an unknown filter operator', handler: lookup, cfg: { objectType: 'Item' }, body: { filters: { itemID: '=>,5' } }, error: 'body.filters.itemID: "=>" is not a Lightspeed operator (use one of !~ != <= >= >< < > = ~ IN)' },
  { name: 'a filter on an unknown field', handler: lookup, cfg: { objectType: 'Item' }, body: { filters: { colour: 'red' } }, error: 'body.filters.colour: is not a field of Item' },
  { name: 'a between filter with one value', handler: lookup, cfg: { objectType: 'Item' }, body: { filters: { itemID: '><,5' } }, error: 'body.filters.itemID: "><" needs two values: "><,from,to"' },
  { name: 'an unknown relation', handler: lookup, cfg: { objectType: 'Item' }, body: { loadRelations: ['Colour'] }, error: /^body\.loadRelations\.0: must be one of Category/ },
  { name: 'a bad emitBehavior', handler: lookup, cfg: { objectType: 'Item', emitBehavior: 'emitSome' }, body: { id: 1 }, error: 'emitBehavior: must be emitIndividually, emitPage or emitAll, got "emitSome"' },
  { name: 'trigger pageSize 0', handler: trigger, cfg: { objectType: 'Item', pageSize: 0 }, body: {}, error: 'pageSize: must be a whole number from 1 to 100, got 0' },
  { name: 'trigger pageSize 500', handler: trigger, cfg: { objectType: 'Item', pageSize: '500' }, body: {}, error: 'pageSize: must be a whole number from 1 to 100, got "500"' },
  { name: 'trigger unparsable startTime', handler: trigger, cfg: { objectType: 'Item', startTime: 'yesterday' }, body: {}, error: 'startTime: is not an ISO 8601 date-time such as 2024-01-01T00:00:00Z, got "yesterday"' },
  { name: 'trigger endTime before startTime', handler: trigger, cfg: { objectType: 'Item', startTime: '2024-02-01', endTime: '2024-01-01' }, body: {}, error: 'endTime: (2024-01-01T00:00:00+00:00) must be after startTime (2024-02-01T00:00:00+00:00)' },
  { name: 'trigger on an entity it cannot poll', handler: trigger, cfg: { objectType: 'SaleSaleLine' }, body: {}, error: /^objectType: SaleSaleLine cannot be polled/ },
  { name: 'trigger unknown pollingField', handler: trigger, cfg: { objectType: 'Item', pollingField: 'colour' }, body: {}, error: 'pollingField: "colour" is not a datetime field of Item (choose one of timeStamp, createTime)' },
  { name: 'trigger unknown relation', handler: trigger, cfg: { objectType: 'Item', loadRelations: 'ItemShops,Colour' }, body: {}, error: /^loadRelations: "Colour" is not a relation of Item/ },
  { name: 'malformed environmentUrl', handler: lookup, cfg: { objectType: 'Item', environmentUrl: 'https://exa mple.com' }, body: { id: 1 }, error: 'environmentUrl: "https://exa mple.com" is not a valid URL' },
  { name: 'plain http to a remote host', handler: lookup, cfg: { objectType: 'Item', environmentUrl: 'http://api.lightspeedapp.com' }, body: { id: 1 }, error: /^environmentUrl: must use https/ },
  { name: 'missing clientId', handler: lookup, cfg: { objectType: 'Item', clientId: '' }, body: { id: 1 }, error: 'clientId: is required' },
  { name: 'missing clientSecret', handler: create, cfg: { objectType: 'Item', clientSecret: undefined }, body: { description: 'x' }, error: 'clientSecret: is required' },
  { name: 'missing refreshToken', handler: trigger, cfg: { objectType: 'Item', refreshToken: ' ' }, body: {}, error: 'refreshToken: is required: click Authenticate, or paste a refresh token from the authorization helper' },
];

describe('reliability: bad input gets a clear error naming the field, and no request is sent', () => {
  let sim: Simulator;
  let cfg: Awaited<ReturnType<typeof simulatorWith>>['cfg'];
  before(async () => ({ sim, cfg } = await simulatorWith({ items: 5 })));
  after(() => sim.close());
  beforeEach(() => sim.resetStats());

  for (const bad of BAD_INPUTS) {
    it(bad.name, async () => {
      tally.badInputs.run += 1;
      const result = await run(bad.handler, bad.body, cfg(bad.cfg));
      expect(result.thrown, 'an error').to.be.instanceOf(Error);
      if (typeof bad.error === 'string') expect(result.thrown?.message).to.equal(bad.error);
      else expect(result.thrown?.message).to.match(bad.error);
      expect(result.data, 'nothing emitted').to.deep.equal([]);
      expect(sim.stats.requests, 'requests sent').to.equal(0);
      assertNoSecrets(sim, [result]);
      tally.badInputs.rejectedWithoutRequest += 1;
    });
  }

  it('has at least 30 cases across the trigger and the five actions', () => {
    expect(BAD_INPUTS.length).to.be.at.least(30);
    expect(new Set(BAD_INPUTS.map((bad) => bad.handler)).size).to.equal(6);
  });
});
