import { expect } from 'chai';
import nock from 'nock';
import * as lookup from '../../lib/actions/lookupObjectById';
import { resetConnections } from '../../lib/client/connections';
import { setClientOverrides } from '../../lib/runtime/session';
import { SECRETS } from '../helpers/capture';
import { run } from '../helpers/component';
import { FakeClock } from '../helpers/fakeClock';
import { ACCOUNT_PATH, API, cfg } from '../helpers/lightspeed';
import { RecordedExchange, loadCassettes } from '../helpers/cassettes';

const recorded = loadCassettes();
const find = (what: string, test: (answer: RecordedExchange) => boolean): RecordedExchange => {
  const answer = recorded.find(test);
  if (!answer) throw new Error(`no recorded ${what}`);
  return answer;
};
/** The 2015 429 as recorded: its body as text/html, no Retry-After and no bucket header. */
const refusal = find('429', (answer) => answer.status === 429);
/** The highest level recorded, above the size, and the drip rate answers carried from 2017. */
const overfull = find('level over the size', (answer) => answer.headers['x-ls-api-bucket-level'] === '91.672517538069/90');
const drip = find('drip rate', (answer) => answer.headers['x-ls-api-drip-rate'] !== undefined);

/** The recorded 429 (status, body, Content-Type), with the given rate headers. */
function refused(headers: Record<string, string>): [number, string, Record<string, string>] {
  return [429, refusal.body, { 'content-type': refusal.headers['content-type'], ...headers }];
}

const customer = { '@attributes': { count: '1' }, Customer: { customerID: '5', firstName: 'Ada' } };
const step = cfg({
  objectType: 'Customer',
  oauth: { access_token: SECRETS.accessToken, refresh_token: SECRETS.refreshToken, expires_at: '2027-01-01T00:00:00Z' },
});

describe('Lookup through the 429s recorded from real accounts (virtual time)', () => {
  let clock: FakeClock;
  beforeEach(() => {
    resetConnections();
    clock = new FakeClock();
    setClientOverrides({ clock });
  });
  afterEach(() => {
    setClientOverrides({});
    nock.cleanAll();
  });

  it('two 429s at 91.672517538069/90, drip 1, without Retry-After: the record is emitted within 5 s', async () => {
    const overfullHeaders = { 'x-ls-api-bucket-level': overfull.headers['x-ls-api-bucket-level'], 'x-ls-api-drip-rate': drip.headers['x-ls-api-drip-rate'] };
    const scope = nock(API).get(`${ACCOUNT_PATH}/Customer/5.json`).query(true).times(2).reply(...refused(overfullHeaders))
      .get(`${ACCOUNT_PATH}/Customer/5.json`).query(true).reply(200, customer);

    const result = await run(lookup, { id: 5 }, step);
    scope.done();
    expect(result.thrown).to.equal(undefined);
    expect(result.data).to.deep.equal([{ customerID: 5, firstName: 'Ada' }]);
    // 1.67 drips over the size at 1 per second, twice, each a little later at random.
    expect(clock.slept).to.be.at.least(2 * 1672).and.below(5000);
    const waits = result.logs.filter((line) => line.startsWith('Lightspeed answered 429'));
    expect(waits).to.have.length(2);
    for (const line of waits) {
      expect(line).to.match(/^Lightspeed answered 429 to GET Customer 5: Rate Limit Exceeded: Please decrease your request volume\..*; waiting (1\.[7-9]|2\.[0-7]) s for the bucket to drain below its size at the drip rate, then trying again$/);
    }
  });

  it('the 2015 429 without any bucket header: backs off 1 s, then 2 s, and emits the record', async () => {
    const scope = nock(API).get(`${ACCOUNT_PATH}/Customer/5.json`).query(true).times(2).reply(...refused({}))
      .get(`${ACCOUNT_PATH}/Customer/5.json`).query(true).reply(200, customer);

    const result = await run(lookup, { id: 5 }, step);
    scope.done();
    expect(result.data).to.deep.equal([{ customerID: 5, firstName: 'Ada' }]);
    // 1 s, then 2 s, each up to a quarter longer at random.
    expect(clock.slept).to.be.at.least(3000).and.at.most(3750);
    expect(result.logs.filter((line) => line.startsWith('Lightspeed answered 429')).map((line) => line.replace(/waiting [\d.]+ s/, 'waiting N s'))).to.deep.equal(Array(2).fill(
      'Lightspeed answered 429 to GET Customer 5: Rate Limit Exceeded: Please decrease your request volume. To eliminate this '
      + 'message, keep your request rate below 0.5 requests per second. Clients that continue to receive this response may '
      + 'have their traffic throttled.; waiting N s since the answer showed no bucket level (doubling after each 429 in a row), then trying again',
    ));
  });
});
