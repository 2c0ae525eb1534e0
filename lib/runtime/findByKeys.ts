/**
 * Finding the records many keys of the other system name, in as few queries as Lightspeed allows: `IN` takes 100
 * values (`customSku=IN,["A","B"]`), so a query costs 0.01 drip a key instead of 1. What one query returns is checked
 * record by record, since Lightspeed compares text loosely and may not apply a filter it does not know.
 */
import { MatchField } from '../catalog/matchFields';
import { JsonRecord } from '../catalog/records';
import { hasArchive } from '../catalog/schemaIn';
import { EntitySpec } from '../catalog/types';
import { EntityApi } from '../client/entityApi';
import { literalValue } from '../input/filters';

/** Lightspeed's documented limit of an `IN` list. */
export const MAX_IN_VALUES = 100;
/**
 * Longest `IN` parameter sent, URL-encoded. Lightspeed documents no URL limit; 8 KB request lines are a common server
 * default (nginx, Apache), so a list of long keys is split before it gets near one.
 */
export const MAX_IN_CHARS = 6000;

/** What the lookup found for one key: the records carrying it (archived ones included), or why none can be trusted. */
export type KeyLookup = { records: JsonRecord[] } | { refusal: string };

export interface LookupOptions {
  /** Relations to load with each record (what the caller compares), besides what the field's own search needs. */
  loadRelations?: string[];
  /** Called after each query, with the number of keys it covered. */
  onQuery?: (keys: number) => void;
}

/**
 * The records each of `values` names, by `field`, archived ones included: one `IN` query per 100 keys where Lightspeed
 * documents `IN` for the field, else one query per key. A key whose query Lightspeed answered with a record not
 * carrying it exactly gets a refusal naming that record. Values are compared as `field` does (e-mails whatever their
 * letter case); the map is keyed by the values as given.
 */
export async function findByKeys(
  api: EntityApi, entity: EntitySpec, field: MatchField, values: readonly string[], options: LookupOptions = {},
): Promise<Map<string, KeyLookup>> {
  const found = new Map<string, KeyLookup>();
  for (const group of queryGroups(field, [...new Set(values)])) {
    for (const [value, lookup] of await lookUp(api, entity, field, group, options.loadRelations ?? [])) found.set(value, lookup);
    options.onQuery?.(group.length);
  }
  return found;
}

/** Groups of values that share a query: up to 100 and MAX_IN_CHARS where `IN` works, alone otherwise. */
export function queryGroups(field: MatchField, values: string[]): string[][] {
  if (!field.inList) return values.map((value) => [value]);
  const groups: string[][] = [];
  let current: string[] = [];
  for (const value of values) {
    if (!listable(field, value)) {
      groups.push([value]);
      continue;
    }
    const next = [...current, value];
    if (current.length > 0 && (next.length > MAX_IN_VALUES || inParameter(field, next).length > MAX_IN_CHARS)) {
      groups.push(current);
      current = [value];
    } else current = next;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Whether a value can sit in an `IN` list. How Lightspeed decodes the text elements of a list is not documented, so
 * values with characters its query syntax escapes (`,` `%` `|` `=` `+`), a JSON quote or backslash, or a bracket go
 * alone with `=` (escaped as documented) rather than risk a key that is not found and then created twice.
 */
function listable(field: MatchField, value: string): boolean {
  if (field.numeric) return /^\d+$/.test(value);
  return !/[,%|=+"\\[\]]/.test(value) && value.trim() === value && value !== '';
}

/** `IN,["A","B"]` (texts) or `IN,[1,2]` (numbers), URL-encoded as it goes on the wire. */
function inParameter(field: MatchField, values: string[]): string {
  const list = field.numeric ? `[${values.join(',')}]` : JSON.stringify(values);
  return encodeURIComponent(`IN,${list}`);
}

async function lookUp(
  api: EntityApi, entity: EntitySpec, field: MatchField, values: string[], relations: string[],
): Promise<Map<string, KeyLookup>> {
  const params: Record<string, string> = {
    [field.key]: values.length === 1 ? literalValue(values[0]) : decodeURIComponent(inParameter(field, values)),
  };
  if (hasArchive(entity)) params.archived = 'true';
  const loadRelations = [...new Set([...field.loadRelations, ...relations])];
  const attributed = new Attribution(entity, field, values);
  for await (const record of api.records(entity, { params, loadRelations })) {
    if (!attributed.add(record)) break;
  }
  return attributed.result();
}

/** Records of one query, each given to the keys it carries; a record that carries none stops trusting the query. */
class Attribution {
  private readonly records = new Map<string, JsonRecord[]>();
  private readonly refusals = new Map<string, string>();
  private readonly seen = new Set<unknown>();

  constructor(private readonly entity: EntitySpec, private readonly field: MatchField, private readonly values: string[]) {
    for (const value of values) this.records.set(value, []);
  }

  /** Takes one record; false when the query's answer cannot be trusted any further. */
  add(record: JsonRecord): boolean {
    const id = record[this.entity.primaryKey as string];
    if (this.seen.has(id)) return true;
    this.seen.add(id);
    const carried = this.field.valuesOf(record);
    let named = false;
    for (const value of this.values) {
      if (carried.some((candidate) => sameKey(this.field, candidate, value))) {
        this.records.get(value)?.push(record);
        named = true;
      } else if (carried.some((candidate) => looselySame(candidate, value))) {
        // Lightspeed compares text loosely (letter case, trailing spaces): a near miss is not this key's record.
        this.refuse(value, record, carried);
        named = true;
      }
    }
    if (named) return true;
    for (const value of this.values) this.refuse(value, record, carried);
    return false;
  }

  result(): Map<string, KeyLookup> {
    return new Map(this.values.map((value) => {
      const refusal = this.refusals.get(value);
      return [value, refusal === undefined ? { records: this.records.get(value) ?? [] } : { refusal }];
    }));
  }

  private refuse(value: string, record: JsonRecord, carried: unknown[]): void {
    if (this.refusals.has(value)) return;
    const asked = this.values.length === 1 ? JSON.stringify(value) : `IN [${this.values.length} values, ${JSON.stringify(value)} among them]`;
    this.refusals.set(value, `Lightspeed returned ${this.entity.name} ${String(record[this.entity.primaryKey as string])} for ${this.field.key} ${asked}, `
      + `but it carries ${describeValues(carried)}`);
  }
}

/** The refusal for a key several records carry (Lightspeed enforces no key as unique). */
export function severalRecords(entity: EntitySpec, field: MatchField, value: string, records: JsonRecord[]): string {
  const ids = records.map((record) => record[entity.primaryKey as string]).join(', ');
  return `${records.length} ${entity.name} records have ${field.key} ${JSON.stringify(value)} (${entity.primaryKey} ${ids}); keep one of them`;
}

function sameKey(field: MatchField, candidate: unknown, value: string): boolean {
  if (candidate === undefined || candidate === null) return false;
  return field.ignoreCase ? String(candidate).toLowerCase() === value.toLowerCase() : String(candidate) === value;
}

function looselySame(candidate: unknown, value: string): boolean {
  if (candidate === undefined || candidate === null) return false;
  return String(candidate).trim().toLowerCase() === value.trim().toLowerCase();
}

function describeValues(values: unknown[]): string {
  const present = values.filter((value) => value !== undefined && value !== null && value !== '');
  return present.length === 0 ? 'none' : present.map((value) => JSON.stringify(value)).join(', ');
}
