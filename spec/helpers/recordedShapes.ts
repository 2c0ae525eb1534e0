/** The recorded records grouped for shape comparisons: one book of every recorded type, groups per request kind. */
import { findEntity, listEntities } from '../../lib/catalog';
import { loadCassettes, recordedRecords } from './cassettes';
import { ShapeBook, TypeShape, isContainerKey, recordShape } from './wireShapes';

/** Records of one entity answered to one kind of request (`GET` with `load_relations=all`, `POST`...). */
export interface RecordedGroup {
  entity: string;
  method: string;
  loadRelations: string | null;
  records: Record<string, unknown>[];
  /** The request body of the group's first exchange, to repeat it. */
  requestBody: string;
}

/** Every successful recorded answer carrying records, grouped by entity, method and load_relations. */
export function recordedGroups(): RecordedGroup[] {
  const groups = new Map<string, RecordedGroup>();
  for (const exchange of loadCassettes()) {
    // Account.json is the one path above the account: the helper names no entity for it.
    const entity = exchange.entity ?? (new URL(exchange.uri).pathname.endsWith('/Account.json') ? 'Account' : undefined);
    if (exchange.status !== 200 || !entity) continue;
    const records = recordedRecords(exchange.body, entity);
    if (records.length === 0) continue;
    const loadRelations = exchange.query.get('load_relations');
    const key = `${entity} ${exchange.method} ${loadRelations ?? ''}`;
    const group = groups.get(key)
      ?? { entity, method: exchange.method, loadRelations, records: [], requestBody: exchange.requestBody };
    group.records.push(...records);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Shapes of every recorded type, merged over all recordings (their differences among themselves are accepted). */
export function recordedBook(groups: RecordedGroup[]): ShapeBook {
  const book: ShapeBook = new Map();
  for (const group of groups) for (const record of group.records) recordShape(book, group.entity, record);
  return book;
}

/**
 * The book for comparing with one group: which relations a record carries depends on the request, so the
 * top level requires the relations every record of this group carries; scalars stay as all recordings show.
 */
export function bookForGroup(book: ShapeBook, group: RecordedGroup): ShapeBook {
  const own: ShapeBook = new Map();
  for (const record of group.records) recordShape(own, group.entity, record);
  const global = book.get(group.entity) as TypeShape;
  const local = own.get(group.entity) as TypeShape;
  const always = new Set([
    ...[...global.always].filter((key) => !isContainerKey(key)),
    ...[...local.always].filter(isContainerKey),
  ]);
  return new Map([...book, [group.entity, { ...global, always }]]);
}

let documentedIndex: Map<string, Set<string>> | undefined;

/** Keys the component's catalog documents for a type: an entity's fields and relations, or a sub-object's fields. */
export function documentedKeys(type: string): Set<string> {
  if (!documentedIndex) {
    documentedIndex = new Map();
    const add = (name: string, keys: string[]): void => {
      const set = documentedIndex?.get(name) ?? new Set<string>();
      for (const key of keys) set.add(key);
      documentedIndex?.set(name, set);
    };
    for (const entity of listEntities()) {
      // Views sharing a response key (SaleSaleLine, SaleLine) document the same records.
      const keys = [...entity.fields.map((f) => f.name), ...entity.relations.map((r) => r.split('.')[0])];
      add(entity.name, keys);
      add(entity.responseKey, keys);
      for (const [element, fields] of Object.entries(entity.subObjects)) add(element, fields.map((f) => f.name));
      for (const [container, element] of Object.entries(entity.wrappers)) add(container, [element]);
    }
  }
  return documentedIndex.get(type) ?? new Set(findEntity(type)?.fields.map((f) => f.name) ?? []);
}
