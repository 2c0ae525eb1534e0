import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { getEntity } from '../../lib/catalog';
import { supportsInVerb } from '../../lib/catalog/schemas';
import { pollingChoices } from '../../lib/triggers/polling/fields';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'component.json'), 'utf8')) as {
  title: string;
  credentials: { fields: Record<string, { viewClass: string; required: boolean }> };
  triggers: Record<string, Func>;
  actions: Record<string, Func>;
};
interface Func { title: string; main: string; type?: string; help?: { description: string }; dynamicMetadata?: boolean; fields: Record<string, { viewClass: string; model?: string | Record<string, string> }> }
type Module = Record<string, unknown>;

const VERB_OF: Record<string, 'create' | 'update' | 'upsert' | 'lookup' | 'delete'> = {
  createObject: 'create', updateObject: 'update', upsertObject: 'upsert', lookupObjectById: 'lookup', deleteObjectById: 'delete',
};

describe('component.json', () => {
  it('declares the contract: title, credential fields and their views', () => {
    expect(manifest.title).to.equal('Lightspeed Retail');
    const fields = manifest.credentials.fields;
    expect(Object.keys(fields)).to.deep.equal(['environmentUrl', 'accountId', 'clientId', 'clientSecret', 'refreshToken', 'tokenUrl']);
    expect(fields.clientSecret.viewClass).to.equal('PasswordFieldView');
    expect(fields.refreshToken.viewClass).to.equal('PasswordFieldView');
    expect(Object.keys(manifest.triggers)).to.deep.equal(['pollingEntity']);
    expect(manifest.triggers.pollingEntity).to.include({ title: 'Polling entity', type: 'polling' });
    expect(Object.fromEntries(Object.entries(manifest.actions).map(([key, action]) => [key, action.title]))).to.deep.equal({
      createObject: 'Create Object', upsertObject: 'Upsert Object', updateObject: 'Update Object',
      lookupObjectById: 'Lookup Object By ID', deleteObjectById: 'Delete Object By ID', rawRequest: 'Make Raw Request',
    });
  });

  it('has verifyCredentials at the root, where sailor looks, exporting a function', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require(path.join(root, 'verifyCredentials'))).to.be.a('function');
  });

  for (const [key, func] of [...Object.entries(manifest.triggers), ...Object.entries(manifest.actions)]) {
    describe(key, () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const load = (): Module => require(path.join(root, func.main)) as Module;

      it('main resolves to a module with process, getMetaModel and every select model', () => {
        const module = load();
        expect(module.process).to.be.a('function');
        expect(func.dynamicMetadata).to.equal(true);
        expect(module.getMetaModel).to.be.a('function');
        expect(func.help?.description).to.be.a('string').that.is.not.empty;
        for (const field of Object.values(func.fields)) {
          expect(['SelectView', 'TextFieldView', 'CheckBoxView']).to.include(field.viewClass);
          if (typeof field.model === 'string') expect(module[field.model], field.model).to.be.a('function');
        }
      });

      // The raw request is about a path, not an entity.
      if (key !== 'rawRequest') it('offers only catalog entities that allow its verb', async () => {
        const offered = await (load().getObjectTypes as () => Promise<Record<string, string>>)();
        expect(Object.keys(offered).length).to.be.greaterThan(10);
        for (const name of Object.keys(offered)) {
          const entity = getEntity(name);
          if (key === 'pollingEntity') expect(pollingChoices(entity), name).not.to.be.empty;
          else expect(supportsInVerb(entity, VERB_OF[key]), name).to.equal(true);
        }
      });
    });
  }
});
