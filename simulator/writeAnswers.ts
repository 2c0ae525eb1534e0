/**
 * Relations a write answers with although the request names none. The recordings: POST and PUT of a Sale carry
 * its Shop, TaxCategory and SaleLines, POST and PUT of an Item its ItemShops; a DELETE carries none. A relation
 * with nothing in it is left out of these answers (the recorded POST Sale without lines has no SaleLines key).
 */
import { Relations, RelationTree } from './relations';
import { Table } from './table';
import { WireObject } from './types';

const WRITE_RELATIONS: Record<string, string[]> = { Sale: ['Shop', 'TaxCategory', 'SaleLines'], Item: ['ItemShops'] };

/** The record as a POST or PUT without `load_relations` answers it. */
export function writeAnswer(relations: Relations, table: Table, row: WireObject): WireObject {
  const names = WRITE_RELATIONS[table.name] ?? [];
  const tree: RelationTree = new Map(names.map((name) => [name, new Map()]));
  const out = relations.attach(table, row, tree);
  for (const name of names) if (out[name] === '') delete out[name];
  return out;
}
