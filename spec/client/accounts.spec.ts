import { expect } from 'chai';
import nock from 'nock';
import { ForbiddenError } from '../../lib/client/http';
import { SECRETS } from '../helpers/capture';
import { ACCOUNT, ACCOUNT_PATH, API, client } from '../helpers/lightspeed';

const stored = { oauth: { access_token: SECRETS.accessToken, refresh_token: 'r', expires_at: '2027-01-01T00:00:00Z' } };
const get = { method: 'GET' as const, url: `${API}${ACCOUNT_PATH}/Item/1.json`, context: { method: 'GET', entity: 'Item', id: 1 } };
const accounts = (...list: Array<Record<string, string>>) => ({ '@attributes': { count: String(list.length) }, Account: list.length === 1 ? list[0] : list });

describe('a 403 on the account: is the Account ID one the credential can reach?', () => {
  afterEach(() => nock.cleanAll());

  it('names the Account ID and the accounts the credential can reach', async () => {
    const scope = nock(API)
      .get(`${ACCOUNT_PATH}/Item/1.json`).reply(403, { httpCode: '403', message: `Not authorized for account ${ACCOUNT}` })
      .get('/API/V3/Account.json').reply(200, accounts({ accountID: '777', name: 'Main Street' }, { accountID: '888' }));
    const error = await client(stored).client.call(get).catch((e: Error) => e);
    scope.done();
    expect(error).to.be.instanceOf(ForbiddenError);
    expect((error as Error).message).to.equal(`Lightspeed answered 403 to GET Item 1: Not authorized for account ${ACCOUNT}; the Account ID `
      + `${ACCOUNT} is not among the accounts this credential can reach: 777 (Main Street), 888. Fix it, or leave it empty to use the first of those`);
  });

  it('says so when the credential reaches no account at all', async () => {
    nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).reply(403, { message: 'Forbidden' }).get('/API/V3/Account.json').reply(200, { '@attributes': { count: '0' } });
    const error = await client(stored).client.call(get).catch((e: Error) => e);
    expect((error as Error).message).to.equal(`Lightspeed answered 403 to GET Item 1: Forbidden; the Account ID ${ACCOUNT} is not an account this `
      + 'credential can reach, and it reaches none: re-authorize it as an employee of the account');
  });

  it('leaves a 403 alone when the account is reachable: a right is missing, not the account', async () => {
    nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).reply(403, { message: 'Employee lacks the inventory right' })
      .get('/API/V3/Account.json').reply(200, accounts({ accountID: ACCOUNT, name: 'Shop' }));
    const error = await client(stored).client.call(get).catch((e: Error) => e);
    expect((error as Error).message).to.equal('Lightspeed answered 403 to GET Item 1: Employee lacks the inventory right');
  });

  it('keeps the original error when the account list cannot be read', async () => {
    nock(API).get(`${ACCOUNT_PATH}/Item/1.json`).reply(403, { message: 'Forbidden' }).get('/API/V3/Account.json').reply(403, { message: 'Forbidden' });
    const error = await client(stored).client.call(get).catch((e: Error) => e);
    expect((error as Error).message).to.equal('Lightspeed answered 403 to GET Item 1: Forbidden');
  });
});
