import { expect } from 'chai';
import { changeOf, expectedOutcomes, stockDiffers } from '../../bench/catalogSyncInput';
import { addLines, CatalogSyncFigures, duration, perRecord, rssGrowthPerInputByte, RunCost, scaledTo } from '../../bench/catalogSyncFigures';
import { LineBuilder } from '../../bench/scenario';
import { judged } from '../../bench/verdicts';

const run = (records: number, drips: number, requests = records / 10, seconds = drips): RunCost => ({ records, drips, requests, rateLimited: 0, seconds });

/** Figures as a run on the floor would measure them; `change` overrides some. */
function figures(change: Partial<CatalogSyncFigures> = {}): CatalogSyncFigures {
  return {
    records: 10_000,
    sync: run(10_000, 875, 700),
    rerun: run(10_000, 100, 100),
    upsertSample: run(500, 538.5, 530),
    writeEverySample: run(500, 1265, 1005),
    stock: run(10_000, 951, 701),
    memory: { inputBytes: 1_000_000, baselineInputBytes: 1000, baselineKb: 75_000, syncKb: 77_000, upsertKb: 80_000, baselineHeldKb: 15_000, syncHeldKb: 20_000 },
    ...change,
  };
}

const verdicts = (input: CatalogSyncFigures, quick = false): Record<string, string> => {
  const lines = new LineBuilder('8');
  addLines(lines, input);
  return Object.fromEntries(judged(lines.lines, { quick, strict: false }).map((line) => [line.metric, `${line.measured} | ${line.target} | ${line.verdict}`]));
};

describe('benchmark scenario 8 (catalog sync): its input and its figures', () => {
  it('the input holds the issue\'s mix, and its first 500 records the same mix: 5% differ (half description, half price), 1% new', () => {
    expect(expectedOutcomes(10_000)).to.deep.equal({ created: 100, updated: 500, unchanged: 9400 });
    expect(expectedOutcomes(500)).to.deep.equal({ created: 5, updated: 25, unchanged: 470 });
    const changes = Array.from({ length: 10_000 }, (_, index) => changeOf(index));
    expect(changes.filter((change) => change === 'description')).to.have.length(250);
    expect(changes.filter((change) => change === 'price')).to.have.length(250);
    expect(Array.from({ length: 10_000 }, (_, index) => index).filter(stockDiffers)).to.have.length(500);
  });

  it('per record: drips and requests over the records; a sample scaled to the whole input, every figure alike', () => {
    expect(perRecord(run(10_000, 875, 700))).to.deep.equal({ drips: 0.0875, requests: 0.07 });
    expect(scaledTo({ records: 500, drips: 538.5, requests: 530, rateLimited: 1, seconds: 450 }, 10_000))
      .to.deep.equal({ records: 10_000, drips: 10_770, requests: 10_600, rateLimited: 20, seconds: 9000 });
    expect(rssGrowthPerInputByte(77_000, 75_000, 1_024_000)).to.equal(2);
    expect([duration(42), duration(800), duration(9000)]).to.deep.equal(['42 s', '13.3 min', '2.5 h']);
  });

  it('a run on the floor passes every target; each row says what it measured', () => {
    const rows = verdicts(figures());
    expect(rows['Sync, 10,000 records (5% differ, 1% new): drips per record']).to.equal('0.0875 (875 drips, 700 requests, 14.6 min at 1 drip/s) | <= 0.1 (floor ~0.085) | PASS');
    expect(rows['Sync, the same input again: drips per record']).to.equal('0.0100 (100 drips, 100 requests, 100 s at 1 drip/s) | <= 0.012 | PASS');
    expect(rows['per-message Upsert, 500-record sample x 20: drips per record']).to.equal('1.0770 (10,770 drips, 10,600 requests, 3.0 h at 1 drip/s) | - | info');
    expect(rows['per-message Upsert / Sync, drips']).to.equal('12.3x | >= 20x | MISS');
    expect(rows['per-message Lookup + Update Object (a write for every record), the same sample x 20: drips per record'])
      .to.equal('2.5300 (25,300 drips, 20,100 requests, 7.0 h at 1 drip/s) | - | info');
    expect(rows['per-message Lookup + Update Object / Sync, drips']).to.equal('28.9x | >= 20x | PASS');
    expect(rows['Set Stock Level, 10,000 levels (5% differ): drips per level']).to.equal('0.0951 (951 drips, 701 requests, 15.8 min at 1 drip/s) | <= 0.1 | PASS');
    expect(rows['Sync peak RSS over the baseline, per input size']).to.equal('2.05x (2.0 MB) | <= 3.00x | PASS');
  });

  it('each target misses just past its bound, and passes on it', () => {
    const onBounds = verdicts(figures({ sync: run(10_000, 1000), rerun: run(10_000, 120), upsertSample: run(500, 1000), writeEverySample: run(500, 1000), stock: run(10_000, 1000) }));
    expect(Object.values(onBounds).filter((row) => row.endsWith('MISS'))).to.deep.equal([]);
    const missed = (input: CatalogSyncFigures): string[] => Object.entries(verdicts(input)).filter(([, row]) => row.endsWith('MISS')).map(([metric]) => metric);
    const past = figures({
      sync: run(10_000, 1001), rerun: run(10_000, 121), upsertSample: run(500, 1001), writeEverySample: run(500, 1001), stock: run(10_000, 1001), memory: { ...figures().memory, syncKb: 75_000 + 3 * 977 },
    });
    expect(missed(past)).to.deep.equal([
      'Sync, 10,000 records (5% differ, 1% new): drips per record',
      'Sync, the same input again: drips per record',
      'Set Stock Level, 10,000 levels (5% differ): drips per level',
      'Sync peak RSS over the baseline, per input size',
    ]);
    expect(missed(figures({ sync: run(10_000, 1000), upsertSample: run(500, 999.5), writeEverySample: run(500, 1000) }))).to.deep.equal(['per-message Upsert / Sync, drips']);
    expect(missed(figures({ sync: run(10_000, 1000), upsertSample: run(500, 1000), writeEverySample: run(500, 999.5) }))).to.deep.equal(['per-message Lookup + Update Object / Sync, drips']);
  });

  it('a quick run prints every target as info, not a verdict', () => {
    const quick = verdicts(figures({ sync: run(10_000, 2000) }), true);
    expect(Object.values(quick).every((row) => row.endsWith('| info'))).to.equal(true);
  });
});
