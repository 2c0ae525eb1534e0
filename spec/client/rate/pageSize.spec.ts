import { expect } from 'chai';
import {
  AdaptivePageSize, DEFAULT_PAGE_SIZE_SETTINGS, PageSizeSettings, signalsHeavyPage,
} from '../../../lib/client/rate/pageSize';
import { AttemptFailure } from '../../../lib/client/http';

/** Feeds outcomes (a status or 'ok') and returns the limit used for each, as the paginator drives it. */
function run(outcomes: Array<number | 'ok'>, settings = DEFAULT_PAGE_SIZE_SETTINGS): number[] {
  const size = new AdaptivePageSize(settings);
  return outcomes.map((outcome) => {
    const used = size.current;
    if (outcome === 'ok') size.recordSuccess();
    else if (signalsHeavyPage({ kind: 'status', status: outcome }, settings, false)) size.shrink();
    return used;
  });
}

const status = (code: number): AttemptFailure => ({ kind: 'status', status: code });
const noAnswer = (timedOut: boolean): AttemptFailure => ({ kind: 'no-response', cause: timedOut ? 'timeout' : 'lost' });

describe('adaptive page size', () => {
  it('halves on 504 down to 1', () => {
    expect(run([504, 504, 504, 504, 504, 504, 504, 504])).to.deep.equal([100, 50, 25, 12, 6, 3, 1, 1]);
  });

  it('grows back after three successes', () => {
    expect(run([504, 'ok', 'ok', 'ok', 'ok'])).to.deep.equal([100, 50, 50, 50, 100]);
  });

  it('waits twice as long before growing again when the grown size failed', () => {
    const limits = run([504, 504, 'ok', 'ok', 'ok', 504, 'ok', 'ok', 'ok', 'ok', 'ok', 'ok', 504]);
    expect(limits).to.deep.equal([100, 50, 25, 25, 25, 50, 25, 25, 25, 25, 25, 25, 50]);
  });

  it('when a 504 costs as much as 30 good pages, earns 300 good pages before risking another', () => {
    const size = new AdaptivePageSize(DEFAULT_PAGE_SIZE_SETTINGS);
    size.shrink(3000);
    let goodPages = 0;
    while (size.current === 50) { size.recordSuccess(100); goodPages += 1; }
    expect(goodPages).to.equal(300);
    expect(size.current).to.equal(100);
  });

  it('when growth keeps failing on a costly heavy page, each next try waits twice as long: 300, 600, 1200 good pages', () => {
    const size = new AdaptivePageSize(DEFAULT_PAGE_SIZE_SETTINGS);
    size.shrink(3000);
    const waits: number[] = [];
    for (let attempt = 0; attempt < 3; attempt += 1) {
      let goodPages = 0;
      while (size.current === 50) { size.recordSuccess(100); goodPages += 1; }
      waits.push(goodPages);
      size.shrink(3000); // 100 fails again
    }
    expect(waits).to.deep.equal([300, 600, 1200]);
  });

  it('ignores statuses it is not told to shrink on (a 429 is about rate, not page weight)', () => {
    expect(run([429, 429, 'ok'])).to.deep.equal([100, 100, 100]);
  });

  it('"halve and never grow back" is a configuration', () => {
    const limits = run([429, 'ok', 'ok', 'ok', 'ok'], { max: 100, growAfter: Infinity, shrinkOn: [429, 504], shrinkOnTimeout: false });
    expect(limits).to.deep.equal([100, 50, 50, 50, 50]);
  });

  describe('what counts as a heavy page (Lightspeed behind Cloudflare)', () => {
    const table: Array<[string, AttemptFailure, boolean, boolean]> = [
      ['504 from Lightspeed\'s gateway', status(504), false, true],
      ['524, Cloudflare\'s origin timeout', status(524), false, true],
      ['520, Cloudflare\'s unknown origin error', status(520), false, true],
      ['522, Cloudflare\'s origin connection timeout', status(522), false, true],
      ['500 on a page that loads relations', status(500), true, true],
      ['500 on a page without relations (an ordinary server error)', status(500), false, false],
      ['no answer within the client\'s timeout', noAnswer(true), false, true],
      ['a dropped connection (not a timeout)', noAnswer(false), false, false],
      ['502 (a gateway error, not a slow page)', status(502), true, false],
      ['503', status(503), true, false],
      ['429 (about rate, not page weight)', status(429), true, false],
      ['a malformed 200', { kind: 'malformed-body' }, true, false],
    ];
    for (const [name, failure, loadsRelations, heavy] of table) {
      it(`${name}: ${heavy ? 'smaller page' : 'not a page-size matter'}`, () => {
        expect(signalsHeavyPage(failure, DEFAULT_PAGE_SIZE_SETTINGS, loadsRelations)).to.equal(heavy);
      });
    }

    it('a timeout shrinks only when the settings say so', () => {
      const settings: PageSizeSettings = { ...DEFAULT_PAGE_SIZE_SETTINGS, shrinkOnTimeout: false };
      expect(signalsHeavyPage(noAnswer(true), settings, false)).to.equal(false);
    });
  });
});
