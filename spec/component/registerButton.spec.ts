import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { ValidationError } from '../../lib/client/http';
import { KEY_SET_MIN_INTERVAL_MS, resetKeySets } from '../../lib/client/keySet';
import { IncomingMessage, StepConfig } from '../../lib/runtime/context';
import { forgetLoggedOnce } from '../../lib/runtime/httpReply';
import * as registerButton from '../../lib/triggers/registerButton';
import { RETURN_URL, SignedTap, Simulator } from '../../simulator';
import { EXAMPLE_BUTTON_URL } from '../../simulator/buttonCli';
import { apiRequests, Emitted, getContext, simulatorWith } from '../helpers/component';
import { FakeClock } from '../helpers/fakeClock';

type Row = Record<string, unknown>;
const BUTTON_URL = 'https://in.tenant.example/hook/flow-1';
const ROOT = path.resolve(__dirname, '../../..');

/** A webhook message as the platform delivers a GET: the query (also the body), the request's parts, maybe reply_to. */
function webhookMessage(query: Record<string, string>, replyTo?: string): IncomingMessage {
  return {
    id: 'webhook-1', body: { ...query }, query, method: 'GET', url: '/hook/flow-1',
    headers: { host: 'in.tenant.example', 'x-forwarded-proto': 'https', ...(replyTo ? { reply_to: replyTo } : {}) },
  };
}

interface TapRun extends Emitted {
  thrown?: Error;
  replies: Array<{ statusCode: number; headers: Record<string, string>; body: string }>;
  /** The events in the order emitted. */
  order: string[];
}

async function tap(msg: IncomingMessage, cfg: StepConfig): Promise<TapRun> {
  const context = getContext();
  let thrown: Error | undefined;
  try {
    await registerButton.process.call(context, msg, cfg);
  } catch (error) {
    thrown = error as Error;
  }
  const calls = context.emitted.emit.getCalls();
  return {
    ...context.emitted, thrown, order: calls.map((call) => call.args[0] as string),
    replies: calls.filter((call) => call.args[0] === 'httpReply').map((call) => call.args[1] as TapRun['replies'][number]),
  };
}

