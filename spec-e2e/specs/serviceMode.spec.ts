/**
 * Design-time calls through sailor's runService.js, as the platform makes them when a user saves a
 * credential or opens a step: verifyCredentials, getMetaModel and every select model in component.json.
 * The result is what sailor POSTs to the result URL; each must arrive within SERVICE_BOUND_MS.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { Simulator, startSimulator } from '../../simulator';
import { COMPONENT_ROOT } from '../harness/componentRoot';
import { closeOwned, own } from '../harness/ownedResources';
import { JsonObject, PlatformStandIn } from '../harness/platformStandIn';
import { ServiceCall, ServiceOutcome, callService } from '../harness/serviceCall';

const SERVICE_BOUND_MS = 5_000;

interface FunctionDefinition {
  fields?: Record<string, { model?: unknown }>;
  dynamicMetadata?: boolean;
}

interface ComponentJson {
  triggers: Record<string, FunctionDefinition>;
  actions: Record<string, FunctionDefinition>;
}

const componentJson = JSON.parse(fs.readFileSync(path.join(COMPONENT_ROOT, 'component.json'), 'utf8')) as ComponentJson;
const allFunctions = { ...componentJson.triggers, ...componentJson.actions };

/** Every `[function, select model]` named in component.json (string models are exported functions). */
function selectModels(): Array<[string, string]> {
  return Object.entries(allFunctions).flatMap(([name, definition]) => Object.values(definition.fields ?? {})
    .map((field) => field.model)
    .filter((model): model is string => typeof model === 'string')
    .map((model): [string, string] => [name, model]));
}

