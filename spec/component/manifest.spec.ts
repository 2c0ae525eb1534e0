import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { getEntity } from '../../lib/catalog';
import { supportsInVerb } from '../../lib/catalog/schemas';
import { DEFAULT_TOKEN_URL, OAUTH_CLIENT_ENV } from '../../lib/client/auth';
import { pollingChoices } from '../../lib/triggers/polling/fields';
import { headingAnchors } from '../helpers/markdown';

const root = path.resolve(__dirname, '../../..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'component.json'), 'utf8')) as {
  title: string;
  version: string;
  docsUrl: string;
  help?: Help;
  envVars: Record<string, { required: boolean; description: string }>;
  credentials: { help?: Help; fields: Record<string, Field>; oauth2: Record<string, unknown> };
  triggers: Record<string, Func>;
  actions: Record<string, Func>;
};
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string; homepage: string };
interface Help { description: string; link?: string }
interface Field { label: string; viewClass: string; required?: boolean; order?: number; note?: string; help?: Help; model?: string | Record<string, string> }
interface Func { title: string; main: string; type?: string; help?: Help; dynamicMetadata?: boolean; fields: Record<string, Field> }
type Module = Record<string, unknown>;

/** Every field set of the manifest (the credential's, then each function's), named for failure messages. */
const fieldSets: Array<[string, Record<string, Field>]> = [
  ['credentials', manifest.credentials.fields],
  ...[...Object.entries(manifest.triggers), ...Object.entries(manifest.actions)].map(([key, func]): [string, Record<string, Field>] => [key, func.fields]),
];

/** Every `help.link` anywhere in the manifest, with where it is. */
function helpLinks(node: unknown, where: string): Array<[string, string]> {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) => {
    const link = key === 'help' && typeof value === 'object' && value !== null ? (value as Help).link : undefined;
    return [...(link === undefined ? [] : [[`${where}.help`, link] as [string, string]]), ...helpLinks(value, `${where}.${key}`)];
  });
}

const VERB_OF: Record<string, 'create' | 'update' | 'upsert' | 'lookup' | 'delete'> = {
  createObject: 'create', updateObject: 'update', upsertObject: 'upsert', lookupObjectById: 'lookup', deleteObjectById: 'delete',
  syncRecords: 'upsert',
};

