import { expect } from 'chai';
import nock from 'nock';
import * as create from '../../lib/actions/createObject';
import * as remove from '../../lib/actions/deleteObjectById';
import * as lookup from '../../lib/actions/lookupObjectById';
import * as update from '../../lib/actions/updateObject';
import * as trigger from '../../lib/triggers/pollingEntity';
import { pollingChoices } from '../../lib/triggers/polling/fields';
import { resetConnections } from '../../lib/client/connections';
import { EntitySpec } from '../../lib/catalog/types';
import { setClientOverrides } from '../../lib/runtime/session';
import { RecordedExchange, loadCassettes, recordedRecords } from '../helpers/cassettes';
import { Emitted, run } from '../helpers/component';
import { FakeClock } from '../helpers/fakeClock';
import { cfg, tokenEndpoint } from '../helpers/lightspeed';
import { serveAnswer, serveListing, v3Path } from '../helpers/recordedAccount';
import { lostScalars, schemaViolations } from '../helpers/recordChecks';
import { Listing, Read, Write, replayPlan } from '../helpers/replayPlan';
import { tally } from './tally';

type Output = Emitted & { thrown?: Error };
type Row = Record<string, unknown>;

const exchanges = loadCassettes();
const plan = replayPlan(exchanges);

/** Each recorded record against the one emitted for it: emitted exactly once, nothing lost, its schema kept. */
function expectEmittedOnce(entity: EntitySpec, recorded: Row[], output: Output, emitted = output.data as Row[]): void {
  expect(output.thrown?.message).to.equal(undefined);
  const key = entity.primaryKey as string;
  expect(emitted.map((row) => String(row[key])).sort()).to.deep.equal(recorded.map((row) => String(row[key])).sort());
  const problems = recorded.flatMap((row) => {
    const twin = emitted.find((candidate) => String(candidate[key]) === String(row[key]));
    const lost = lostScalars(row, twin);
    const violations = schemaViolations(entity.name, twin);
    tally.replay.records += 1;
    tally.replay.lost += lost.length;
    tally.replay.schemaViolations += violations.length;
    return [...lost.map((path) => `${row[key]}: lost ${path}`), ...violations.map((text) => `${row[key]}: ${text}`)];
  });
  expect(problems).to.deep.equal([]);
}

/** The step's cfg for `entity` against the nock-served account. */
function step(entity: EntitySpec, fields: Row = {}): Row {
  return cfg({ objectType: entity.name, ...fields });
}

/** A listing through the Polling entity trigger; one of an entity the trigger cannot poll through Lookup's filters. */
async function replayListing(listing: Listing): Promise<Output> {
  const { entity, pages } = listing;
  serveListing(v3Path(entity, entity.paths.query), pages, entity.responseKey);
  if (pollingChoices(entity).length > 0) return run(trigger, {}, step(entity));
  return run(lookup, { filters: { [entity.primaryKey as string]: '>,0' } }, step(entity, { emitBehavior: 'emitIndividually' }));
}

/** A read by ID goes to the record's path; one by a filter on the key (`categoryID=10`) is a Lookup by that filter. */
async function replayRead(read: Read): Promise<Output> {
  const { entity, id } = read;
  if (!read.byFilter) {
    serveAnswer('GET', v3Path(entity, entity.paths.read, id), read.exchange);
    return run(lookup, { id: Number(id) }, step(entity));
  }
  serveListing(v3Path(entity, entity.paths.query), [read.exchange], entity.responseKey);
  return run(lookup, { filters: { [entity.primaryKey as string]: Number(id) } }, step(entity, { allowZeroResults: true }));
}

const VERB_OF: Record<string, 'create' | 'update' | 'delete'> = { POST: 'create', PUT: 'update', DELETE: 'delete' };

/** The recorded request body sent through Create, Update or Delete, answered as recorded. */
async function replayWrite(write: Write): Promise<Output> {
  const [first] = write.exchanges;
  const { entity } = write;
  const verb = VERB_OF[first.method];
  const id = first.id ?? '';
  if (entity.actions[verb]) for (const exchange of write.exchanges) serveAnswer(first.method, v3Path(entity, entity.paths[verb], id), exchange);
  const body = first.requestBody ? asContainers(JSON.parse(first.requestBody) as Row) : {};
  if (verb === 'create') return run(create, body, step(entity));
  if (verb === 'update') return run(update, { ...body, [entity.primaryKey as string]: Number(id) }, step(entity));
  return run(remove, { id: Number(id) }, step(entity));
}

/**
 * The gem sent lists as `[{"SaleLine": {...}}]`; the component takes (and its input schema documents) Lightspeed's
 * container `{"SaleLine": [...]}` and names the mismatch otherwise, so the replay writes the container.
 */
