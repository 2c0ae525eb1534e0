import { expect } from 'chai';
import {
  DEFAULT_ENVIRONMENT_URL, DEFAULT_TOKEN_URL, parseCredentials, parseEnvironmentUrl,
} from '../../../lib/client/auth/credentials';
import { ValidationError } from '../../../lib/client/http';

const base = { clientId: 'id', clientSecret: 'secret', refreshToken: 'refresh' };
/** What the platform stores in cfg.oauth after Authenticate: the token response, with a bare expires_in. */
const jwt = (claims: Record<string, unknown>) =>
  ['{"alg":"RS256","typ":"JWT"}', JSON.stringify(claims)].map((part) => Buffer.from(part).toString('base64url')).join('.') + '.c2lnbmF0dXJl';
const EXP = Date.UTC(2026, 10, 30, 12, 0, 0) / 1000;
const platformOauth = { token_type: 'Bearer', expires_in: 3600, access_token: jwt({ acct: '777', iat: EXP - 3600, exp: EXP }), refresh_token: 'platform-refresh' };
const clientEnv = { OAUTH_CLIENT_ID: 'env-id', OAUTH_CLIENT_SECRET: 'env-secret' };

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

  describe('from the Authenticate button (cfg.oauth as the platform stores it)', () => {
    it('takes the tokens from cfg.oauth and the API client from the component\'s OAUTH_CLIENT_ID and OAUTH_CLIENT_SECRET', () => {
      const credentials = parseCredentials({ oauth: platformOauth, accountId: '' }, clientEnv);
      expect(credentials).to.include({ clientId: 'env-id', clientSecret: 'env-secret', accessToken: platformOauth.access_token, tokenUrl: DEFAULT_TOKEN_URL });
      expect(credentials.refreshTokens).to.deep.equal(['platform-refresh']);
    });

    it('reads the expiry from the JWT\'s exp claim (a bare expires_in has no issue time); an opaque token\'s is unknown', () => {
      expect(parseCredentials({ oauth: platformOauth }, clientEnv).accessTokenExpiresAt).to.equal(EXP * 1000);
      expect(parseCredentials({ oauth: { ...platformOauth, access_token: 'opaque-token' } }, clientEnv).accessTokenExpiresAt).to.equal(undefined);
    });

    it('prefers the credential\'s own Client ID and Secret when filled, and names the half that is missing', () => {
      expect(parseCredentials({ ...base, oauth: platformOauth }, clientEnv)).to.include({ clientId: 'id', clientSecret: 'secret' });
      expect(() => parseCredentials({ oauth: platformOauth, clientId: 'id' }, clientEnv)).to.throw(ValidationError, /^clientSecret: is required$/);
    });

    it('without the env vars says which field or variable is missing', () => {
      expect(() => parseCredentials({ oauth: platformOauth }, {})).to.throw(ValidationError, /^clientId: is required: fill it in the credential, or set the component's OAUTH_CLIENT_ID environment variable/);
      expect(() => parseCredentials({ oauth: platformOauth }, { OAUTH_CLIENT_ID: 'env-id' })).to.throw(ValidationError, /^clientSecret: .*OAUTH_CLIENT_SECRET/);
    });
  });
});