describe('Service mode (runService.js): verifyCredentials, metadata and select models', function () {
  let sim: Simulator;
  let platform: PlatformStandIn;
  let credential: JsonObject;

  before(async function () {
    sim = own('service-mode simulator', await startSimulator({ items: 20, seed: 'e2e-service-mode' }), (s) => s.close());
    platform = own('service-mode platform', await PlatformStandIn.start(), (p) => p.close());
    credential = { ...sim.credentials };
    platform.saveAccount('account-service', credential);
  });

  after(async function () {
    await closeOwned('service-mode platform');
    await closeOwned('service-mode simulator');
  });

  async function call(request: ServiceCall): Promise<ServiceOutcome> {
    const outcome = await callService(platform, request);
    expect(outcome.elapsedMs, `${request.method} took ${outcome.elapsedMs} ms`).to.be.below(SERVICE_BOUND_MS);
    expect(outcome.exitCode, 'runService exit code').to.equal(0);
    return outcome;
  }

  /** The config the platform sends for a step: credential fields, step fields, the account's id. */
  function stepConfig(fields: JsonObject): JsonObject {
    return { ...credential, ...fields, _account: 'account-service' };
  }

  describe('verifyCredentials', function () {
    it('answers {verified: true} for the simulator credential', async function () {
      const outcome = await call({ method: 'verifyCredentials', cfg: credential });
      expect(outcome.status).to.equal('success');
      expect(outcome.data).to.deep.equal({ verified: true });
    });

    it('answers {verified: false, reason} for a refresh token Lightspeed does not know', async function () {
      const outcome = await call({ method: 'verifyCredentials', cfg: { ...credential, refreshToken: 'not-a-refresh-token' } });
      expect(outcome.status).to.equal('success');
      const data = outcome.data as { verified?: unknown; reason?: unknown };
      expect(data.verified).to.equal(false);
      expect(data.reason).to.be.a('string').and.not.be.empty;
    });

    it('answers {verified: false, reason} for a wrong client secret', async function () {
      const outcome = await call({ method: 'verifyCredentials', cfg: { ...credential, clientSecret: 'wrong-secret' } });
      const data = outcome.data as { verified?: unknown; reason?: unknown };
      expect(data.verified).to.equal(false);
      expect(data.reason).to.be.a('string').and.not.be.empty;
    });
  });

  describe('getMetaModel', function () {
    it('describes createObject on Item with description among its input properties', async function () {
      const outcome = await call({ method: 'getMetaModel', actionOrTrigger: 'createObject', cfg: stepConfig({ objectType: 'Item' }) });
      expect(outcome.status, JSON.stringify(outcome.data)).to.equal('success');
      const model = outcome.data as { in?: { properties?: Record<string, unknown> }; out?: { type?: unknown } };
      expect(model.in?.properties).to.have.property('description');
      expect(model.out?.type).to.equal('object');
    });

    for (const name of Object.keys(allFunctions).filter((candidate) => allFunctions[candidate].dynamicMetadata)) {
      it(`returns {in, out} schemas for ${name} on Item`, async function () {
        const outcome = await call({ method: 'getMetaModel', actionOrTrigger: name, cfg: stepConfig({ objectType: 'Item' }) });
        expect(outcome.status, JSON.stringify(outcome.data)).to.equal('success');
        const model = outcome.data as { in?: { type?: unknown }; out?: { type?: unknown } };
        expect(model.in?.type).to.equal('object');
        expect(model.out?.type).to.equal('object');
      });
    }
  });

  describe('select models', function () {
    it('component.json names getObjectTypes for the trigger and every entity action, getPollingFields for the trigger, getMatchFields for upsert', function () {
      const models = selectModels();
      for (const [name, func] of Object.entries(allFunctions)) {
        if (func.fields?.objectType) expect(models).to.deep.include([name, 'getObjectTypes']);
      }
      expect(models).to.deep.include(['pollingEntity', 'getPollingFields']);
      expect(models).to.deep.include(['upsertObject', 'getMatchFields']);
    });

    for (const [name, model] of selectModels().filter(([, candidate]) => candidate === 'getObjectTypes')) {
      it(`${name}.getObjectTypes lists Item with a label`, async function () {
        const outcome = await call({ method: 'selectModel', actionOrTrigger: name, getModelMethod: model, cfg: stepConfig({}) });
        expect(outcome.status, JSON.stringify(outcome.data)).to.equal('success');
        expect(outcome.data).to.have.property('Item').that.is.a('string').and.not.empty;
      });
    }

    it('upsertObject.getMatchFields for Item offers the primary key and customSku', async function () {
      const outcome = await call({ method: 'selectModel', actionOrTrigger: 'upsertObject', getModelMethod: 'getMatchFields', cfg: stepConfig({ objectType: 'Item' }) });
      expect(outcome.status, JSON.stringify(outcome.data)).to.equal('success');
      expect(outcome.data).to.include.keys('itemID', 'customSku');
    });

    it('setStockLevel.getMatchFields offers itemID and the Item\'s SKUs', async function () {
      const outcome = await call({ method: 'selectModel', actionOrTrigger: 'setStockLevel', getModelMethod: 'getMatchFields', cfg: stepConfig({}) });
      expect(outcome.status, JSON.stringify(outcome.data)).to.equal('success');
      expect(outcome.data).to.include.keys('itemID', 'customSku', 'upc');
    });

    it('pollingEntity.getPollingFields for Item offers timeStamp', async function () {
      const outcome = await call({ method: 'selectModel', actionOrTrigger: 'pollingEntity', getModelMethod: 'getPollingFields', cfg: stepConfig({ objectType: 'Item' }) });
      expect(outcome.status, JSON.stringify(outcome.data)).to.equal('success');
      expect(outcome.data).to.have.property('timeStamp').that.is.a('string');
    });

    for (const [name, model, expected] of [
      ['completedSales', 'getShops', { 1: 'Main Street', 2: 'Harbour Mall' }],
      ['stockChanges', 'getShops', { 1: 'Main Street', 2: 'Harbour Mall' }],
      ['newCustomers', 'getCustomerTypes', { 1: 'Retail', 2: 'Wholesale' }],
    ] as const) {
      it(`${name}.${model} reads the account's list with the step's credential, {id: name}`, async function () {
        const outcome = await call({ method: 'selectModel', actionOrTrigger: name, getModelMethod: model, cfg: stepConfig({}) });
        expect(outcome.status, JSON.stringify(outcome.data)).to.equal('success');
        expect(outcome.data).to.deep.equal(expected);
      });
    }
  });
});
