import { expect } from 'chai';
import { AttemptFailure, RetrySettings, decideRetry } from '../../lib/client/retryPolicy';

const settings: RetrySettings = { maxRetries: 2, rateLimitPatienceMs: 600_000, backoff: { baseDelayMs: 100, maxDelayMs: 1000 } };
const first = { failures: 1, rateLimitedForMs: 0 };
const status = (code: number): AttemptFailure => ({ kind: 'status', status: code });

describe('retry decision', () => {
  const table: Array<[string, AttemptFailure, string, { failures: number; rateLimitedForMs: number }, boolean]> = [
    ['GET after 503', status(503), 'GET', first, true],
    ['PUT after 500', status(500), 'PUT', first, true],
    ['DELETE after 504', status(504), 'DELETE', first, true],
    ['POST after 500: it may have been applied', status(500), 'POST', first, false],
    ['POST after 429: certainly not applied', status(429), 'POST', { failures: 0, rateLimitedForMs: 0 }, true],
    ['GET after 404', status(404), 'GET', first, false],
    ['GET after 400', status(400), 'GET', first, false],
    ['GET after a dropped connection', { kind: 'no-response', reachedServer: true }, 'GET', first, true],
    ['POST after a timeout', { kind: 'no-response', reachedServer: true }, 'POST', first, false],
    ['POST after connection refused', { kind: 'no-response', reachedServer: false }, 'POST', first, true],
    ['GET after a malformed 200', { kind: 'malformed-body' }, 'GET', first, true],
    ['POST after a malformed 200', { kind: 'malformed-body' }, 'POST', first, false],
    ['GET after the last retry', status(503), 'GET', { failures: 3, rateLimitedForMs: 0 }, false],
    ['GET after 429s for 9 minutes 59 seconds with nothing accepted', status(429), 'GET', { failures: 0, rateLimitedForMs: 599_000 }, true],
    ['GET after 429s for 10 minutes with nothing accepted', status(429), 'GET', { failures: 0, rateLimitedForMs: 600_000 }, false],
    ['GET after a 429 at the end of its server-error retries', status(429), 'GET', { failures: 3, rateLimitedForMs: 0 }, true],
  ];
  for (const [name, failure, method, attempts, retry] of table) {
    it(`${name}: ${retry ? 'retry' : 'fail'}`, () => expect(decideRetry(failure, method, attempts, settings).retry).to.equal(retry));
  }

  it('backs off exponentially with jitter, capped', () => {
    const delay = (failures: number, random: number) => {
      const decision = decideRetry(status(503), 'GET', { failures, rateLimitedForMs: 0 }, { ...settings, maxRetries: 10 }, () => random);
      return decision.retry ? decision.delayMs : -1;
    };
    expect([delay(1, 0), delay(1, 1), delay(2, 0), delay(3, 1), delay(8, 1)]).to.deep.equal([50, 100, 100, 400, 1000]);
  });

  it('leaves the wait after a 429 to the pacer (Retry-After applies to every request of the credential)', () => {
    expect(decideRetry(status(429), 'GET', { failures: 0, rateLimitedForMs: 1_000 }, settings)).to.deep.equal({ retry: true, delayMs: 0, rateLimited: true });
  });
});
