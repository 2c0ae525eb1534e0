/** `npm run bench [-- --quick]`: every scenario against the simulator, a table of figures and targets, JSON results. */
import path from 'node:path';
import { BenchArgs, USAGE, parseBenchArgs } from './args';
import { concurrency } from './concurrency';
import { heavyPages } from './heavyPages';
import { imageUpload } from './imageUpload';
import { memory } from './memory';
import { elapsedSince } from './numbers';
import { overhead } from './overhead';
import { rateLimitEfficiency } from './rateLimitEfficiency';
import { BenchLine, Scenario, ScenarioReport } from './scenario';
import { catalogSync } from './catalogSync';
import { sharedBucket } from './sharedBucket';
import { BenchResults, defaultResultsPath, environment, writeResults } from './resultsWriter';
import { formatTable } from './table';
import { failsTheRun, judged, misses } from './verdicts';

const SCENARIOS: Scenario[] = [rateLimitEfficiency, heavyPages, memory, overhead, concurrency, sharedBucket, imageUpload, catalogSync];

async function runScenario(scenario: Scenario, args: BenchArgs): Promise<ScenarioReport> {
  const started = performance.now();
  process.stderr.write(`running ${scenario.title}...\n`);
  try {
    const report = await scenario.run({ quick: args.quick });
    return { key: scenario.key, title: scenario.title, ...report, durationMs: elapsedSince(started) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line: BenchLine = {
      scenario: scenario.title, metric: 'scenario failed', measured: message, target: 'runs', verdict: 'MISS', kind: 'exact', value: Number.NaN,
    };
    return { key: scenario.key, title: scenario.title, lines: [line], details: { error: error instanceof Error ? error.stack : message }, durationMs: elapsedSince(started) };
  }
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const selected = SCENARIOS.filter((scenario) => args.only.length === 0 || args.only.includes(scenario.key));
  const reports: ScenarioReport[] = [];
  for (const scenario of selected) reports.push(await runScenario(scenario, args));

  for (const report of reports) report.lines = judged(report.lines, args);
  const lines = reports.flatMap((report) => report.lines);
  const results: BenchResults = {
    mode: args.quick ? 'quick' : 'full', startedAt, durationMs: elapsedSince(started), environment: environment(), scenarios: reports,
  };
  const file = args.out ?? defaultResultsPath(args.quick);
  writeResults(file, results);

  console.log(formatTable(lines));
  for (const note of reports.flatMap((report) => (report.notes ?? []).map((text) => `${report.title}: ${text}`))) console.log(`\n${note}`);
  console.log(`\n${results.mode} run, ${(results.durationMs / 1000).toFixed(0)} s, Node ${process.version}; results: ${path.relative(process.cwd(), file)}`);
  console.log(failsTheRun(args));
  const failures = misses(lines);
  if (failures.length > 0) {
    console.log(`${failures.length} target(s) missed: the run fails`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exitCode = 2;
});
