/**
 * What a create must carry to be more than an empty record, and which fields to suggest when it carries nothing. The
 * docs mark no field required, so the suggestion ranks the writable fields by what they usually are: a record's name
 * or description first, then its quantities and nested records, then its links to others.
 */
import { JsonSchema } from './jsonSchema';
import { EntitySpec } from './types';

/** Set by Lightspeed, never what makes a record: a create of only these is still empty. */
const SYSTEM_FIELDS: ReadonlySet<string> = new Set(['createTime', 'timeStamp', 'archived']);

const RANKS: readonly RegExp[] = [
  /(^|[a-z])(name|Name)$|^(description|company|emailAddress|value|code|notes?)$|Sku$/,
  /^(amount|qty|quantity|unitQuantity|unitPrice|price|rate|defaultCost|itemID)$/,
  /^[A-Z]/,
];

/**
 * Whether a create of `entity` with nothing but its path's keys would add an empty record. Not so for an action on a
 * record the path names (`Register/{registerID}/close.json`, `Workorder/{workorderID}/Clone.json`: the catalog lists
 * no collection for them), whose body holds the action's options, nor where there is nothing to write at all.
 */
export function createNeedsFields(entity: EntitySpec, schema: JsonSchema): boolean {
  const isAction = entity.paths.query === null && entity.paths.read === null;
  return !isAction && fieldsToWrite(schema).length > 0;
}

/** Up to `count` writable fields worth naming in an error: name-like first, then amounts and nested records, then IDs. */
export function suggestedFields(schema: JsonSchema, count = 4): string[] {
  const rank = (name: string): number => {
    const found = RANKS.findIndex((pattern) => pattern.test(name));
    return found < 0 ? RANKS.length : found;
  };
  return fieldsToWrite(schema)
    .map((name, order) => ({ name, order, rank: rank(name) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, count)
    .map(({ name }) => name);
}

/** The schema's own fields: not its path keys (required ones), nor the fields Lightspeed sets itself. */
export function fieldsToWrite(schema: JsonSchema): string[] {
  const keys = new Set(schema.required ?? []);
  return Object.keys(schema.properties ?? {}).filter((name) => !keys.has(name) && !SYSTEM_FIELDS.has(name));
}