describe('Register button (against the simulator)', () => {
  let sim: Simulator;
  let cfg: (fields?: StepConfig) => StepConfig;
  const step = (fields: StepConfig = {}): StepConfig => cfg({ buttonUrl: BUTTON_URL, ...fields });
  const saleTap = (id = 3, extra: Parameters<Simulator['signButtonTap']>[3] = {}): SignedTap => sim.signButtonTap(BUTTON_URL, 'sale', id, extra);
  /** Every request besides the key set: Lightspeed's API and its token endpoint. */
  const lightspeedRequests = (): string[] => sim.stats.log.filter((entry) => entry.path !== '/.well-known/jwks').map((entry) => `${entry.method} ${entry.path}`);

  beforeEach(async () => {
    resetKeySets();
    forgetLoggedOnce();
    ({ sim, cfg } = await simulatorWith({ items: 60, customers: 30, sales: 12 }));
  });
  afterEach(async () => {
    await sim.close();
    resetKeySets();
  });

  describe('a tap Lightspeed signed', () => {
    it('emits the tap\'s context with the sale, its lines, payments and customer, in one request, after answering 302 to returnURL', async () => {
      const run = await tap(webhookMessage(saleTap(3).query, 'reply.queue.1'), step());
      expect(run.thrown).to.equal(undefined);
      expect(run.data).to.have.length(1);
      const body = run.data[0] as { tap: Row; Sale: Row };
      expect(body.tap).to.include({ type: 'sale', saleID: '3', accountID: '123456', customerID: '22', alg: 'RS256', returnURL: RETURN_URL });
      expect(body.tap).not.to.have.property('signature');
      expect(body.Sale).to.include({ saleID: 3, customerID: 22, completed: true });
      const line = (body.Sale.SaleLines as { SaleLine: Row[] }).SaleLine[0];
      expect(line.Item).to.be.an('object').that.has.property('itemID', line.itemID);
      expect(((body.Sale.SalePayments as { SalePayment: Row[] }).SalePayment[0].PaymentType as Row).name).to.be.a('string');
      expect(((body.Sale.Customer as Row).Contact)).to.be.an('object');
      const requests = apiRequests(sim).map(decodeURIComponent);
      expect(requests).to.deep.equal(['GET /API/V3/Account/123456/Sale/3.json?load_relations=["SaleLines","SaleLines.Item","SalePayments","SalePayments.PaymentType","Customer","Customer.Contact"]']);
      expect(run.replies).to.have.length(1);
      const [reply] = run.replies;
      expect(reply.statusCode).to.equal(302);
      expect(reply.headers).to.include({ Location: RETURN_URL, 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      expect(reply.body).to.contain(`<a href="${RETURN_URL}">Back to the register</a>`);
      expect(run.order.indexOf('httpReply'), 'the cashier is sent back before the sale is loaded').to.be.lessThan(run.order.indexOf('data'));
    });

    it('without reply_to (not a real-time flow) emits no httpReply, which sailor would refuse, and says once how to turn it on', async () => {
      const first = await tap(webhookMessage(saleTap(3).query), step());
      const second = await tap(webhookMessage(saleTap(1).query), step());
      expect([first.data.length, second.data.length]).to.deep.equal([1, 1]);
      expect([...first.replies, ...second.replies]).to.deep.equal([]);
      const told = [...first.logs, ...second.logs].filter((line) => line.includes('Enable real-time'));
      expect(told.length, 'once per process').to.equal(1);
    });

    it('with Reply none leaves the answer to a later HTTP Reply step', async () => {
      const run = await tap(webhookMessage(saleTap(3).query, 'reply.queue.1'), step({ reply: 'none' }));
      expect(run.data).to.have.length(1);
      expect(run.replies).to.deep.equal([]);
    });

    it('with Load records none emits the verified context only, and asks Lightspeed nothing', async () => {
      const run = await tap(webhookMessage(saleTap(3).query), step({ loadRecords: 'none' }));
      expect(Object.keys(run.data[0] as Row)).to.deep.equal(['tap']);
      expect(lightspeedRequests()).to.deep.equal([]);
    });

    it('loads what Load records names: the customer by customerID, the sale with the relations listed', async () => {
      const run = await tap(webhookMessage(saleTap(3).query), step({ loadRecords: 'Sale.SaleLines, Customer.Contact' }));
      const body = run.data[0] as { Sale: Row; Customer: Row };
      expect(body.Customer).to.include({ customerID: 22 });
      expect(body.Customer.Contact).to.be.an('object');
      expect(body.Sale).to.have.property('SaleLines');
      expect(body.Sale).not.to.have.property('Customer');
      expect(apiRequests(sim).map(decodeURIComponent)).to.deep.equal([
        'GET /API/V3/Account/123456/Sale/3.json?load_relations=["SaleLines"]',
        'GET /API/V3/Account/123456/Customer/22.json?load_relations=["Contact"]',
      ]);
    });

    it('on the workorder screen loads the Workorder by saleID; a screen Lightspeed does not document loads no sale rather than a wrong one', async () => {
      sim.store.create('Workorder', { customerID: '22', shopID: '1', employeeID: '1', note: 'Tune-up' });
      const workorder = await tap(webhookMessage(sim.signButtonTap(BUTTON_URL, 'workorder', 1).query), step());
      expect(workorder.thrown).to.equal(undefined);
      expect(workorder.data[0]).to.have.property('Workorder').that.includes({ workorderID: 1 });
      expect(workorder.data[0]).not.to.have.property('Sale');
      expect(apiRequests(sim).map(decodeURIComponent)[0]).to.match(/^GET \/API\/V3\/Account\/123456\/Workorder\/1\.json\?load_relations=\["WorkorderItems"/);
      sim.resetStats();
      const special = await tap(webhookMessage(saleTap(3, { params: { type: 'special_order' } }).query), step());
      expect(Object.keys(special.data[0] as Row)).to.deep.equal(['tap']);
      expect(lightspeedRequests()).to.deep.equal([]);
    });

    it('takes a tap again within its exp (a retried tap), and one signed with the button URL\'s own parameters', async () => {
      const signed = saleTap(3);
      expect((await tap(webhookMessage(signed.query), step())).data).to.have.length(1);
      expect((await tap(webhookMessage(signed.query), step())).data).to.have.length(1);
      const withOwn = sim.signButtonTap(`${BUTTON_URL}?flow=erp`, 'sale', 3);
      const run = await tap(webhookMessage(withOwn.query), step({ buttonUrl: `${BUTTON_URL}?flow=erp`, loadRecords: 'none' }));
      expect((run.data[0] as { tap: Row }).tap).to.include({ flow: 'erp' });
    });

    it('asks for the account only when the credential leaves it empty, and only for a tap whose signature holds', async () => {
      const forged = { ...saleTap(3).query, saleID: '4' };
      const refused = await tap(webhookMessage(forged), step({ accountId: '' }));
      expect(refused.data).to.deep.equal([]);
      expect(lightspeedRequests()).to.deep.equal([]);
      const run = await tap(webhookMessage(saleTap(3).query), step({ accountId: '', loadRecords: 'none' }));
      expect(run.data).to.have.length(1);
      expect(apiRequests(sim)).to.deep.equal(['GET /API/V3/Account.json']);
    });
  });

  describe('a tap that is refused: nothing loaded, nothing emitted, no request to Lightspeed', () => {
    const refusals: Array<[string, (signed: SignedTap) => Record<string, string>, number, RegExp]> = [
      ['without signature', ({ query: { signature: _s, ...rest } }) => rest, 401, /the tap has no signature/],
      ['without exp', ({ query: { exp: _e, ...rest } }) => rest, 401, /the tap has no exp/],
      ['without kid', ({ query: { kid: _k, ...rest } }) => rest, 401, /the tap has no kid/],
      ['without alg', ({ query: { alg: _a, ...rest } }) => rest, 401, /the tap has no alg/],
      ['alg HS256', ({ query }) => ({ ...query, alg: 'HS256' }), 401, /alg is "HS256"/],
      ['alg none', ({ query }) => ({ ...query, alg: 'none' }), 401, /alg is "none"/],
      ['a tampered saleID', ({ query }) => ({ ...query, saleID: '4' }), 401, /the signature does not match the tap/],
      ['a parameter added', ({ query }) => ({ ...query, discountPercent: '100' }), 401, /the signature does not match the tap/],
      ['no parameters at all', () => ({}), 401, /the request carries no parameters/],
    ];
    for (const [name, forge, status, reason] of refusals) {
      it(`${name}: answered ${status} with the reason, logged without the signature`, async () => {
        const signed = saleTap(3);
        const run = await tap(webhookMessage(forge(signed), 'reply.queue.1'), step());
        expectRefused(run, status, reason);
        expect(run.logs.join('\n')).not.to.contain(signed.query.signature);
      });
    }

    it('an expired tap (past exp and the 10 s of clock skew)', async () => {
      const run = await tap(webhookMessage(saleTap(3, { exp: Math.floor(Date.now() / 1000) - 11 }).query, 'reply.queue.1'), step());
      expectRefused(run, 401, /the tap expired at/);
    });

    it('a tap of another account, though Lightspeed signed it: 403', async () => {
      const run = await tap(webhookMessage(saleTap(3, { params: { accountID: '999' } }).query, 'reply.queue.1'), step());
      expectRefused(run, 403, /the tap comes from Lightspeed account 999, not from the credential's account 123456/);
    });

    it('a tap signed for another Button URL', async () => {
      const run = await tap(webhookMessage(sim.signButtonTap('https://in.tenant.example/hook/other-flow', 'sale', 3).query, 'reply.queue.1'), step());
      expectRefused(run, 401, /is Button URL \(https:\/\/in\.tenant\.example\/hook\/flow-1\) exactly the URL/);
    });

    it('a key set that cannot be fetched: 503, and the next tap within the minute does not ask again', async () => {
      sim.setOptions({ failures: [{ status: 502, count: 1, match: { path: '/.well-known/jwks' } }] });
      const run = await tap(webhookMessage(saleTap(3).query, 'reply.queue.1'), step());
      expectRefused(run, 503, /key set http:\/\/127\.0\.0\.1:\d+\/\.well-known\/jwks could not be fetched \(it answered 502\)/);
      expectRefused(await tap(webhookMessage(saleTap(3).query, 'reply.queue.1'), step()), 503, /could not be fetched/);
      expect(sim.stats.log.filter((entry) => entry.path === '/.well-known/jwks')).to.have.length(1);
    });

    it('a kid the key set lacks; after Lightspeed rotates its key, taps with the new kid are taken once the minute is over', async () => {
      const clock = new FakeClock(Date.now());
      resetKeySets({ clock });
      expect((await tap(webhookMessage(saleTap(3).query), step())).data).to.have.length(1);
      sim.rotateButtonKey();
      sim.resetStats();
      const tooSoon = await tap(webhookMessage(saleTap(3).query, 'reply.queue.1'), step());
      expectRefused(tooSoon, 401, /has no key "SIM_MENU_BUTTON_2025_01"/);
      clock.advance(KEY_SET_MIN_INTERVAL_MS);
      sim.resetStats();
      const later = await tap(webhookMessage(saleTap(3).query), step());
      expect(later.data).to.have.length(1);
      expect(sim.stats.log.filter((entry) => entry.path === '/.well-known/jwks')).to.have.length(1);
    });

    function expectRefused(run: TapRun, status: number, reason: RegExp): void {
      expect(run.thrown).to.equal(undefined);
      expect(run.data).to.deep.equal([]);
      expect(run.order.filter((event) => event !== 'httpReply')).to.deep.equal([]);
      expect(lightspeedRequests()).to.deep.equal([]);
      expect(run.replies).to.have.length(1);
      expect(run.replies[0].statusCode).to.equal(status);
      expect(run.replies[0].headers['Content-Type']).to.equal('text/plain; charset=utf-8');
      expect(run.replies[0].body).to.match(reason).and.match(/^Refused: [^\n]+\n$/);
      expect(run.logs.filter((line) => line.startsWith(`Register button: refused a tap (${status})`))).to.have.length(1);
    }
  });

  describe('the step\'s fields, checked before anything is sent', () => {
    const cases: Array<[StepConfig, string]> = [
      [{ buttonUrl: '' }, 'buttonUrl: is required: the flow\'s webhook URL, exactly as pasted into the button in Lightspeed'],
      [{ buttonUrl: 'http://in.tenant.example/hook/1' }, 'buttonUrl: must use https (plain http is accepted only for localhost), got "http://in.tenant.example"'],
      [{ buttonUrl: `${BUTTON_URL}#/sale` }, 'buttonUrl: must not hold a #fragment: use the flow\'s webhook URL as it is'],
      [{ loadRecords: 'Sales.SaleLines' }, 'loadRecords: "Sales.SaleLines" must start with Sale, Workorder, Customer (the records a tap names); did you mean Sale?'],
      [{ loadRecords: 'Sale.SaleLine' }, 'loadRecords: "SaleLine" is not a relation of Sale'],
      [{ loadRecords: 'none, Sale' }, 'loadRecords: "none" loads nothing, so it cannot stand beside records to load'],
      [{ reply: 'json' }, 'reply: must be redirect or none, got "json"'],
      [{ keySetUrl: 'ftp://keys.example/jwks' }, 'keySetUrl: must use https'],
    ];
    for (const [fields, message] of cases) {
      it(`${JSON.stringify(fields)}: ${message.slice(0, 60)}...`, async () => {
        const run = await tap(webhookMessage(saleTap(3).query, 'reply.queue.1'), step(fields));
        expect(run.thrown).to.be.instanceOf(ValidationError);
        expect(run.thrown?.message).to.contain(message);
        expect(run.order).to.deep.equal([]);
        expect(sim.stats.requests).to.equal(0);
      });
    }
  });

  it('offers the mapper the tap and the records Load records names', async () => {
    const model = await registerButton.getMetaModel(step({ loadRecords: 'Sale.SaleLines, Customer' }));
    expect(Object.keys(model.out.properties ?? {})).to.deep.equal(['tap', 'Sale', 'Customer']);
    expect(model.out.properties?.tap.properties).to.have.property('returnURL');
    expect(Object.keys((await registerButton.getMetaModel(step())).out.properties ?? {})).to.deep.equal(['tap', 'Sale', 'Workorder']);
  });

  it('examples/registerButton/sale.msg.json is what the simulator signs for sale 3 (exp 2100-01-01), so any fresh simulator takes it', () => {
    const example = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples/registerButton/sale.msg.json'), 'utf8')) as Record<string, string>;
    expect(sim.signButtonTap(EXAMPLE_BUTTON_URL, 'sale', 3, { exp: 4102444800 }).query).to.deep.equal(example);
  });
});
