/** Shapes of data/lightspeed-api/catalog.json, limited to the keys the generator reads. */

/** One field row as the catalog records it (extra flags such as `typeInferred` are ignored). */
export interface RawField {
  name: string;
  type: string;
  readOnly: boolean;
  enum?: (string | number)[];
  ref?: string;
  /** Value type of an `array` of scalars (the observed layer's ItemMatrix `attribute1Values`: `string`). */
  items?: string;
}

/** A non-CRUD or action-only request listed under `paths.other`. */
export interface RawOtherPath {
  method: string;
  path: string;
  query?: string;
  title: string | null;
}

/** A doc slip; `where` targets a base path, `method` targets one request. */
export interface RawPathIssue {
  method?: string;
  where?: string;
  documented: string;
  issue: string;
  expected?: string;
}

export interface RawEntity {
  name: string;
  title: string;
  pathBase: string;
  paths: { collection: string | null; single: string | null; other: RawOtherPath[] };
  pathQuery?: { collection?: string };
  pathIssues?: RawPathIssue[];
  primaryKey: string | null;
  parentKeys: string[];
  actions: Record<string, boolean>;
  deleteSemantics: 'archive' | 'delete' | null;
  requestCost?: Record<string, number>;
  fields: RawField[];
  fieldsFrom?: string;
  fieldsTable?: string;
  subObjects: Record<string, RawField[]>;
  subObjectsFrom?: Record<string, string>;
  subObjectNesting?: Record<string, { wrapper: string | null; parent: string }>;
  relations: string[] | null;
  sortable: string[] | null;
  datetimeFields: string[];
  responseKeys: string[];
  sampleWrappers?: Record<string, string>;
}

export interface RawCatalog {
  source: string;
  entities: RawEntity[];
}

/** Checks the outer shape of a parsed catalog file so a wrong file fails loudly. */
export function asRawCatalog(parsed: unknown): RawCatalog {
  const candidate = parsed as Partial<RawCatalog> | null;
  if (!candidate || !Array.isArray(candidate.entities)) {
    throw new Error('catalog.json: expected an object with an "entities" array');
  }
  return candidate as RawCatalog;
}
