import { expect } from 'chai';
import { ConnectionFailure } from '../../../lib/client/http/connectionFailure';
import { AttemptFailure, RetrySettings, decideRetry } from '../../../lib/client/http/retryPolicy';

const settings: RetrySettings = { maxRetries: 2, maxConnectRetries: 1, rateLimitPatienceMs: 600_000, backoff: { baseDelayMs: 100, maxDelayMs: 1000 } };
const first = { failures: 1, rateLimitedForMs: 0 };
const status = (code: number): AttemptFailure => ({ kind: 'status', status: code });
const noAnswer = (cause: ConnectionFailure): AttemptFailure => ({ kind: 'no-response', cause });
/** GET, DELETE and a PUT of plain fields may be sent twice; a POST or a PUT that adds nested records may not. */
const REPEATABLE = true;
const UNSAFE = false;

describe('retry decision', () => {
  const table: Array<[string, AttemptFailure, boolean, { failures: number; rateLimitedForMs: number }, boolean]> = [
    ['GET after 503', status(503), REPEATABLE, first, true],
    ['PUT after 500', status(500), REPEATABLE, first, true],
    ['DELETE after 504', status(504), REPEATABLE, first, true],
    ['GET after 524 (Cloudflare: origin timeout)', status(524), REPEATABLE, first, true],
    ['GET after 520 (Cloudflare: unknown origin error)', status(520), REPEATABLE, first, true],
    ['GET after 522 (Cloudflare: origin connection timeout)', status(522), REPEATABLE, first, true],
    ['POST after 500: it may have been applied', status(500), UNSAFE, first, false],
    ['PUT adding SaleLines after 502: it may have been applied', status(502), UNSAFE, first, false],
    ['PUT adding SaleLines after 524', status(524), UNSAFE, first, false],
    ['PUT adding SaleLines after a timeout', noAnswer('timeout'), UNSAFE, first, false],
    ['PUT adding SaleLines after a lost connection', noAnswer('lost'), UNSAFE, first, false],
    ['PUT adding SaleLines after connection refused: never reached Lightspeed', noAnswer('refused'), UNSAFE, first, true],
    ['PUT adding SaleLines after 429: certainly not applied', status(429), UNSAFE, { failures: 0, rateLimitedForMs: 0 }, true],
    ['POST after 429: certainly not applied', status(429), UNSAFE, { failures: 0, rateLimitedForMs: 0 }, true],
    ['GET after 404', status(404), REPEATABLE, first, false],
    ['GET after 400', status(400), REPEATABLE, first, false],
    ['GET after a dropped connection', noAnswer('lost'), REPEATABLE, first, true],
    ['POST after a timeout', noAnswer('timeout'), UNSAFE, first, false],
    ['POST after connection refused', noAnswer('refused'), UNSAFE, first, true],
    ['GET after a malformed 200', { kind: 'malformed-body' }, REPEATABLE, first, true],
    ['POST after a malformed 200', { kind: 'malformed-body' }, UNSAFE, first, false],
    ['GET after the last retry', status(503), REPEATABLE, { failures: 3, rateLimitedForMs: 0 }, false],
    ['GET after 429s for 9 minutes 59 seconds with nothing accepted', status(429), REPEATABLE, { failures: 0, rateLimitedForMs: 599_000 }, true],
    ['GET after 429s for 10 minutes with nothing accepted', status(429), REPEATABLE, { failures: 0, rateLimitedForMs: 600_000 }, false],
    ['GET after a 429 at the end of its server-error retries', status(429), REPEATABLE, { failures: 3, rateLimitedForMs: 0 }, true],
    ['GET after an unknown host (ENOTFOUND): it cannot heal', noAnswer('unknown-host'), REPEATABLE, first, false],
    ['GET after a certificate that is not trusted', noAnswer('tls'), REPEATABLE, first, false],
    ['GET after no route to the host', noAnswer('unreachable'), REPEATABLE, first, true],
    ['GET refused again after its few connection retries', noAnswer('refused'), REPEATABLE, { failures: 2, rateLimitedForMs: 0 }, false],
    ['GET timed out again, within the ordinary retries', noAnswer('timeout'), REPEATABLE, { failures: 2, rateLimitedForMs: 0 }, true],
  ];
  for (const [name, failure, repeatable, attempts, retry] of table) {
    it(`${name}: ${retry ? 'retry' : 'fail'}`, () => expect(decideRetry(failure, repeatable, attempts, settings).retry).to.equal(retry));
  }

  it('backs off exponentially with jitter, capped', () => {
    const delay = (failures: number, random: number) => {
      const decision = decideRetry(status(503), true, { failures, rateLimitedForMs: 0 }, { ...settings, maxRetries: 10 }, () => random);
      return decision.retry ? decision.delayMs : -1;
    };
    expect([delay(1, 0), delay(1, 1), delay(2, 0), delay(3, 1), delay(8, 1)]).to.deep.equal([50, 100, 100, 400, 1000]);
  });

  it('leaves the wait after a 429 to the pacer (Retry-After applies to every request of the credential)', () => {
    expect(decideRetry(status(429), true, { failures: 0, rateLimitedForMs: 1_000 }, settings)).to.deep.equal({ retry: true, delayMs: 0, rateLimited: true });
  });
});
