/** Groups the recorded exchanges into what the replay runs: listings (the trigger), reads (Lookup) and writes. */
import { findEntity } from '../../lib/catalog';
import { pollingChoices } from '../../lib/triggers/polling/fields';
import { EntitySpec } from '../../lib/catalog/types';
import { RecordedExchange } from './cassettes';

/** A recorded GET that lists records: the trigger polls it (or Lookup lists it, when the entity cannot be polled). */
export interface Listing {
  cassette: string;
  entity: EntitySpec;
  pages: RecordedExchange[];
}

/** A recorded GET of one record, by ID in the path or (`byFilter`) by a filter on the primary key. */
export interface Read {
  entity: EntitySpec;
  id: string;
  byFilter: boolean;
  exchange: RecordedExchange;
}

/** A recorded POST, PUT or DELETE with its answer, and the answers a retry got after it (a 429, then a 200). */
export interface Write {
  entity: EntitySpec;
  exchanges: RecordedExchange[];
}

export interface ReplayPlan {
  listings: Listing[];
  reads: Read[];
  writes: Write[];
  /** Exchanges not replayed, with the reason. */
  skipped: { exchange: RecordedExchange; reason: string }[];
}

/** The replay of every exchange, in recording order. */
export function replayPlan(exchanges: readonly RecordedExchange[]): ReplayPlan {
  const plan: ReplayPlan = { listings: [], reads: [], writes: [], skipped: [] };
  for (const exchange of exchanges) {
    const entity = catalogEntity(exchange);
    const reason = entity ? unreplayable(exchange) : 'the V3 API has no such entity (Inventory.json is gone)';
    if (!entity || reason) plan.skipped.push({ exchange, reason: reason ?? '' });
    else if (exchange.method !== 'GET') addWrite(plan.writes, entity, exchange);
    else if (readId(exchange, entity) !== undefined) {
      plan.reads.push({ entity, id: readId(exchange, entity) as string, byFilter: exchange.id === undefined, exchange });
    }
    else addPage(plan.listings, entity, exchange);
  }
  plan.listings.push(...listingsOfReads(plan));
  return plan;
}

/**
 * Shop and ItemMatrix were only read by ID: the trigger polls them over those records, one recorded answer a page
 * (one per record), so every pollable entity recorded goes through the trigger.
 */
function listingsOfReads(plan: ReplayPlan): Listing[] {
  const polled = new Set(plan.listings.filter((listing) => listing.pages.some(holdsRecords)).map((listing) => listing.entity));
  const byEntity = new Map<EntitySpec, Map<string, RecordedExchange>>();
  for (const read of plan.reads) {
    if (polled.has(read.entity) || pollingChoices(read.entity).length === 0 || !holdsRecords(read.exchange)) continue;
    const reads = byEntity.get(read.entity) ?? new Map<string, RecordedExchange>();
    if (!reads.has(read.id)) reads.set(read.id, read.exchange);
    byEntity.set(read.entity, reads);
  }
  return [...byEntity].map(([entity, reads]) => ({ cassette: [...reads.values()][0].cassette, entity, pages: [...reads.values()] }));
}

function holdsRecords(exchange: RecordedExchange): boolean {
  return exchange.status === 200 && /^\{"@attributes":\{[^{}]*\},"[A-Z]/.test(exchange.body);
}

function catalogEntity(exchange: RecordedExchange): EntitySpec | undefined {
  const name = exchange.entity ?? (new URL(exchange.uri).pathname.endsWith('/Account.json') ? 'Account' : undefined);
  return name === undefined ? undefined : findEntity(name);
}

/** 401s are about tokens (the old API's key), which the V3 replay does not reproduce. */
function unreplayable(exchange: RecordedExchange): string | undefined {
  return exchange.status === 401 ? 'a 401 to the old API key; token replies are replayed by the auth specs' : undefined;
}

function readId(exchange: RecordedExchange, entity: EntitySpec): string | undefined {
  return exchange.id ?? (entity.primaryKey ? exchange.query.get(entity.primaryKey) ?? undefined : undefined);
}

/** Pages of one listing share a cassette and an entity, and come in recording order. */
function addPage(listings: Listing[], entity: EntitySpec, exchange: RecordedExchange): void {
  const last = listings.at(-1);
  const sameListing = last && last.cassette === exchange.cassette && last.entity === entity
    && sameQuery(last.pages[0], exchange);
  if (sameListing) last.pages.push(exchange);
  else listings.push({ cassette: exchange.cassette, entity, pages: [exchange] });
}

/** Pages of one listing differ in offset only. */
function sameQuery(first: RecordedExchange, next: RecordedExchange): boolean {
  const strip = (exchange: RecordedExchange) => {
    const query = new URLSearchParams(exchange.query);
    query.delete('offset');
    return query.toString();
  };
  return strip(first) === strip(next);
}

/** A write answered 429 is sent again: the retry's answer belongs to the same write. */
function addWrite(writes: Write[], entity: EntitySpec, exchange: RecordedExchange): void {
  const last = writes.at(-1);
  const retried = last && last.exchanges.at(-1)?.status === 429 && last.exchanges[0].uri === exchange.uri;
  if (retried) last.exchanges.push(exchange);
  else writes.push({ entity, exchanges: [exchange] });
}