describe('component.json', () => {
  it('declares the contract: title, credential fields and their views', () => {
    expect(manifest.title).to.equal('Lightspeed Retail');
    const fields = manifest.credentials.fields;
    expect(Object.keys(fields)).to.deep.equal(['oauth', 'environmentUrl', 'accountId', 'clientId', 'clientSecret', 'refreshToken', 'tokenUrl']);
    // Either way of filling the credential leaves the other's fields empty, so none can be required.
    expect(Object.entries(fields).filter(([, field]) => field.required !== false).map(([name]) => name)).to.deep.equal([]);
    expect(fields.clientSecret.viewClass).to.equal('PasswordFieldView');
    expect(fields.refreshToken.viewClass).to.equal('PasswordFieldView');
    expect(Object.fromEntries(Object.entries(manifest.triggers).map(([key, trigger]) => [key, [trigger.title, trigger.type]]))).to.deep.equal({
      pollingEntity: ['Polling entity', 'polling'], completedSales: ['Completed sales', 'polling'],
      stockChanges: ['Stock changes', 'polling'], newCustomers: ['New customers', 'polling'],
      // No type: a webhook trigger, started by a request to the flow's URL (a tap on a register button).
      registerButton: ['Register button', undefined],
    });
    expect(Object.fromEntries(Object.entries(manifest.actions).map(([key, action]) => [key, action.title]))).to.deep.equal({
      createObject: 'Create Object', upsertObject: 'Upsert Object', updateObject: 'Update Object',
      lookupObjectById: 'Lookup Object By ID', deleteObjectById: 'Delete Object By ID', uploadImage: 'Upload Image',
      rawRequest: 'Make Raw Request', setStockLevel: 'Set Stock Level', syncRecords: 'Sync records',
    });
  });

  it('offers the Authenticate button: cfg.oauth from the platform\'s authorization-code flow with the client in env vars the component reads', () => {
    const protocol = JSON.parse(fs.readFileSync(path.join(root, 'data/lightspeed-api/protocol.json'), 'utf8')) as { oauth: { authorizeUrl: string; tokenUrl: string; scopes: string[] } };
    // The field's key is the cfg key the platform stores the token response under.
    expect(manifest.credentials.fields.oauth.viewClass).to.equal('OAuthFieldView');
    expect(manifest.credentials.oauth2).to.deep.equal({
      client_id: `{{${OAUTH_CLIENT_ENV.id}}}`,
      client_secret: `{{${OAUTH_CLIENT_ENV.secret}}}`,
      auth_uri: protocol.oauth.authorizeUrl,
      token_uri: protocol.oauth.tokenUrl,
      scopes: ['employee:all'],
    });
    expect(protocol.oauth.tokenUrl).to.equal(DEFAULT_TOKEN_URL);
    expect(protocol.oauth.scopes).to.include('employee:all');
    expect(Object.keys(manifest.envVars)).to.deep.equal([OAUTH_CLIENT_ENV.id, OAUTH_CLIENT_ENV.secret]);
    // Optional: tenants without an API client of their own fill the manual fields instead.
    for (const variable of Object.values(manifest.envVars)) expect(variable.required).to.equal(false);
  });

  it('carries package.json\'s version (the platform shows it and refuses a push that does not raise it)', () => {
    expect(manifest.version).to.match(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/);
    expect(manifest.version).to.equal(packageJson.version);
  });

  it('decides for every installed package with an install script whether it runs: npm ci prints no install-scripts notice', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
    const { allowScripts = {} } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
    const withScripts = Object.entries(lock.packages).filter(([, entry]) => entry.hasInstallScript).map(([where]) => where.replace(/^.*node_modules\//, ''));
    expect(withScripts, 'packages with install scripts').to.include('dtrace-provider');
    expect(withScripts.filter((name) => !(name in allowScripts)), 'not in package.json\'s allowScripts').to.deep.equal([]);
    // bunyan's DTrace probes: optional, loaded only when built, and only a stub builds on Linux.
    expect(allowScripts['dtrace-provider']).to.equal(false);
  });

  it('gives every field an order, highest first, in the order the manifest lists them (the order a user fills them)', () => {
    for (const [where, fields] of fieldSets) {
      const orders = Object.entries(fields).map(([name, field]) => {
        expect(field.order, `${where}.${name}.order`).to.be.a('number');
        return field.order as number;
      });
      expect(orders, `${where}: orders`).to.deep.equal([...orders].sort((a, b) => b - a));
      expect(new Set(orders).size, `${where}: distinct orders`).to.equal(orders.length);
    }
  });

  it('explains selects and checkboxes with help.description (note is documented for text fields only)', () => {
    for (const [where, fields] of fieldSets) {
      for (const [name, field] of Object.entries(fields)) {
        if (field.viewClass !== 'SelectView' && field.viewClass !== 'CheckBoxView') continue;
        expect(field, `${where}.${name}`).not.to.have.property('note');
        if (field.required !== true) expect(field.help?.description, `${where}.${name}.help.description`).to.be.a('string').that.is.not.empty;
      }
    }
  });

  it('has help at the top level and on the credentials', () => {
    expect(manifest.help?.description).to.be.a('string').that.is.not.empty;
    expect(manifest.credentials.help?.description).to.be.a('string').that.is.not.empty;
  });

  it('links docsUrl to the project\'s home and every help.link to a README section that exists', () => {
    expect(manifest.docsUrl).to.equal(packageJson.homepage);
    const anchors = headingAnchors(fs.readFileSync(path.join(root, 'README.md'), 'utf8'));
    const links = helpLinks(manifest, 'component.json');
    expect(links.length).to.be.at.least(8);
    for (const [where, link] of links) {
      // Relative links would resolve against elastic.io's own documentation site.
      expect(link, where).to.match(/^https:\/\//);
      const [page, anchor] = link.split('#');
      expect(page, `${where}: the README's page`).to.equal(manifest.docsUrl);
      expect([...anchors], `${where}: #${anchor} is a README heading`).to.include(anchor);
    }
  });

  it('has verifyCredentials at the root, where sailor looks, exporting a function', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require(path.join(root, 'verifyCredentials'))).to.be.a('function');
  });

  it('declares every handler async, as elastic.io\'s validator (elasticio-cli cmp:validate) asks of process, init, startup and shutdown', () => {
    const functions = [...Object.values(manifest.triggers), ...Object.values(manifest.actions)];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const modules = functions.map((func) => [func.main, require(path.join(root, func.main)) as Module] as const);
    const notAsync = modules.flatMap(([main, module]) => ['process', 'init', 'startup', 'shutdown']
      .filter((name) => typeof module[name] === 'function' && (module[name] as () => unknown).constructor.name !== 'AsyncFunction')
      .map((name) => `${main} ${name}`));
    expect(modules.length).to.equal(14);
    expect(notAsync).to.deep.equal([]);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require(path.join(root, 'verifyCredentials')) as () => unknown).constructor.name).to.equal('AsyncFunction');
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

      // Upload Image offers the two records that have images.
      if (key === 'uploadImage') it('offers Item and ItemMatrix, the records Lightspeed takes images for', async () => {
        const offered = await (load().getObjectTypes as () => Promise<Record<string, string>>)();
        expect(Object.keys(offered)).to.deep.equal(['Item', 'ItemMatrix']);
        for (const name of Object.keys(offered)) expect(getEntity(`${name}Image`).actions.create, name).to.equal(true);
      });

      // The raw request is about a path, the ready-made functions about one entity each: no Object type to offer.
      if (func.fields.objectType && key !== 'uploadImage') it('offers only catalog entities that allow its verb', async () => {
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
