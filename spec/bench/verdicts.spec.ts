import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { BenchLine, TargetKind, Verdict } from '../../bench/scenario';
import { failsTheRun, judged, misses } from '../../bench/verdicts';

const line = (metric: string, kind: TargetKind, verdict: Verdict): BenchLine => ({
  scenario: 's', metric, measured: '0.5', target: verdict === 'info' ? '-' : '>= 0.9', verdict, kind, value: 0.5,
});
const LINES = [line('ratio missed', 'ratio', 'MISS'), line('ratio met', 'ratio', 'PASS'), line('count missed', 'exact', 'MISS'), line('figure', 'ratio', 'info')];
const verdicts = (lines: BenchLine[]): string[] => lines.map((one) => `${one.metric}: ${one.verdict}`);

describe('benchmark verdicts: what a run judges is what it prints', () => {
  it('quick mode prints the ratio targets it does not judge as info, never MISS, and fails only on counts', () => {
    const lines = judged(LINES, { quick: true, strict: false });
    expect(verdicts(lines)).to.deep.equal(['ratio missed: info', 'ratio met: info', 'count missed: MISS', 'figure: info']);
    expect(lines[0].target, 'the target is still shown').to.equal('>= 0.9');
    expect(verdicts(misses(lines))).to.deep.equal(['count missed: MISS']);
  });

  it('a full run, or a quick one with --strict, judges every target', () => {
    for (const judging of [{ quick: false, strict: false }, { quick: true, strict: true }]) {
      expect(verdicts(misses(judged(LINES, judging)))).to.deep.equal(['ratio missed: MISS', 'count missed: MISS']);
    }
  });

  it('docs/benchmarks.md says what fails a run in the footer\'s own words', () => {
    const docs = fs.readFileSync(path.join(__dirname, '../../../docs/benchmarks.md'), 'utf8').replace(/\s+/g, ' ');
    for (const judging of [{ quick: false, strict: false }, { quick: true, strict: false }]) {
      expect(docs).to.include(failsTheRun(judging));
    }
  });
});
