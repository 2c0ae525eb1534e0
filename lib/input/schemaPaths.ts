/** What a JSON Schema says about field names and lists, for validation and its error messages. */
import { JsonSchema } from '../catalog/jsonSchema';
import { closest } from '../text/suggest';

/**
 * The field of `schema`, at any depth, whose name is closest to `name`, written as the path to a value from the
 * schema's own level (`Emails.ContactEmail[].address` for `email` in a Contact); undefined when none is close.
 * Nearer levels win ties. A record or list leads to its first field: that is where the value goes.
 */
export function closestFieldPath(schema: JsonSchema, name: string): string | undefined {
  const paths = new Map<string, string>();
  let level: Array<{ prefix: string; schema: JsonSchema }> = [{ prefix: '', schema }];
  while (level.length > 0) {
    const next: typeof level = [];
    for (const { prefix, schema: record } of level) {
      for (const [field, property] of Object.entries(record.properties ?? {})) {
        const { path, inner } = step(prefix, field, property);
        if (!paths.has(field)) paths.set(field, firstValuePath(path, inner));
        if (inner.properties) next.push({ prefix: `${path}.`, schema: inner });
      }
    }
    level = next;
  }
  const match = closest(name, paths.keys());
  return match === undefined ? undefined : paths.get(match);
}

/** `Contact.Emails.ContactEmail[]` for the instance path `/Contact/Emails/ContactEmail/0`. */
export function schemaPathOf(instancePath: string): string {
  return instancePath.split('/').filter(Boolean).map((segment) => (/^\d+$/.test(segment) ? '[]' : `.${segment}`)).join('').replace(/^\./, '');
}

/** The element a container schema holds (`ContactEmail` in `Emails`), as the catalog's builders write one. */
export function containerElementOf(schema: JsonSchema): string | undefined {
  const entries = Object.entries(schema.properties ?? {});
  if (schema.additionalProperties !== false || entries.length !== 1) return undefined;
  const [[element, elements]] = entries;
  return elements.type === 'array' ? element : undefined;
}

/**
 * Lightspeed takes a container's one element as an object or as a list of one: make it the list the schema describes.
 * A list of values (ItemMatrix's `attribute1Values`) likewise takes one value bare, and `""` for none (as it answers).
 */
export function listLoneElements(schema: JsonSchema, data: unknown): void {
  if (!isObject(data)) return;
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    if (isValueList(property)) {
      const value = data[field];
      if (value === '') data[field] = [];
      else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') data[field] = [value];
    } else if (property.type === 'array' && property.items?.type === 'object') {
      if (isObject(data[field])) data[field] = [data[field]];
      const items = data[field];
      if (Array.isArray(items)) for (const item of items) listLoneElements(property.items, item);
    } else {
      listLoneElements(property, data[field]);
    }
  }
}

/** An array of scalars rather than of records. */
export function isValueList(schema: JsonSchema): boolean {
  const item = schema.items?.type;
  return schema.type === 'array' && typeof item === 'string' && item !== 'object' && item !== 'array';
}

function step(prefix: string, field: string, property: JsonSchema): { path: string; inner: JsonSchema } {
  return property.type === 'array' && property.items
    ? { path: `${prefix}${field}[]`, inner: property.items }
    : { path: `${prefix}${field}`, inner: property };
}

function firstValuePath(path: string, schema: JsonSchema): string {
  const [first] = Object.entries(schema.properties ?? {});
  if (!first) return path;
  const { path: inner, inner: property } = step(`${path}.`, first[0], first[1]);
  return firstValuePath(inner, property);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
