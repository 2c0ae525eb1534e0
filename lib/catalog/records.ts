/** A record as JSON gives it, and what the wire-format normaliser needs to know of its shape. */
import { FieldType, ListItemType } from './types';

/** What the normaliser needs to know about a record's fields; built from the catalog (see shapes.ts). */
export interface RecordShape {
  /** Declared type of a field, when the catalog knows it. */
  fieldType(name: string): FieldType | undefined;
  /** Value type of `name` when it is a list of scalars (ItemMatrix's `attribute1Values`), else undefined. */
  listItemType(name: string): ListItemType | undefined;
  /** Shape of the object under `name`: a to-one relation, a sub-object or a container's element. */
  nested(name: string): RecordShape;
  /** Element key inside the container `name` (`ItemShops` -> `ItemShop`), when known. */
  containerElement(name: string): string | undefined;
  /** Adds the fields the catalog derives from the others (an Image's `url`); in place. */
  complete(record: JsonRecord): void;
}

export type JsonRecord = Record<string, unknown>;

/** A JSON object (not null, not an array). */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
