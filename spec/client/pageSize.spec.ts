import { expect } from 'chai';
import { AdaptivePageSize, DEFAULT_PAGE_SIZE_SETTINGS } from '../../lib/client/pageSize';

/** Feeds outcomes (a status or 'ok') and returns the limit used for each. */
function run(outcomes: Array<number | 'ok'>, settings = DEFAULT_PAGE_SIZE_SETTINGS): number[] {
  const size = new AdaptivePageSize(settings);
  return outcomes.map((outcome) => {
    const used = size.current;
    if (outcome === 'ok') size.recordSuccess();
    else size.shrinkFor(outcome);
    return used;
  });
}

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
    size.shrinkFor(504, 3000);
    let goodPages = 0;
    while (size.current === 50) { size.recordSuccess(100); goodPages += 1; }
    expect(goodPages).to.equal(300);
    expect(size.current).to.equal(100);
  });

  it('ignores statuses it is not told to shrink on (a 429 is about rate, not page weight)', () => {
    expect(run([429, 429, 'ok'])).to.deep.equal([100, 100, 100]);
  });

  it('"halve and never grow back" is a configuration', () => {
    const limits = run([429, 'ok', 'ok', 'ok', 'ok'], { max: 100, growAfter: Infinity, shrinkOn: [429, 504] });
    expect(limits).to.deep.equal([100, 50, 50, 50, 50]);
  });
});
