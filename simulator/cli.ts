/**
 * Command line: `npm run simulator -- --port 8787 --seed demo --items 10000` starts a simulator, prints its base URL,
 * writes a ready-to-use credential file and prints its path, and serves until SIGINT/SIGTERM.
 */
import { announceButtonTaps, BUTTON_USAGE, ButtonArgs, takeButtonArgs } from './buttonCli';
import { defaultCredentialFile, shownPath, writeCredentialFile } from './credentialFile';
import { startSimulator, SimulatorOptions } from './index';
import { EmptyListShape, HeavyPageAnswer, ScheduledFailure } from './options';

type Flag = { key: keyof SimulatorOptions; kind: 'number' | 'string' | 'nullableNumber' };

const FLAGS: Record<string, Flag> = {
  '--port': { key: 'port', kind: 'number' },
  '--host': { key: 'host', kind: 'string' },
  '--seed': { key: 'seed', kind: 'string' },
  '--items': { key: 'items', kind: 'number' },
  '--customers': { key: 'customers', kind: 'number' },
  '--categories': { key: 'categories', kind: 'number' },
  '--vendors': { key: 'vendors', kind: 'number' },
  '--manufacturers': { key: 'manufacturers', kind: 'number' },
  '--employees': { key: 'employees', kind: 'number' },
  '--shops': { key: 'shops', kind: 'number' },
  '--sales': { key: 'sales', kind: 'number' },
  '--tie-group-start': { key: 'tieGroupStart', kind: 'number' },
  '--tie-group-size': { key: 'tieGroupSize', kind: 'number' },
  '--account-id': { key: 'accountId', kind: 'string' },
  '--client-id': { key: 'clientId', kind: 'string' },
  '--client-secret': { key: 'clientSecret', kind: 'string' },
  '--refresh-token': { key: 'refreshToken', kind: 'string' },
  '--token-lifetime': { key: 'tokenLifetimeSeconds', kind: 'number' },
  '--bucket-size': { key: 'bucketSize', kind: 'number' },
  '--drip-rate': { key: 'dripRate', kind: 'number' },
  '--cost-model': { key: 'costModel', kind: 'string' },
  '--burst-limit': { key: 'burstLimit', kind: 'nullableNumber' },
  '--latency': { key: 'latencyMs', kind: 'number' },
  '--failure-rate': { key: 'failureRate', kind: 'number' },
  '--log-limit': { key: 'logLimit', kind: 'number' },
};

const USAGE = `Usage: node dist/simulator/cli.js [options]
  --port N (default 0 = free port)  --host H (127.0.0.1)  --seed S (demo)
  --items N (250) --customers N (50) --categories N --vendors N --manufacturers N --employees N --shops N --sales N
  --tie-group-start N (81) --tie-group-size N (40)
  --account-id ID --client-id ID --client-secret S --refresh-token T --token-lifetime SECONDS (3600)
  --bucket-size N (90) --drip-rate N (1) --cost-model current|legacy --burst-limit N --no-rate-limit
  --latency MS --failure-rate 0..1 --log-limit N --no-retry-after
  --keep-refresh-tokens (never retire a refreshed-away refresh token: the printed one keeps working)
  --credential-file PATH (where to write the credential; default local/simulator-credential.json in the repository)
${BUTTON_USAGE}
Answers Lightspeed does not document (the component must survive each):
  --datetime-between accept|reject   (accept) '><' on a datetime field; reject answers 400
  --empty-list attributes|count|object|empty   (attributes) the answer to a query without records
  --heavy-pages N[:504|500|520|522|524|stall]  fail pages heavier than N records (stall: no answer for 100 s, then 524)
  --token-failures STATUS[xCOUNT]    the token endpoint answers STATUS (429 with Retry-After 1, 5xx) COUNT times
  --keep-access-tokens-on-refresh    a refresh leaves the previous access token alive (before Lightspeed's 2024 rule)
  --reject-refresh-scope             a scope parameter on a refresh is answered 400 invalid_grant`;

const EMPTY_LIST_SHAPES: readonly EmptyListShape[] = ['attributes', 'count', 'object', 'empty'];
const HEAVY_ANSWERS: readonly string[] = ['504', '500', '520', '522', '524', 'stall'];

/** `--heavy-pages 25:524` -> a heavy-page fault over 25 records answered 524. */
function heavyPages(value: string): SimulatorOptions['heavyPage'] {
  const [threshold, answer = '504'] = value.split(':');
  if (!/^\d+$/.test(threshold) || !HEAVY_ANSWERS.includes(answer)) throw new Error(`--heavy-pages needs N[:${HEAVY_ANSWERS.join('|')}], got ${value}`);
  return { threshold: Number(threshold), weightPerRecord: 1, answer: (answer === 'stall' ? 'stall' : Number(answer)) as HeavyPageAnswer };
}

/** `--token-failures 503x3` -> the next 3 token requests answered 503. */
function tokenFailures(value: string): ScheduledFailure {
  const match = /^(\d{3})(?:x(\d+))?$/.exec(value);
  if (!match) throw new Error(`--token-failures needs STATUS[xCOUNT], such as 503x3, got ${value}`);
  return { status: Number(match[1]), count: Number(match[2] ?? 1), match: { path: '/auth/oauth/token' } };
}

