import { expect } from 'chai';
import { DEFAULT_ENVIRONMENT_URL, DEFAULT_TOKEN_URL, parseCredentials, parseEnvironmentUrl } from '../../lib/client/credentials';
import { ValidationError } from '../../lib/client/errors';

const base = { clientId: 'id', clientSecret: 'secret', refreshToken: 'refresh' };

describe('credentials', () => {
  const accepted: Array<[string | undefined, string]> = [
    [undefined, DEFAULT_ENVIRONMENT_URL],
    ['api.lightspeedapp.com', 'https://api.lightspeedapp.com'],
    ['https://api.lightspeedapp.com/', 'https://api.lightspeedapp.com'],
    ['https://api.lightspeedapp.com/API/V3/', 'https://api.lightspeedapp.com'],
    ['http://127.0.0.1:8787', 'http://127.0.0.1:8787'],
    ['http://localhost:9000', 'http://localhost:9000'],
  ];
  for (const [input, origin] of accepted) {
    it(`environmentUrl ${JSON.stringify(input)} -> ${origin}`, () => expect(parseEnvironmentUrl(input)).to.equal(origin));
  }

  const rejected: Array<[string, RegExp]> = [
    ['http://api.lightspeedapp.com', /environmentUrl: must use https/],
    ['ftp://x.example', /environmentUrl: must use https/],
    ['https://api.lightspeedapp.com/other/path', /environmentUrl: must be the API host only/],
    ['https://exa mple.com', /environmentUrl: ".*" is not a valid URL/],
  ];
  for (const [input, message] of rejected) {
    it(`environmentUrl ${JSON.stringify(input)} is rejected`, () => expect(() => parseEnvironmentUrl(input)).to.throw(ValidationError, message));
  }

  it('defaults the token URL and leaves a blank account ID for discovery', () => {
    const credentials = parseCredentials({ ...base, accountId: ' ', tokenUrl: '' });
    expect(credentials.tokenUrl).to.equal(DEFAULT_TOKEN_URL);
    expect(credentials.accountId).to.equal(undefined);
  });

  for (const field of ['clientId', 'clientSecret', 'refreshToken']) {
    it(`a missing ${field} names the field`, () => {
      expect(() => parseCredentials({ ...base, [field]: '' })).to.throw(ValidationError, new RegExp(`^${field}: is required`));
    });
  }

  it('rejects a non-numeric account ID', () => {
    expect(() => parseCredentials({ ...base, accountId: '12a' })).to.throw(ValidationError, 'accountId: must be a positive whole number');
  });

  it('reads persisted tokens from cfg.oauth, newest refresh token first', () => {
    const credentials = parseCredentials({ ...base, oauth: { access_token: 'acc', refresh_token: 'newer', expires_at: '2026-01-01T00:00:00.000Z' } });
    expect(credentials.refreshTokens).to.deep.equal(['newer', 'refresh']);
    expect(credentials.accessToken).to.equal('acc');
    expect(credentials.accessTokenExpiresAt).to.equal(Date.parse('2026-01-01T00:00:00Z'));
  });

  it('never echoes a secret in a validation error', () => {
    const error = (() => { try { parseCredentials({ ...base, clientSecret: { nested: 'secret' } }); } catch (e) { return e as Error; } return undefined; })();
    expect(error?.message).to.equal('clientSecret: must be text, got object');
  });
});
