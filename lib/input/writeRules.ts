/**
 * A write body checked against what Lightspeed refuses or silently ignores (lib/catalog/writeRules.ts), before any
 * request: a field it would ignore, a value it would refuse. Each refusal names the field and the reason.
 */
import { InVerb } from '../catalog/schemas';
import { JsonRecord } from '../catalog/records';
import { EntitySpec } from '../catalog/types';
import { NEGATIVE_QOH_REASON, STOCK_ENTRY, UPDATABLE_ONLY } from '../catalog/writeRules';
import { ValidationError } from '../client/http';

/**
 * Top-level fields Lightspeed would take and ignore: a read-only one (`systemSku`), or one an update of the entity
 * does not change (`qoh` in an ItemShop update). Checked before the schema, which would only call them unknown.
 */
export function refuseIgnoredFields(entity: EntitySpec, verb: InVerb, body: JsonRecord): void {
  if (verb !== 'create' && verb !== 'update' && verb !== 'upsert') return;
  const only = verb === 'update' && Object.hasOwn(UPDATABLE_ONLY, entity.name) ? UPDATABLE_ONLY[entity.name] : undefined;
  const keys = new Set([entity.primaryKey, ...entity.parentKeys]);
  for (const name of Object.keys(body)) {
    const field = entity.fields.find((candidate) => candidate.name === name);
    if (!field || keys.has(name)) continue;
    if (field.readOnly) throw new ValidationError(`body.${name}`, 'is read-only: Lightspeed sets it itself and ignores it in a write');
    if (only && !only.fields.includes(name)) {
      throw new ValidationError(`body.${name}`, `is not changed by an update of ${entity.name}, which sets only ${only.fields.join(' and ')} `
        + `(Lightspeed ignores ${name} there): ${only.instead}`);
    }
  }
}

/** Values Lightspeed refuses or ignores in a Create, Update or Upsert by primary key, in a body already validated. */
export function checkWriteValues(entity: EntitySpec, verb: InVerb, body: JsonRecord): void {
  if (verb === 'update' && entity.name === 'Item' && body.archived === true) {
    throw new ValidationError('body.archived', 'cannot be true in an update: Lightspeed archives an Item only by a DELETE '
      + '(Delete Object By ID, which also zeroes its stock) and ignores archived: true in a PUT');
  }
  checkGivenValues(entity, body);
}

/**
 * Values refused whatever the write turns out to be (an upsert by a match key, before its lookup, too), in a body
 * already validated (scalars coerced, lone elements listed): an Item's stock entries.
 */
export function checkGivenValues(entity: EntitySpec, body: JsonRecord): void {
  if (entity.name === 'Item') checkStockEntries(body);
}

/** A quantity on hand Lightspeed takes: a whole number, 0 or more. */
export function checkQoh(field: string, qoh: number): void {
  if (qoh < STOCK_ENTRY.minimumQoh) throw new ValidationError(field, `must be 0 or more, got ${qoh}: ${NEGATIVE_QOH_REASON}`);
}

/** An Item's stock entries: each names its shop, once, with a quantity Lightspeed takes and nothing it computes. */
function checkStockEntries(body: JsonRecord): void {
  const container = body[STOCK_ENTRY.container];
  const entries = typeof container === 'object' && container !== null ? (container as JsonRecord)[STOCK_ENTRY.element] : undefined;
  if (!Array.isArray(entries)) return;
  const seen: string[] = [];
  entries.forEach((entry: JsonRecord, index) => {
    const path = `body.${STOCK_ENTRY.container}.${STOCK_ENTRY.element}.${index}`;
    const key = STOCK_ENTRY.keys.find((name) => entry[name] !== undefined && entry[name] !== null);
    if (key === undefined) {
      throw new ValidationError(path, `needs ${STOCK_ENTRY.keys.join(' or ')}: Lightspeed finds the shop's stock record by one of them`);
    }
    const shop = `${key} ${String(entry[key])}`;
    if (seen.includes(shop)) throw new ValidationError(path, `names ${shop} a second time: Lightspeed refuses two entries for one shop`);
    seen.push(shop);
    for (const name of STOCK_ENTRY.readOnly) {
      if (entry[name] !== undefined) throw new ValidationError(`${path}.${name}`, 'is read-only: Lightspeed computes it from qoh (0 when qoh is negative)');
    }
    if (typeof entry.qoh === 'number') checkQoh(`${path}.qoh`, entry.qoh);
  });
}
