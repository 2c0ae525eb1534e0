/** Shapes shared by the simulator's modules (wire values, entity model, responses). */
import type { FieldType, ListItemType } from '../lib/catalog/types';

/** A value as Lightspeed puts it on the wire: every scalar is a string. */
export type WireValue = string | WireObject | WireValue[];

/** A JSON object whose scalars are all strings (a stored record or part of a response). */
export interface WireObject {
  [key: string]: WireValue;
}

/** The five things the API can do with an entity. */
export type Verb = 'read' | 'query' | 'create' | 'update' | 'delete';

/** HTTP method used for each verb. */
export const VERB_METHOD: Record<Verb, string> = {
  query: 'GET',
  read: 'GET',
  create: 'POST',
  update: 'PUT',
  delete: 'DELETE',
};

/** Catalog field types: the component's own definition (the simulator reads the same catalog). */
export type { FieldType, ListItemType };

/** One field of an entity. */
export interface SimField {
  name: string;
  type: FieldType;
  readOnly: boolean;
  enum?: string[];
  /** Value type of a list of scalars (ItemMatrix's `attribute1Values`): a plain field, stored and sent collapsed. */
  items?: ListItemType;
}

/** A list of scalars, as against a sub-object or a list of records. */
export function isValueList(field: SimField | undefined): boolean {
  return field?.type === 'array' && field.items !== undefined;
}

/** Which URL prefix an entity's paths are relative to. */
export type PathRoot = 'account' | 'v3' | 'api';

/** A path template of one verb, relative to the entity's root. */
export interface PathTemplate {
  verb: Verb;
  template: string;
}

/** An entity as the simulator serves it (built from the catalog). */
export interface SimEntity {
  name: string;
  /** Storage table; entities that are views of the same records share it (SaleSaleLine -> SaleLine). */
  table: string;
  root: PathRoot;
  responseKey: string;
  primaryKey: string | null;
  parentKeys: string[];
  actions: Record<Verb, boolean>;
  deleteSemantics: 'archive' | 'delete' | null;
  fields: Map<string, SimField>;
  /** Fields `sort=` accepts (the primary key is always accepted). */
  sortable: string[];
  /** Container -> element names (`ItemShops` -> `ItemShop`, `Reps` -> `VendorRep`), docs and real answers merged. */
  wrappers: Record<string, string>;
  /** Keys real records carry without `load_relations` (`""` when empty). */
  alwaysSent: string[];
  /** Relation names the catalog lists (dotted paths included). */
  relations: string[];
  /** Query parameters that belong to the collection path (reports' startDate/endDate). */
  pathQueryParams: string[];
  requestCost: Partial<Record<Verb, number>>;
  templates: PathTemplate[];
}

/** An uploaded picture as stored: its bytes and the content type it came with. */
export interface StoredImage {
  bytes: Buffer;
  contentType: string;
}

/** What a handler answers; the server turns it into an HTTP response. */
export interface SimResponse {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Pre-rendered body (HTML error pages, truncated JSON). */
  rawBody?: string;
  /** A binary body (an uploaded image served back). */
  rawBytes?: Buffer;
  contentType?: string;
  /** Extra time before the answer is sent (a slow gateway timeout). */
  delayMs?: number;
}

/** Error thrown by handlers; rendered in Lightspeed's error envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorClass = 'Exception',
  ) {
    super(message);
  }
}
