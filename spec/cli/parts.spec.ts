import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { authorizeUrlFor, normalizeScope } from '../../cli/auth/authorizeUrl';
import { codeFromPastedText } from '../../cli/auth/redirectAnswer';
import { loadStepInput } from '../../cli/run/stepInput';
import { maskSecretFields } from '../../cli/secrets';
import { LOGO_SIZE, drawLogo } from '../../scripts/logo/drawLogo';
import { crc32, encodePng } from '../../scripts/logo/png';
import { ROOT, tempDir, writeJson } from './helpers';

describe('CLI parts', () => {
  it('reads the code from a pasted redirect address, its query, or the bare code, checking the state', () => {
    expect(codeFromPastedText('https://example.com/cb?code=abc123&state=s1', 's1')).to.equal('abc123');
    expect(codeFromPastedText('  ?code=abc123&state=s1 ', 's1')).to.equal('abc123');
    expect(codeFromPastedText('code=abc123', 's1')).to.equal('abc123');
    expect(codeFromPastedText('abc123', 's1')).to.equal('abc123');
    expect(() => codeFromPastedText('https://example.com/cb?code=abc&state=other', 's1')).to.throw(/different state/);
    expect(() => codeFromPastedText('https://example.com/cb?error=access_denied&state=s1', 's1')).to.throw(/access_denied/);
    expect(() => codeFromPastedText('two words', 's1')).to.throw(/Paste the whole address/);
  });

  it('normalises scopes and derives the authorize URL from a token URL', () => {
    expect(normalizeScope('employee:inventory, employee:customers+employee:reports')).to.equal('employee:inventory employee:customers employee:reports');
    expect(authorizeUrlFor('http://127.0.0.1:8787/auth/oauth/token')).to.equal('http://127.0.0.1:8787/auth/oauth/authorize');
    expect(authorizeUrlFor('https://cloud.lightspeedapp.com/auth/oauth/token')).to.equal('https://cloud.lightspeedapp.com/auth/oauth/authorize');
  });

  it('takes credential fields from the credential file, then the cfg file, then the environment', () => {
    const { dir, cleanup } = tempDir();
    try {
      writeJson(dir, 'cfg.json', { objectType: 'Item', clientId: 'from-cfg', accountId: '' });
      writeJson(dir, 'cred.json', { clientId: 'from-credential', refreshToken: 'rt-from-file' });
      const env = { LIGHTSPEED_CLIENT_ID: 'from-env', LIGHTSPEED_REFRESH_TOKEN: 'rt-from-env', LIGHTSPEED_ACCOUNT_ID: '42', LIGHTSPEED_CLIENT_SECRET: 's' };
      const input = loadStepInput({ cfgPath: 'cfg.json', credentialPath: 'cred.json', credentialFields: ['clientId', 'clientSecret', 'refreshToken', 'accountId'], env, cwd: dir });
      expect(input.cfg).to.deep.equal({ objectType: 'Item', clientId: 'from-credential', refreshToken: 'rt-from-file', accountId: '42', clientSecret: 's' });
      expect(input.fromEnv).to.deep.equal(['clientSecret', 'accountId']);
    } finally {
      cleanup();
    }
  });

  it('masks token and secret fields at any depth', () => {
    expect(maskSecretFields({ clientId: 'c', clientSecret: 's', oauth: { access_token: 'a', refresh_token: 'r', expires_at: 'e' } }))
      .to.deep.equal({ clientId: 'c', clientSecret: '[redacted]', oauth: { access_token: '[redacted]', refresh_token: '[redacted]', expires_at: 'e' } });
  });

  it('encodes PNG with a correct CRC-32, and the committed logo.png is what scripts/logo draws', () => {
    expect(crc32(Buffer.from('123456789'))).to.equal(0xcbf43926);
    const committed = readFileSync(join(ROOT, 'logo.png'));
    expect(committed.equals(encodePng(LOGO_SIZE, LOGO_SIZE, drawLogo())), 'run node dist/scripts/logo/makeLogo.js').to.equal(true);
    expect(committed.readUInt32BE(16)).to.equal(256);
    expect(committed.readUInt32BE(20)).to.equal(256);
    // The pixel data inflates to one filter byte plus 256 RGBA pixels per row.
    const idat = committed.subarray(41, 41 + committed.readUInt32BE(33));
    expect(inflateSync(idat).length).to.equal(256 * (256 * 4 + 1));
  });
});
