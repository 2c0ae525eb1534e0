/**
 * The observed layer: facts real Lightspeed answers show that the docs lack (data/real-recordings/observed.json),
 * merged over the catalog built from the docs. Each fact keeps the cassette that shows it, so it can be checked; a fact
 * no copied cassette shows but the recordings' README states (ItemMatrix's scalar lists) keeps that statement instead.
 */
import { EntitySpec, FieldSpec, ObservedFact, ObservedKind } from '../../lib/catalog/types';
import { RawField } from './rawCatalog';
import { toFieldSpec } from './buildFields';

/** A cassette that shows the fact, or else the README's words that state it: exactly one of the two. */
type Cited = { cassette: string; statedInReadme?: undefined } | { cassette?: undefined; statedInReadme: string };
type Named = Cited & { name: string };

/** Why a type rests on few values (`"0"` alone): the docs' type of the same thing, or text. Not merged. */
type Noted = { note?: string };

/** One entity's facts in observed.json; cassettes are relative to `cassetteBase`. */
export interface RawObservedEntity {
  fields?: (RawField & Cited & Noted)[];
  /** Element tables (`VendorRep` in Vendor's `Reps`), or fields added to a documented one (a Contact's `custom`). */
  elements?: Record<string, Cited & Noted & { fields: RawField[] }>;
  containers?: (Named & { element: string })[];
  alwaysSent?: Named[];
  /** Keys seen only under `load_relations=all`, which the docs do not list as relations. */
  relations?: Named[];
}

export interface RawObserved {
  source: string;
  cassetteBase: string;
  entities: Record<string, RawObservedEntity>;
}

/** The catalog with every observed fact applied; a fact about an unknown entity fails loudly. */
export function withObserved(catalog: EntitySpec[], observed: RawObserved): EntitySpec[] {
  const unknown = Object.keys(observed.entities).find((name) => !catalog.some((entity) => entity.name === name));
  if (unknown) throw new Error(`observed.json: unknown entity "${unknown}"`);
  return catalog.map((entity) => {
    const recordName = recordOf(entity, catalog);
    const facts = Object.hasOwn(observed.entities, recordName) ? observed.entities[recordName] : undefined;
    return facts ? applyFacts(entity, facts, observed.cassetteBase) : entity;
  });
}

/** `Sale` for DisplayTemplateSale too: a page that copies another's records (same key, same fields) gets its facts. */
function recordOf(entity: EntitySpec, catalog: EntitySpec[]): string {
  const original = catalog.find((candidate) => candidate.name === entity.responseKey);
  const copies = original !== undefined && JSON.stringify(original.fields) === JSON.stringify(entity.fields);
  return copies ? original.name : entity.name;
}

function applyFacts(entity: EntitySpec, facts: RawObservedEntity, base: string): EntitySpec {
  const cite = (kind: ObservedKind, name: string, evidence: Cited): ObservedFact => {
    if (evidence.cassette !== undefined) return { kind, name, source: 'observed', cassette: `${base}${evidence.cassette}` };
    if (typeof evidence.statedInReadme !== 'string') throw new Error(`observed.json: "${name}" names neither a cassette nor the README's words`);
    return { kind, name, source: 'observed', statedInReadme: evidence.statedInReadme };
  };
  const fields = mergeFields(entity.fields, facts.fields ?? []);
  const subObjects = { ...entity.subObjects };
  for (const [element, table] of Object.entries(facts.elements ?? {})) {
    subObjects[element] = mergeFields(Object.hasOwn(subObjects, element) ? subObjects[element] : [], table.fields);
  }
  const wrappers = { ...entity.wrappers };
  for (const container of facts.containers ?? []) wrappers[container.name] = container.element;
  const datetimes = fields.filter((field) => field.source === 'observed' && field.type === 'datetime').map((field) => field.name);
  return {
    ...entity,
    fields,
    subObjects,
    wrappers,
    datetimeFields: [...new Set([...entity.datetimeFields, ...datetimes])],
    relations: [...entity.relations, ...(facts.relations ?? []).map((relation) => relation.name)],
    alwaysSent: [...entity.alwaysSent, ...(facts.alwaysSent ?? []).map((key) => key.name)],
    observed: [
      ...(facts.fields ?? []).map((field) => cite('field', field.name, field)),
      ...Object.entries(facts.elements ?? {}).map(([element, table]) => cite('element', element, table)),
      ...(facts.containers ?? []).map((container) => cite('container', container.name, container)),
      ...(facts.alwaysSent ?? []).map((key) => cite('alwaysSent', key.name, key)),
      ...(facts.relations ?? []).map((relation) => cite('relation', relation.name, relation)),
    ],
  };
}

/** Observed fields replace documented ones of the same name (the recording wins) and add the rest. */
function mergeFields(documented: FieldSpec[], observed: RawField[]): FieldSpec[] {
  const added = observed.map(observedField);
  return [
    ...documented.map((field) => added.find((fact) => fact.name === field.name) ?? field),
    ...added.filter((fact) => !documented.some((field) => field.name === fact.name)),
  ];
}

function observedField(raw: RawField): FieldSpec {
  const { name, type, readOnly, enum: values, ref, items } = raw;
  return { ...toFieldSpec({ name, type, readOnly, enum: values, ref, items }), source: 'observed' };
}
