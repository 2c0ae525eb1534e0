/** Shapes of the project's entity catalog (generated into lib/catalog/entities.json by scripts/). */

/** The five things the API can do with an entity. */
export type Verb = 'read' | 'query' | 'create' | 'update' | 'delete';

/** Catalog field types, normalised by the catalog's authors. */
export type FieldType =
  | 'integer' | 'float' | 'string' | 'boolean' | 'datetime' | 'date' | 'enum' | 'object' | 'array' | 'mixed';

/** Types of the values in a list of scalars (`"type": "array", "items": "string"`). */
export type ListItemType = 'string' | 'integer' | 'float' | 'boolean';

export interface FieldSpec {
  name: string;
  type: FieldType;
  readOnly: boolean;
  /**
   * Type of the values of an `array` field that holds scalars rather than records (ItemMatrix's `attribute1Values`).
   * Lightspeed collapses it like a list of records: one value bare, several an array, none `""`; the client always
   * answers an array.
   */
  items?: ListItemType;
  /** Closed value list for `enum` fields. */
  enum?: string[];
  /** Catalog entity (or sub-object) the field points at. */
  ref?: string;
  /** Not on the wire: the client computes it from the record's other fields (`imageUrl`: an Image's full URL). */
  derived?: DerivedValue;
  /** `observed`: seen in real answers though the docs omit it (or say otherwise); absent: from the docs. */
  source?: 'observed';
}

/** What kind of fact real answers added to an entity (scripts/catalog/observed.json). */
export type ObservedKind = 'field' | 'element' | 'container' | 'alwaysSent' | 'relation';

/**
 * One fact the recordings show that the docs lack, with the cassette that shows it, or (when no copied cassette holds
 * a record showing it) the sentence of the recordings' README that states it.
 */
export interface ObservedFact {
  kind: ObservedKind;
  /** The field, element, container or key the fact is about. */
  name: string;
  source: 'observed';
  /** Cassette under spec/fixtures/real-recordings/ that shows it. */
  cassette?: string;
  /** No cassette shows it: the words of spec/fixtures/real-recordings/README.md that state it, quoted. */
  statedInReadme?: string;
}

/** Values the client adds to a record; see lib/catalog/images.ts. */
export type DerivedValue = 'imageUrl';

/**
 * Path templates relative to the entity's root, one per verb the API allows (null otherwise).
 * Placeholders are `{fieldName}` (primary key or parent key), e.g. `Sale/{saleID}/SaleLine/{saleLineID}.json`.
 * Doc slips from the catalog's `pathIssues` are already corrected.
 */
export interface EntityPaths {
  query: string | null;
  read: string | null;
  create: string | null;
  update: string | null;
  delete: string | null;
}

export interface EntitySpec {
  /** Catalog name, e.g. `Item`, `SaleSaleLine`. */
  name: string;
  title: string;
  /** `account`: /API/V3/Account/{accountID}/; `v3`: /API/V3/; `api`: /API/. */
  root: 'account' | 'v3' | 'api';
  paths: EntityPaths;
  /** Query string that belongs to the collection path (reports' startDate/endDate). */
  pathQuery: string | null;
  /** Key of the records in a response body (`Item`, `SaleLine`, `Taxes`, ...). */
  responseKey: string;
  primaryKey: string | null;
  /** Path parameters other than the primary key and accountID. */
  parentKeys: string[];
  actions: Record<Verb, boolean>;
  deleteSemantics: 'archive' | 'delete' | null;
  /** Top-level fields; containers seen only in samples (Item's `Prices`) are added as object fields. */
  fields: FieldSpec[];
  /** Nested record shapes by element name (`ItemShop`, `ItemPrice`, `ContactAddress`, ...). */
  subObjects: Record<string, FieldSpec[]>;
  /**
   * Container -> element names seen in responses (`ItemShops` -> `ItemShop`, `Prices` -> `ItemPrice`),
   * documented nesting (`Addresses` -> `ContactAddress`) and plural containers of a known record
   * (`SaleLines` -> `SaleLine`).
   */
  wrappers: Record<string, string>;
  relations: string[];
  sortable: string[];
  datetimeFields: string[];
  /** Drip costs the docs list per verb, when they differ from the default. */
  requestCost: Partial<Record<Verb, number>>;
  /** Keys every record carries without `load_relations` (Item's `Prices`): asking to load them sends nothing. */
  alwaysSent: string[];
  /** Facts from real answers merged over the docs' (fields, elements, containers...), each with its cassette or README statement. */
  observed: ObservedFact[];
}