function asContainers(body: Row): Row {
  const converted: Row = {};
  for (const [key, value] of Object.entries(body)) {
    const wrapped = Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && Object.keys(item).length === 1);
    const element = wrapped ? Object.keys(value[0] as Row)[0] : undefined;
    converted[key] = element ? { [element]: (value as Row[]).map((item) => item[element]) } : value;
  }
  return converted;
}

/** What a user sees: the answered record (a Delete emits it as `record`), or an error naming what Lightspeed said. */
function expectWriteOutcome(write: Write, output: Output): void {
  const verb = VERB_OF[write.exchanges[0].method];
  const last = write.exchanges.at(-1) as RecordedExchange;
  if (!write.entity.actions[verb]) {
    // The catalog already knows what the recorded 405 says: refused before any request.
    expect(last.status).to.equal(405);
    expect(output.thrown?.message).to.equal(`objectType: ${write.entity.name} cannot be ${verb}d through the Lightspeed API`);
    return;
  }
  if (verb === 'create' && writesNothing(write)) {
    // Lightspeed refused the blank create with its 400; the component refuses it first, naming fields to give.
    expect(last.status).to.equal(400);
    expect(output.thrown?.message).to.match(new RegExp(`^body: has nothing to write: give at least one of ${write.entity.name}'s fields, such as `));
    return;
  }
  if (last.status !== 200) {
    expect(output.thrown?.message).to.contain((JSON.parse(last.body) as Row).message);
    return;
  }
  const rows = verb === 'delete' ? (output.data as Row[]).map((row) => row.record as Row) : output.data as Row[];
  expectEmittedOnce(write.entity, recordedRecords(last.body, write.entity.responseKey), output, rows);
}

/** A recorded body of blank values only (`{"description": ""}`): nothing to write. */
function writesNothing(write: Write): boolean {
  const body = JSON.parse(write.exchanges[0].requestBody || '{}') as Row;
  return Object.values(body).every((value) => value === '' || value === null);
}

const label = (cassette: string) => cassette.replace(/^.*?(HEAD-\w+|history\/\w+)\/(spec\/fixtures\/vcr_cassettes\/)?/, '$1/');

describe('reliability: the real recordings replayed through V3 paths', () => {
  beforeEach(() => {
    resetConnections();
    setClientOverrides({ clock: new FakeClock(Date.now()), settings: { backoff: { baseDelayMs: 5, maxDelayMs: 20 } } });
    tokenEndpoint(5);
  });
  afterEach(() => {
    nock.cleanAll();
    setClientOverrides({});
  });

  describe('listings: the Polling entity trigger (Lookup by filter where it cannot poll) emits every record once', () => {
    for (const listing of plan.listings) {
      it(`${listing.entity.name}: ${label(listing.cassette)} (${listing.pages.length} page(s))`, async () => {
        const recorded = listing.pages.flatMap((page) => recordedRecords(page.body, listing.entity.responseKey));
        expectEmittedOnce(listing.entity, recorded, await replayListing(listing));
      });
    }
  });

  describe('reads: Lookup Object By ID', () => {
    for (const read of plan.reads) {
      it(`${read.entity.name} ${read.id}: ${label(read.exchange.cassette)} (${read.exchange.status})`, async () => {
        const output = await replayRead(read);
        const recorded = recordedRecords(read.exchange.body, read.entity.responseKey);
        // Nothing found (a deleted Category), with "Allow zero results" on: one empty message.
        if (read.exchange.status === 200 && recorded.length === 0) expect(output.data).to.deep.equal([{}]);
        else if (read.exchange.status === 200) expectEmittedOnce(read.entity, recorded, output);
        else expect(output.thrown?.message).to.contain((JSON.parse(read.exchange.body) as Row).message);
      });
    }
  });

  describe('writes: Create, Update and Delete send the recorded body and emit the answer', () => {
    for (const write of plan.writes) {
      const last = write.exchanges.at(-1)!;
      it(`${write.exchanges[0].method} ${write.entity.name}: ${label(last.cassette)} (${write.exchanges.map((e) => e.status).join(', ')})`, async () => {
        expectWriteOutcome(write, await replayWrite(write));
      });
    }
  });

  it('replays all 54 cassettes but the three the V3 API cannot serve', () => {
    const replayed = new Set([
      ...plan.listings.map((listing) => listing.cassette),
      ...plan.reads.map((read) => read.exchange.cassette),
      ...plan.writes.flatMap((write) => write.exchanges.map((exchange) => exchange.cassette)),
    ]);
    const cassettes = [...new Set(exchanges.map((exchange) => exchange.cassette))];
    expect(cassettes).to.have.length(54);
    expect(cassettes.filter((cassette) => !replayed.has(cassette)).map(label)).to.deep.equal([
      'HEAD-42abfd9/account/Inventory/index.yml', 'HEAD-42abfd9/account/Inventory/show.yml', 'history/61b9096/accounts_401.yml',
    ]);
  });
});
