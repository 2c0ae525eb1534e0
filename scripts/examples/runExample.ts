/**
 * Runs a ready step of `examples/` the way docs/local-runs.md does (`lightspeed-retail run <function> --credential
 * ... --cfg ... --msg ...`), alone on a fresh simulator: what it emits is what the README and `<case>.out.json` show.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { main } from '../../cli/program';
import { Simulator, startSimulator } from '../../simulator';

/** A ready step: `examples/<fn>/<name>.cfg.json`, with `.msg.json` and `.out.json` beside it when given. */
export interface Example {
  fn: string;
  name: string;
  /** `examples/<fn>/<name>`, as the README's example markers name it. */
  base: string;
  cfg: string;
  msg?: string;
  out?: string;
}

/** What one run printed and emitted, the simulator's address written as the docs' (DOCS_SIMULATOR_URL). */
export interface ExampleRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The bodies of the `data` events. */
  data: unknown[];
}

/** Where the docs start the simulator (`--port 8787`): a run's addresses are shown as if it ran there. */
export const DOCS_SIMULATOR_URL = 'http://127.0.0.1:8787';

/**
 * The simulator's clock, stopped: records a run writes carry this time, so a run's output is the same every time.
 * Otherwise the simulator is `npm run simulator`'s: seed "demo", its rate limit on.
 */
export const EXAMPLES_CLOCK = Date.parse('2026-12-06T07:32:03Z');

/** Every ready step under `<root>/examples`, by function and case. */
export function listExamples(root: string): Example[] {
  const folder = join(root, 'examples');
  return readdirSync(folder).sort().flatMap((fn) => readdirSync(join(folder, fn)).sort()
    .filter((file) => file.endsWith('.cfg.json'))
    .map((file) => {
      const name = basename(file, '.cfg.json');
      const path = join(folder, fn, name);
      const beside = (suffix: string): string | undefined => (existsSync(`${path}${suffix}`) ? `${path}${suffix}` : undefined);
      return { fn, name, base: `examples/${fn}/${name}`, cfg: `${path}.cfg.json`, msg: beside('.msg.json'), out: beside('.out.json') };
    }));
}

/**
 * Runs the example with the local runner, in this process, on a simulator of its own; `inspect` sees the simulator
 * (what it stored) before it closes.
 */
export async function runExample(example: Example, inspect?: (sim: Simulator) => void | Promise<void>): Promise<ExampleRun> {
  const sim = await startSimulator({ now: () => EXAMPLES_CLOCK });
  const dir = mkdtempSync(join(tmpdir(), 'lightspeed-example-'));
  try {
    writeFileSync(join(dir, 'credential.json'), JSON.stringify(sim.credentials));
    const argv = ['run', example.fn, '--credential', 'credential.json', '--cfg', example.cfg, ...(example.msg ? ['--msg', example.msg] : [])];
    const printed = await runInProcess(argv, dir);
    await inspect?.(sim);
    const stdout = printed.stdout.split(sim.url).join(DOCS_SIMULATOR_URL);
    const events = stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as { event: string; body?: unknown });
    return { ...printed, stdout, data: events.filter((line) => line.event === 'data').map((line) => line.body) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await sim.close();
  }
}

/** The runner's `main` in this process, as `node bin/lightspeed-retail.js <argv>` in `cwd` with no LIGHTSPEED_* variables. */
export async function runInProcess(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const [stdout, stderr, stdin] = [new PassThrough(), new PassThrough(), new PassThrough()];
  const text = { stdout: '', stderr: '' };
  stdout.on('data', (chunk: Buffer) => { text.stdout += chunk.toString('utf8'); });
  stderr.on('data', (chunk: Buffer) => { text.stderr += chunk.toString('utf8'); });
  stdin.end();
  const code = await main(argv, { stdout, stderr, stdin, env: {}, cwd });
  return { code, ...text };
}