/** Flags that take a value other than a plain number or string. */
const VALUE_FLAGS: Record<string, (value: string, options: Partial<SimulatorOptions>) => void> = {
  '--datetime-between': (value, options) => {
    if (value !== 'accept' && value !== 'reject') throw new Error('--datetime-between must be accept or reject');
    options.datetimeBetween = value;
  },
  '--empty-list': (value, options) => {
    if (!EMPTY_LIST_SHAPES.includes(value as EmptyListShape)) throw new Error(`--empty-list must be one of ${EMPTY_LIST_SHAPES.join(', ')}`);
    options.emptyList = value as EmptyListShape;
  },
  '--heavy-pages': (value, options) => { options.heavyPage = heavyPages(value); },
  '--token-failures': (value, options) => { options.failures = [...(options.failures ?? []), tokenFailures(value)]; },
};

/** Parses argv into simulator options; throws on unknown flags or bad values. */
export function parseArgs(argv: string[]): Partial<SimulatorOptions> {
  const options: Partial<SimulatorOptions> = {};
  const record = options as Record<string, unknown>;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-rate-limit') options.rateLimit = false;
    else if (arg === '--no-retry-after') options.retryAfterHeader = false;
    else if (arg === '--keep-refresh-tokens') options.revokeRotatedRefreshTokens = false;
    else if (arg === '--keep-access-tokens-on-refresh') options.revokeAccessTokenOnRefresh = false;
    else if (arg === '--reject-refresh-scope') options.rejectScopeOnRefresh = true;
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else {
      const [name, inline] = arg.split(/=(.*)/s, 2);
      const flag = FLAGS[name];
      const special = VALUE_FLAGS[name];
      if (!flag && !special) throw new Error(`Unknown option ${arg}\n${USAGE}`);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${name} needs a value`);
      if (special) special(value, options);
      else if (flag.kind === 'string') record[flag.key] = value;
      else {
        const n = Number(value);
        if (!Number.isFinite(n)) throw new Error(`${name} needs a number, got ${value}`);
        record[flag.key] = n;
      }
    }
  }
  if (options.costModel !== undefined && options.costModel !== 'current' && options.costModel !== 'legacy') {
    throw new Error('--cost-model must be current or legacy');
  }
  return options;
}

/** Removes `--credential-file PATH` from argv (it is not a simulator option). */
function takeCredentialFile(argv: string[]): { argv: string[]; file: string | null } {
  const at = argv.findIndex((a) => a === '--credential-file' || a.startsWith('--credential-file='));
  if (at < 0) return { argv, file: null };
  const inline = argv[at].includes('=') ? argv[at].slice(argv[at].indexOf('=') + 1) : null;
  const file = inline ?? argv[at + 1] ?? null;
  return { argv: argv.filter((_, i) => i !== at && (inline !== null || i !== at + 1)), file };
}

/** Writes the credential file and says how to use it; without a writable place, prints the credential instead. */
function announceCredential(file: string, credentials: object): void {
  try {
    writeCredentialFile(file, credentials);
  } catch (error) {
    console.log(`Could not write ${file} (${error instanceof Error ? error.message : String(error)}); the credential:`);
    console.log(JSON.stringify(credentials, null, 2));
    return;
  }
  console.log(`Credential written to ${shownPath(file)}: pass it to the runner with --credential ${shownPath(file)}`);
}

/** A busy port is one line naming it and what to do (often the simulator of an earlier command still runs). */
function exitIfPortBusy(error: unknown): never {
  const failure = error as NodeJS.ErrnoException & { address?: string; port?: number };
  if (failure.code !== 'EADDRINUSE') throw error;
  console.error(`Port ${failure.port} on ${failure.address} is already in use, perhaps by a simulator started earlier: use that `
    + 'one, or stop it first (Ctrl+C where it runs; kill %1 in the shell that started it with &), or pass another --port');
  process.exit(1);
}

async function main(): Promise<void> {
  let options: Partial<SimulatorOptions>;
  let button: ButtonArgs;
  const { argv: all, file } = takeCredentialFile(process.argv.slice(2));
  try {
    const taken = takeButtonArgs(all);
    button = taken.button;
    options = parseArgs(taken.argv);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const started = Date.now();
  const sim = await startSimulator(options).catch((error: unknown) => exitIfPortBusy(error));
  const o = sim.options;
  console.log(`Lightspeed Retail simulator listening on ${sim.url} (seed "${o.seed}", ${o.items} items, ${o.customers} customers, started in ${Date.now() - started} ms)`);
  console.log(`Rate limit: ${o.rateLimit ? `bucket ${o.bucketSize}, drip ${o.dripRate}/s, ${o.costModel} costs${o.burstLimit ? `, burst ${o.burstLimit}/s` : ''}` : 'off'}`);
  const credentialFile = file ?? defaultCredentialFile();
  announceCredential(credentialFile, sim.credentials);
  announceButtonTaps(sim, button, credentialFile);
  console.log(`Stop it with Ctrl+C, or from another shell: kill ${process.pid}`);
  const stop = (signal: string): void => {
    console.log(`${signal}: stopping (${sim.stats.requests} requests served)`);
    sim.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
