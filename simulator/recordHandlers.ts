/** Single-record verbs: read, create (POST), partial update (PUT), delete (archive or hard delete). */
import { parseBody } from './bodies';
import { ApiRequest, ApiResult, ApiServices } from './context';
import { checkNested, inlineNested, writeNested } from './nestedWrites';
import { Table } from './table';
import { ApiError, SimEntity, WireObject } from './types';
import { writeAnswer } from './writeAnswers';
import { afterDelete, appliedOnUpdate, changesRecord, checkDelete, keylessActionAnswer } from './writeRules';

function single(key: string, record: WireObject): ApiResult {
  return { status: 200, body: { '@attributes': { count: '1' }, [key]: record } };
}

function tableOf(req: ApiRequest, svc: ApiServices): Table {
  const table = svc.store.tableOf(req.entity);
  if (!table) throw new ApiError(404, `${req.entity.name} has no records`, 'NotFoundException');
  return table;
}

/** The addressed record; 404 when the id is unknown or belongs to another parent. */
function findRecord(req: ApiRequest, table: Table): WireObject {
  const id = Number(req.id);
  const row = Number.isInteger(id) ? table.get(id) : undefined;
  const parentMismatch = row && req.entity.parentKeys.some((key, i) => req.parentValues[i] !== undefined && row[key] !== undefined && row[key] !== req.parentValues[i]);
  if (!row || parentMismatch) {
    throw new ApiError(404, `${req.entity.responseKey} ${req.id} not found`, 'NotFoundException');
  }
  return row;
}

/** Relations named in `load_relations` attached to a record (writes answer with them too). */
function withRelations(req: ApiRequest, svc: ApiServices, table: Table, row: WireObject): WireObject | null {
  const named = req.query.get('load_relations');
  if ((req.verb === 'create' || req.verb === 'update') && !named) return writeAnswer(svc.relations, table, row);
  const tree = svc.relations.parse(req.entity, req.query.get('load_relations'));
  return tree ? svc.relations.attach(table, row, tree) : null;
}

/** GET on a single-record path. */
export function handleRead(req: ApiRequest, svc: ApiServices): ApiResult {
  // Key-less action endpoints (Register/{registerID}/calculated.json) hold no data here.
  if (!svc.store.tableOf(req.entity)) return { status: 200, body: { '@attributes': { count: '0' } } };
  const table = tableOf(req, svc);
  const row = findRecord(req, table);
  const record = withRelations(req, svc, table, row);
  if (!record) return { status: 200, body: { '@attributes': { count: '0' } } };
  return single(req.entity.responseKey, record);
}

/** The entity owning parent key i of a nested path: its collection path is the prefix before the key. */
function parentEntity(req: ApiRequest, svc: ApiServices, index: number): SimEntity | undefined {
  const template = req.entity.templates.find((t) => t.verb === 'query' || t.verb === 'create')?.template ?? '';
  const placeholders = [...template.matchAll(/\{[^}]+\}/g)];
  const at = placeholders[index]?.index;
  if (at === undefined) return undefined;
  const collection = `${template.slice(0, at).replace(/\/$/, '')}.json`;
  return [...svc.store.entities.values()].find((e) => e.templates.some((t) => t.verb === 'query' && t.template === collection));
}

/** Checks that the parents named in a nested path exist (Sale/{saleID}/SaleLine.json). */
function checkParents(req: ApiRequest, svc: ApiServices): WireObject {
  const values: WireObject = {};
  req.entity.parentKeys.forEach((key, i) => {
    const value = req.parentValues[i];
    if (value === undefined) return;
    values[key] = value;
    const parent = parentEntity(req, svc, i);
    const parents = parent ? svc.store.tableOf(parent) : undefined;
    if (parent && parents && !parents.get(Number(value))) {
      throw new ApiError(404, `${parent.responseKey} ${value} not found`, 'NotFoundException');
    }
  });
  return values;
}

/** POST on a collection path: creates and answers 200 with the record. */
export function handleCreate(req: ApiRequest, svc: ApiServices): ApiResult {
  if (!svc.store.tableOf(req.entity)) {
    // Key-less actions (Sale/{saleID}/EmailReceipt.json) store nothing.
    checkParents(req, svc);
    return { status: 200, body: keylessActionAnswer(req.entity.name, req.body) };
  }
  const table = tableOf(req, svc);
  const parsed = parseBody(req.entity, table, svc.relations, req.body, 'create');
  const parents = checkParents(req, svc);
  const inline = inlineNested(req.entity, table, undefined, parsed.nested);
  checkNested(svc, table, undefined, parsed.nested);
  const row = svc.store.create(table.name, { ...parsed.values, ...parents, ...inline });
  writeNested(svc, table, row, parsed.nested, true);
  return single(req.entity.responseKey, withRelations(req, svc, table, row) ?? row);
}

/** PUT on a single-record path: partial update; omitted fields stay unchanged. */
export function handleUpdate(req: ApiRequest, svc: ApiServices): ApiResult {
  const table = tableOf(req, svc);
  const row = findRecord(req, table);
  const parsed = parseBody(req.entity, table, svc.relations, req.body, 'update');
  const values = appliedOnUpdate(table, row, parsed.values);
  if (table.name === 'Item' && values.description === '') {
    throw new ApiError(400, 'Item.description cannot be empty', 'ValidationException');
  }
  const inline = inlineNested(req.entity, table, row, parsed.nested);
  checkNested(svc, table, row, parsed.nested);
  const applied = { ...values, ...inline };
  if (changesRecord(table, applied)) svc.store.update(table.name, row, applied);
  writeNested(svc, table, row, parsed.nested, false);
  return single(req.entity.responseKey, withRelations(req, svc, table, row) ?? row);
}

/** DELETE: archive-semantics entities answer the record with archived "true"; others are removed. */
export function handleDelete(req: ApiRequest, svc: ApiServices): ApiResult {
  const table = tableOf(req, svc);
  const row = findRecord(req, table);
  checkDelete(svc, table, row);
  if (req.entity.deleteSemantics === 'archive') {
    svc.store.update(table.name, row, { archived: 'true' });
    afterDelete(svc, table, row);
    return single(req.entity.responseKey, row);
  }
  svc.store.remove(table.name, row);
  return single(req.entity.responseKey, row);
}
