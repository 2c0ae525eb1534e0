import { expect } from 'chai';
import { phpKeyOrder, phpSortedQuery, phpUrlencode } from '../../../lib/input/tap/phpQuery';
import { vectors } from './vectors';

describe('the signed query: PHP\'s ksort and http_build_query, checked against PHP\'s own answers', () => {
  it(`encodes every ASCII character and UTF-8 text as PHP ${vectors.php}'s urlencode does`, () => {
    expect(vectors.urlencode.length).to.be.at.least(128 + 7);
    const wrong = vectors.urlencode.filter(([text, encoded]) => phpUrlencode(text) !== encoded);
    expect(wrong).to.deep.equal([]);
  });

  it('keeps only A-Za-z0-9-_. as they are: space is +, ~ and every reserved character %XX in upper case', () => {
    expect(phpUrlencode('a-Z_0.9')).to.equal('a-Z_0.9');
    expect(phpUrlencode(' ')).to.equal('+');
    expect(phpUrlencode("~!*'()")).to.equal('%7E%21%2A%27%28%29');
    expect(phpUrlencode(':/?#[]@$&+,;=%')).to.equal('%3A%2F%3F%23%5B%5D%40%24%26%2B%2C%3B%3D%25');
    expect(phpUrlencode('é')).to.equal('%C3%A9');
  });

  it('differs from URLSearchParams (which keeps *) and encodeURIComponent (which keeps ~!*\'() and writes a space %20)', () => {
    const text = "a b~!*'()";
    expect(phpUrlencode(text)).to.equal('a+b%7E%21%2A%27%28%29');
    expect(new URLSearchParams({ x: text }).toString()).to.equal('x=a+b%7E%21*%27%28%29');
    expect(encodeURIComponent(text)).to.equal("a%20b~!*'()");
  });

  for (const { params, query } of vectors.httpBuildQuery) {
    it(`sorts and encodes ${Object.keys(params).join(', ')} as ksort and http_build_query do`, () => {
      expect(phpSortedQuery(params)).to.equal(query);
    });
  }

  it('orders names as PHP 8\'s ksort: numbers as numbers, the rest byte by byte (upper case first, UTF-8 last)', () => {
    const names = ['x9', 'b', '10', 'é', 'B', '9', 'x10', '-1', '_', 'a'];
    expect([...names].sort(phpKeyOrder)).to.deep.equal(['-1', '9', '10', 'B', '_', 'a', 'b', 'x10', 'x9', 'é']);
  });
});
