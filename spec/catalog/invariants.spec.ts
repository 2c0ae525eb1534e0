import { expect } from 'chai';
import { placeholdersIn } from '../../lib/catalog/placeholders';
import { EntitySpec, Verb } from '../../lib/catalog/types';
import { VERBS } from '../../scripts/catalog/buildCatalog';
import { freshCatalog } from './support';

/** Every (entity, verb, path) triple of the catalog. */
function allPaths(catalog: EntitySpec[]): { entity: EntitySpec; verb: Verb; path: string }[] {
  return catalog.flatMap((entity) => VERBS.flatMap((verb) => {
    const path = entity.paths[verb];
    return path === null ? [] : [{ entity, verb, path }];
  }));
}

describe('catalog invariants (every entity built from data/lightspeed-api/catalog.json)', () => {
  const catalog = freshCatalog();

  it('has 103 entities with unique names, sorted by name', () => {
    const names = catalog.map((entity) => entity.name);
    expect(names).to.have.length(103);
    expect(new Set(names).size).to.equal(names.length);
    expect(names).to.deep.equal([...names].sort());
  });

  it('has a path for exactly the verbs the API allows', () => {
    for (const entity of catalog) {
      for (const verb of VERBS) {
        expect(entity.paths[verb] !== null, `${entity.name} ${verb}`).to.equal(entity.actions[verb]);
      }
    }
  });

  it('names every placeholder after the primary key or a parent key, never accountID', () => {
    for (const { entity, verb, path } of allPaths(catalog)) {
      const keys = [entity.primaryKey, ...entity.parentKeys];
      for (const name of placeholdersIn(path)) {
        expect(keys, `${entity.name} ${verb} ${path}: {${name}}`).to.include(name);
      }
      expect(entity.parentKeys, entity.name).not.to.include('accountID');
    }
  });

  it('writes relative .json paths with no spaces or query strings', () => {
    for (const { entity, verb, path } of allPaths(catalog)) {
      expect(path, `${entity.name} ${verb}`).to.match(/^[A-Za-z][^\s?]*\.json$/);
    }
  });

  it('addresses one record (by primary key) in read, update and delete paths', () => {
    for (const { entity, verb, path } of allPaths(catalog)) {
      if (entity.primaryKey && (verb === 'read' || verb === 'update' || verb === 'delete')) {
        expect(placeholdersIn(path), `${entity.name} ${verb} ${path}`).to.include(entity.primaryKey);
      }
    }
  });

  it('never creates on the single-record path (the docs slip is corrected)', () => {
    for (const entity of catalog) {
      if (entity.paths.create && entity.primaryKey) {
        expect(entity.paths.create, entity.name).not.to.match(new RegExp(`\\{${entity.primaryKey}\\}\\.json$`));
      }
    }
  });

  it('has the primary key among the fields and the parent keys distinct from it', () => {
    for (const entity of catalog) {
      if (entity.primaryKey === null) continue;
      expect(entity.fields.map((field) => field.name), entity.name).to.include(entity.primaryKey);
      expect(entity.parentKeys, entity.name).not.to.include(entity.primaryKey);
    }
  });

  it('has delete semantics exactly when DELETE is allowed', () => {
    for (const entity of catalog) {
      expect(entity.deleteSemantics !== null, entity.name).to.equal(entity.actions.delete);
    }
  });

  it('lists only datetime-typed fields as datetimeFields', () => {
    for (const entity of catalog) {
      for (const name of entity.datetimeFields) {
        const field = entity.fields.find((candidate) => candidate.name === name);
        expect(field?.type, `${entity.name}.${name}`).to.equal('datetime');
      }
    }
  });

  it('keeps field names unique and enum lists only as strings', () => {
    for (const entity of catalog) {
      const names = entity.fields.map((field) => field.name);
      expect(new Set(names).size, entity.name).to.equal(names.length);
      for (const field of [...entity.fields, ...Object.values(entity.subObjects).flat()]) {
        for (const value of field.enum ?? []) expect(value, `${entity.name}.${field.name}`).to.be.a('string');
      }
    }
  });

  it('lists relations and sortable fields once each', () => {
    for (const entity of catalog) {
      expect(new Set(entity.relations).size, entity.name).to.equal(entity.relations.length);
      expect(new Set(entity.sortable).size, entity.name).to.equal(entity.sortable.length);
    }
  });

  it('carries only the members of EntitySpec (no prose from the raw catalog)', () => {
    const members = [
      'name', 'title', 'root', 'paths', 'pathQuery', 'responseKey', 'primaryKey', 'parentKeys', 'actions',
      'deleteSemantics', 'fields', 'subObjects', 'wrappers', 'relations', 'sortable', 'datetimeFields', 'requestCost',
      'alwaysSent', 'observed',
    ];
    for (const entity of catalog) expect(Object.keys(entity), entity.name).to.deep.equal(members);
  });

  it('uses root v3 only for Account and api only for Session and Locale', () => {
    const byRoot = (root: EntitySpec['root']): string[] =>
      catalog.filter((entity) => entity.root === root).map((entity) => entity.name);
    expect(byRoot('v3')).to.deep.equal(['Account']);
    expect(byRoot('api')).to.deep.equal(['Locale', 'Session']);
  });
});
