import { expect } from 'chai';
import * as raw from '../../lib/actions/rawRequest';
import { Simulator } from '../../simulator';
import { apiRequests, run, simulatorWith } from '../helpers/component';

type Cfg = Awaited<ReturnType<typeof simulatorWith>>['cfg'];
interface Emitted { status: number; headers: Record<string, string>; body: Record<string, unknown> }
const ACCOUNT = '/API/V3/Account/123456';

describe('Make Raw Request (against the simulator)', () => {
  let sim: Simulator;
  let cfg: Cfg;
  beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 250, customers: 5, sales: 2 })));
  afterEach(() => sim.close());

  it('GET emits the status, the rate-limit headers and the body as Lightspeed sent it', async () => {
    const result = await run(raw, { method: 'GET', path: 'Item/7.json', query: { load_relations: ['Category'] } }, cfg());
    expect(result.thrown).to.equal(undefined);
    const emitted = result.data[0] as Emitted;
    expect(emitted.status).to.equal(200);
    expect(emitted.headers).to.have.keys('x-ls-api-bucket-level', 'x-ls-api-drip-rate', 'x-ls-api-request-cost');
    expect(emitted.body['@attributes']).to.deep.equal({ count: '1' });
    expect(emitted.body.Item).to.deep.include({ itemID: '7', customSku: 'SKU-000007' });
    expect(apiRequests(sim)).to.deep.equal([`GET ${ACCOUNT}/Item/7.json?load_relations=%5B%22Category%22%5D`]);
  });

  it('followPages: every record of a 250-record list exactly once, gathered into one list', async () => {
    const result = await run(raw, { method: 'GET', path: 'Item.json', query: { archived: 'true' } }, cfg({ followPages: true }));
    const { body } = result.data[0] as Emitted;
    const ids = (body.Item as Array<{ itemID: string }>).map((item) => Number(item.itemID));
    expect(ids).to.have.length(250);
    expect(new Set(ids).size).to.equal(250);
    expect(body['@attributes']).to.deep.equal({ next: '', previous: '' });
    expect(apiRequests(sim)).to.have.length(3);
  });

  it('followPages that finds nothing emits an empty list under the records key, so a mapping on body.Customer gets []', async () => {
    const result = await run(raw, { method: 'GET', path: 'Customer.json', query: { firstName: 'Nobody-By-This-Name' } }, cfg({ followPages: true }));
    expect(result.thrown).to.equal(undefined);
    expect((result.data[0] as Emitted).body).to.deep.equal({ '@attributes': { next: '', previous: '' }, Customer: [] });
  });

  it('followPages refuses to gather more than "Maximum results"', async () => {
    const result = await run(raw, { method: 'GET', path: 'Item.json' }, cfg({ followPages: true, maxResults: '150' }));
    expect(result.thrown?.message).to.equal('More than 150 records under Item.json: narrow the query, or raise "Maximum results"');
    expect(result.data).to.deep.equal([]);
  });

  it('a POST is sent once under a 502: the error says the create may have been applied', async () => {
    sim.setOptions({ failures: [{ status: 502, count: 1, match: { method: 'POST' } }] });
    const result = await run(raw, { method: 'POST', path: 'Manufacturer.json', body: { name: 'Acme' } }, cfg());
    expect(result.thrown?.message).to.match(/^Lightspeed answered 502 to POST Manufacturer\.json.*the create may have been applied/);
    expect(apiRequests(sim)).to.deep.equal([`POST ${ACCOUNT}/Manufacturer.json`]);
  });

  it('a PUT is retried after a 503, like the other actions', async () => {
    sim.setOptions({ failures: [{ status: 503, count: 1, match: { method: 'PUT' } }] });
    const result = await run(raw, { method: 'put', path: 'Item/3.json', body: { description: 'Renamed' } }, cfg());
    expect((result.data[0] as Emitted).body.Item).to.deep.include({ itemID: '3', description: 'Renamed' });
    expect(apiRequests(sim)).to.deep.equal([`PUT ${ACCOUNT}/Item/3.json`, `PUT ${ACCOUNT}/Item/3.json`]);
  });

  it('a 4xx is an error with Lightspeed\'s message, or a result when "Allowed statuses" lists it', async () => {
    const failing = await run(raw, { method: 'GET', path: 'Item/424242.json' }, cfg());
    expect(failing.thrown?.message).to.match(/^Lightspeed answered 404 to GET Item\/424242\.json: .+/);
    const allowed = await run(raw, { method: 'GET', path: 'Item/424242.json' }, cfg({ allowedStatuses: '404, 409' }));
    const emitted = allowed.data[0] as Emitted;
    expect(emitted.status).to.equal(404);
    expect(emitted.body).to.include({ httpCode: '404' });
    expect(emitted.headers).to.have.property('x-ls-api-bucket-level');
    expect(apiRequests(sim)).to.have.length(2);
  });

  it('an accounting report with its startDate and endDate', async () => {
    const query = { startDate: '2024-06-01T00:00:00-04:00', endDate: '2024-06-30T23:59:59-04:00' };
    const result = await run(raw, { method: 'GET', path: 'Reports/Accounting/PaymentsByDay.json', query }, cfg());
    expect((result.data[0] as Emitted).status).to.equal(200);
    expect(apiRequests(sim)).to.deep.equal([
      `GET ${ACCOUNT}/Reports/Accounting/PaymentsByDay.json?startDate=2024-06-01T00%3A00%3A00-04%3A00&endDate=2024-06-30T23%3A59%3A59-04%3A00`,
    ]);
  });
});
