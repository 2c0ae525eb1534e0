/** Nested records a write carries that Lightspeed would add rather than update (what makes a PUT unsafe to repeat). */
import type { JsonRecord, RecordShape } from './records';
import { findEntity, listEntities } from './index';
import { shapeOf } from './shapes';
import { EntitySpec } from './types';
import { STOCK_ENTRY } from './writeRules';

const primaryKeys = new Map<string, string | null>();

/** Primary key of a nested element (`SaleLine` -> `saleLineID`); null for value lists such as `ContactEmail`. */
function primaryKeyOf(element: string): string | null {
  let key = primaryKeys.get(element);
  if (key === undefined) {
    const entity = findEntity(element) ?? listEntities().find((candidate) => candidate.responseKey === element);
    key = entity?.primaryKey ?? null;
    primaryKeys.set(element, key);
  }
  return key;
}

/** Keys that name an existing nested record: its primary key; an Item's stock entry also by its shop (STOCK_ENTRY). */
function keysOf(element: string): readonly string[] {
  if (element === STOCK_ENTRY.element) return STOCK_ENTRY.keys;
  const primaryKey = primaryKeyOf(element);
  return primaryKey === null ? [] : [primaryKey];
}

/**
 * Element names (`SaleLine`, `SalePayment`, `ContactEmail`...) of the nested list records in `body` that carry none
 * of the keys that name an existing one, at any depth. Lightspeed adds such records on a PUT, so sending that PUT twice adds them
 * twice. Records of lists without a primary key at all count too: nothing tells us they would be matched.
 */
export function addedNestedRecords(entity: EntitySpec, body: JsonRecord): string[] {
  const added = new Set<string>();
  collect(body, shapeOf(entity), added);
  return [...added];
}

function collect(record: JsonRecord, shape: RecordShape, added: Set<string>): void {
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== 'object' || value === null) continue;
    const element = shape.containerElement(key);
    if (element === undefined && !Array.isArray(value)) {
      collect(value as JsonRecord, shape.nested(key), added); // a to-one record such as Contact or Note
      continue;
    }
    const name = element ?? key;
    // `{SaleLine: [...]}`, `{SaleLine: {...}}`, a bare array, or (loosely) one bare record under the container.
    const inner = Array.isArray(value) || element === undefined ? undefined : (value as JsonRecord)[element];
    const items = inner ?? value;
    for (const item of asRecords(items)) {
      if (keysOf(name).every((key) => isBlank(item[key]))) added.add(name);
      collect(item, shape.nested(name), added);
    }
  }
}

function asRecords(value: unknown): JsonRecord[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is JsonRecord => typeof item === 'object' && item !== null && !Array.isArray(item));
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === 0 || value === '0';
}
