import { expect } from 'chai';
import { buttonBase, signedMessage } from '../../../lib/input/tap/signedMessage';
import { vectors, without } from './vectors';

describe('the signed text of a tap, rebuilt from Button URL', () => {
  it('is PHP\'s for the known-answer tap', () => {
    expect(signedMessage(new URL(vectors.signedTap.buttonUrl), without(vectors.signedTap.query, 'signature'))).to.equal(vectors.signedTap.message);
  });

  it('normalises the URL as RFC 3986 allows: scheme and host lower case, default port dropped, dot segments and needless escapes gone', () => {
    expect(buttonBase(new URL('HTTPS://In.Tenant.Example:443/hook/./x/../64f?a=1'))).to.equal('https://in.tenant.example/hook/64f');
    expect(buttonBase(new URL('https://in.tenant.example:8443/hook/%7e%2f%41'))).to.equal('https://in.tenant.example:8443/hook/~%2FA');
    expect(buttonBase(new URL('http://127.0.0.1:80'))).to.equal('http://127.0.0.1/');
  });

  it('takes the parameters as received, the button\'s own included, whatever order they came in', () => {
    const url = new URL('https://in.tenant.example/hook/1?flow=erp');
    expect(signedMessage(url, { type: 'sale', flow: 'erp', alg: 'RS256' })).to.equal('https://in.tenant.example/hook/1?alg=RS256&flow=erp&type=sale');
  });
});
