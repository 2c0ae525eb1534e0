/** Command line of `npm run bench`: `--quick`, `--only rate,heavy`, `--out path`, `--strict`. */
import { ScenarioKey } from './scenario';

export interface BenchArgs {
  quick: boolean;
  /** Scenarios to run; empty: all. */
  only: ScenarioKey[];
  /** Where the JSON results go; default bench/results/latest.json (quick: latest-quick.tmp.json, not committed). */
  out?: string;
  /** Quick mode: also fail on ratio targets (full runs always do). */
  strict: boolean;
}

export const SCENARIO_KEYS: ScenarioKey[] = ['rate', 'heavy', 'memory', 'overhead', 'concurrency', 'shared-bucket', 'image-upload', 'catalog-sync'];

export const USAGE = `usage: node dist/bench/run.js [--quick] [--only ${SCENARIO_KEYS.join(',')}] [--out file.json] [--strict]`;

export function parseBenchArgs(argv: string[]): BenchArgs {
  const args: BenchArgs = { quick: false, only: [], strict: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') args.quick = true;
    else if (arg === '--strict') args.strict = true;
    else if (arg === '--only') args.only = parseOnly(argv[++i]);
    else if (arg === '--out') args.out = required(argv[++i], '--out');
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  return args;
}

function parseOnly(value: string | undefined): ScenarioKey[] {
  const keys = required(value, '--only').split(',').map((key) => key.trim());
  const unknown = keys.filter((key) => !SCENARIO_KEYS.some((known) => known === key));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}\n${USAGE}`);
  return SCENARIO_KEYS.filter((key) => keys.includes(key));
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
  return value;
}
