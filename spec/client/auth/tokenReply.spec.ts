import { expect } from 'chai';
import { AuthenticationError } from '../../../lib/client/http';
import { ASSUMED_LIFETIME_SECONDS, tokenSetFromReply } from '../../../lib/client/auth/tokenReply';

const NOW = Date.parse('2026-01-01T00:00:00Z');
const SENT = 'refresh-token-sent-0';
/** A JWT whose `exp` is 45 minutes after NOW (unsigned: only the claims are read). */
const jwt = (claims: Record<string, unknown>): string =>
  ['{"alg":"RS256","typ":"JWT"}', JSON.stringify(claims)].map((part) => Buffer.from(part).toString('base64url')).join('.') + '.c2lnbmF0dXJl';
const JWT_45_MIN = jwt({ acct: '1', exp: NOW / 1000 + 2700 });

describe('a token endpoint\'s reply', () => {
  describe('expires_in', () => {
    const cases: Array<[string, unknown, string, number]> = [
      ['a number', 3600, 'opaque', 3600],
      ['a number the old endpoint sent (a reused token\'s remaining life)', 1212, 'opaque', 1212],
      ['a string', '3600', 'opaque', 3600],
      ['absent, with a JWT', undefined, JWT_45_MIN, 2700],
      ['not a number, with a JWT', 'soon', JWT_45_MIN, 2700],
      ['absent, with an opaque token: the assumed lifetime', undefined, 'opaque', ASSUMED_LIFETIME_SECONDS],
      ['zero, with an opaque token: the assumed lifetime', 0, 'opaque', ASSUMED_LIFETIME_SECONDS],
      ['empty, with an opaque token: the assumed lifetime', '', 'opaque', ASSUMED_LIFETIME_SECONDS],
    ];
    for (const [what, expiresIn, accessToken, seconds] of cases) {
      it(`${what}: valid ${seconds} s`, () => {
        const tokens = tokenSetFromReply({ access_token: accessToken, refresh_token: 'r2', expires_in: expiresIn }, SENT, NOW);
        expect(tokens.expiresAt).to.equal(NOW + seconds * 1000);
        expect(tokens.expiresIn).to.equal(seconds);
      });
    }
  });

  for (const tokenType of ['bearer', 'Bearer', 'BEARER', undefined]) {
    it(`takes token_type ${JSON.stringify(tokenType)}`, () => {
      expect(tokenSetFromReply({ access_token: 'a', refresh_token: 'r2', token_type: tokenType }, SENT, NOW).accessToken).to.equal('a');
    });
  }

  it('refuses a token type the component cannot send, naming it', () => {
    expect(() => tokenSetFromReply({ access_token: 'a', token_type: 'mac' }, SENT, NOW))
      .to.throw(AuthenticationError, 'Lightspeed\'s token endpoint issued a token of type "mac": the component sends Bearer tokens only');
  });

  it('a rotated refresh token replaces the one sent', () => {
    expect(tokenSetFromReply({ access_token: 'a', refresh_token: 'r2' }, SENT, NOW)).to.include({ refreshToken: 'r2', refreshTokenKept: false });
  });

  for (const [what, reply] of [['no refresh_token', {}], ['an empty one', { refresh_token: '' }], ['null', { refresh_token: null }]] as const) {
    it(`${what}: the refresh token sent is kept (RFC 6749 section 6)`, () => {
      expect(tokenSetFromReply({ access_token: 'a', ...reply }, SENT, NOW)).to.include({ refreshToken: SENT, refreshTokenKept: true });
    });
  }

  it('a reply without an access token is an error that quotes nothing of it', () => {
    expect(() => tokenSetFromReply({ refresh_token: 'r2-secret-value' }, SENT, NOW))
      .to.throw(AuthenticationError, /^Lightspeed's token endpoint answered without an access token$/);
  });
});
