/**
 * Command line: `npm run simulator -- --port 8787 --seed demo --items 10000` starts a simulator,
 * prints its base URL and a ready-to-use credential, and serves until SIGINT/SIGTERM.
 */
import { writeFileSync } from 'node:fs';
import { startSimulator, SimulatorOptions } from './index';

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
  --jwt-access-tokens (JWT-shaped access tokens with exp and acct claims, as Lightspeed issues; default opaque)
  --credential-file PATH (also write the credential JSON there, for a test harness in another process)`;

/** Parses argv into simulator options; throws on unknown flags or bad values. */
export function parseArgs(argv: string[]): Partial<SimulatorOptions> {
  const options: Partial<SimulatorOptions> = {};
  const record = options as Record<string, unknown>;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-rate-limit') options.rateLimit = false;
    else if (arg === '--no-retry-after') options.retryAfterHeader = false;
    else if (arg === '--keep-refresh-tokens') options.revokeRotatedRefreshTokens = false;
    else if (arg === '--jwt-access-tokens') options.jwtAccessTokens = true;
    else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else {
      const [name, inline] = arg.split(/=(.*)/s, 2);
      const flag = FLAGS[name];
      if (!flag) throw new Error(`Unknown option ${arg}\n${USAGE}`);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`${name} needs a value`);
      if (flag.kind === 'string') record[flag.key] = value;
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

async function main(): Promise<void> {
  let options: Partial<SimulatorOptions>;
  const { argv, file } = takeCredentialFile(process.argv.slice(2));
  try {
    options = parseArgs(argv);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const started = Date.now();
  const sim = await startSimulator(options);
  const o = sim.options;
  console.log(`Lightspeed Retail simulator listening on ${sim.url} (seed "${o.seed}", ${o.items} items, ${o.customers} customers, started in ${Date.now() - started} ms)`);
  console.log(`Rate limit: ${o.rateLimit ? `bucket ${o.bucketSize}, drip ${o.dripRate}/s, ${o.costModel} costs${o.burstLimit ? `, burst ${o.burstLimit}/s` : ''}` : 'off'}`);
  console.log('Credential:');
  console.log(JSON.stringify(sim.credentials, null, 2));
  if (file) writeFileSync(file, `${JSON.stringify(sim.credentials, null, 2)}\n`);
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
