/**
 * `npm start`: the component's main job against the built-in simulator, no Lightspeed account needed.
 * It calls the real handlers, loaded from component.json's `main` paths as sailor loads them, with
 * `process.call(context, msg, cfg, snapshot)`: the Polling entity trigger on Item (twice: every page, then nothing
 * new from the stored snapshot), then Create, Lookup, Update, Upsert and Delete on one Customer.
 */
import { findFunction } from '../cli/run/componentFunctions';
import { Handler, loadHandler } from '../cli/run/loadHandler';
import { findPackageRoot } from '../cli/packageRoot';
import { LightspeedClient } from '../lib/client/LightspeedClient';
import { Logger } from '../lib/client/http';
import { HandlerContext } from '../lib/runtime/context';
import { startSimulator } from '../simulator';

type JsonRecord = Record<string, unknown>;

/** What one handler call emitted. */
interface StepResult {
  data: JsonRecord[];
  snapshots: JsonRecord[];
  rotations: number;
}

const root = findPackageRoot(__dirname);
const useColor = process.stdout.isTTY === true && !process.env.NO_COLOR;
const paint = (code: number) => (text: string) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
const bold = paint(1);
const dim = paint(2);
const green = paint(32);

/** Writes lines; on a terminal the page progress rewrites one line in place, elsewhere it prints a line per page. */
const screen = {
  progressShown: false,
  line(text = ''): void {
    if (this.progressShown) process.stdout.write('\n');
    this.progressShown = false;
    process.stdout.write(`${text}\n`);
  },
  progress(text: string): void {
    if (!process.stdout.isTTY) return this.line(text);
    process.stdout.write(`\r\x1b[2K${text}`);
    this.progressShown = true;
  },
};

async function main(): Promise<void> {
  const started = Date.now();
  // The simulator's defaults are Lightspeed's: a 90-drip bucket leaking 1 drip per second. The demo fits in it.
  const sim = await startSimulator({ seed: 'demo' });
  try {
    const items = sim.store.list('Item');
    const activeItems = items.filter((item) => item.archived !== 'true').length;
    screen.line(bold('Lightspeed Retail component: the real handlers against the built-in simulator'));
    screen.line(`  simulator   ${sim.url}  (seed "demo": ${items.length} Items, ${activeItems} active, ${items.length - activeItems} archived; `
      + `${sim.store.list('Customer').length} Customers)`);
    screen.line(`  rate limit  ${sim.options.bucketSize}-drip bucket leaking ${sim.options.dripRate} drip/s, as Lightspeed's`);

    const cfg: JsonRecord = { ...sim.credentials };
    // Same credential as the handlers, so the same process-wide connection: its pacer knows the rate-limit waits.
    const pacer = LightspeedClient.fromConfig(cfg);
    const polled = await pollTwice(cfg, pacer);
    const actions = await customerRoundTrip(cfg);

    screen.line();
    screen.line(bold('Summary'));
    screen.line(`  records polled   ${polled} (the simulator holds ${activeItems} active Items)`);
    screen.line(`  actions done     ${actions} on one Customer (create, lookup, update, upsert, delete)`);
    screen.line(`  requests sent    ${sim.stats.requests} (${sim.stats.apiRequests} API, ${sim.stats.tokens.refreshes} token refresh)`);
    screen.line(`  429 answers      ${sim.stats.rateLimited}`);
    screen.line(`  rate-limit wait  ${(pacer.rateLimitWaitMs / 1000).toFixed(1)} s`);
    screen.line(`  time             ${((Date.now() - started) / 1000).toFixed(1)} s`);
    screen.line();
    screen.line(`Next: run any function yourself with ${bold('node bin/lightspeed-retail.js run')} and a step from examples/ (see docs/local-runs.md).`);
  } finally {
    await sim.close();
  }
}

/** The trigger's first run walks every page; the second, from the stored snapshot, finds nothing new. */
async function pollTwice(cfg: JsonRecord, pacer: LightspeedClient): Promise<number> {
  const trigger = handler('pollingEntity');
  const stepCfg = { ...cfg, objectType: 'Item' };

  heading('1. Polling entity: Item, every page (sorted by timeStamp, 100 per page)');
  const first = await call(trigger, {}, stepCfg, {}, pacer);
  printRecords(first.data, 'Item', 4);
  const snapshot = first.snapshots[first.snapshots.length - 1];
  screen.line(`  snapshot stored: ${JSON.stringify(snapshot)} ${dim(`(${first.snapshots.length} emitted, one per page and one at the end)`)}`);

  heading('2. Polling entity again, from the stored snapshot');
  const second = await call(trigger, {}, stepCfg, snapshot, pacer);
  screen.line(`  ${second.data.length} records emitted: nothing changed since the snapshot`);
  return first.data.length;
}

/** Create a Customer, then look it up, update, upsert and delete (archive) it: five actions. */
async function customerRoundTrip(cfg: JsonRecord): Promise<number> {
  const stepCfg = { ...cfg, objectType: 'Customer' };
  heading('3. Create Object: Customer');
  const [created] = (await call(handler('createObject'), { firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical Engines' }, stepCfg)).data;
  printRecords([created], 'Customer');
  const id = created.customerID;

  heading(`4. Lookup Object By ID: Customer ${id}`);
  printRecords((await call(handler('lookupObjectById'), { id }, stepCfg)).data, 'Customer');

  heading(`5. Update Object: Customer ${id}, company "Difference Engines Ltd"`);
  printRecords((await call(handler('updateObject'), { customerID: id, company: 'Difference Engines Ltd' }, stepCfg)).data, 'Customer');

  heading(`6. Upsert Object: Customer ${id} (has customerID, so an update), title "Countess"`);
  printRecords((await call(handler('upsertObject'), { customerID: id, title: 'Countess' }, stepCfg)).data, 'Customer');

  heading(`7. Delete Object By ID: Customer ${id}`);
  const [deleted] = (await call(handler('deleteObjectById'), { id }, stepCfg)).data;
  screen.line(`  Customer ${deleted.id}  ${green(String(deleted.result))}  (Lightspeed archives Customers rather than deleting them)`);
  return 5;
}

/** The `process` export of a trigger or action, from the module component.json names. */
function handler(name: string): Handler {
  return loadHandler(findFunction(root, name), 'process');
}

/** Calls a handler as sailor does, with an `emit` that collects and prints events and a logger that shows progress. */
async function call(processMessage: Handler, body: JsonRecord, cfg: JsonRecord, snapshot: JsonRecord = {}, pacer?: LightspeedClient): Promise<StepResult> {
  const result: StepResult = { data: [], snapshots: [], rotations: 0 };
  const context: HandlerContext = {
    logger: progressLogger(pacer),
    emit: async (event: string, payload?: unknown) => {
      if (event === 'data') result.data.push((payload as { body: JsonRecord }).body);
      if (event === 'snapshot') result.snapshots.push(payload as JsonRecord);
      if (event === 'updateKeys') {
        result.rotations += 1;
        // Never the token values: only that it happened, and that it was stored before first use.
        screen.line(`  ${green('refresh token rotated')}, new one persisted (updateKeys) before its first use`);
      }
    },
  };
  await processMessage.call(context, { id: `demo-${Date.now()}`, body, headers: {}, attachments: {}, metadata: {} }, cfg, snapshot);
  return result;
}

/** The trigger logs "Item: page 2 (limit 100), 200 records emitted so far": shown as a progress line. */
function progressLogger(pacer: LightspeedClient | undefined): Logger {
  const info = (...args: unknown[]) => {
    const page = /page (\d+) .*?(\d+) records emitted so far/.exec(String(args[0]));
    if (!page) return;
    const waited = pacer ? `, ${(pacer.rateLimitWaitMs / 1000).toFixed(1)} s waited for the rate limit` : '';
    screen.progress(`  ${dim(`fetching: page ${page[1]}, ${page[2]} records${waited}`)}`);
  };
  const ignore = () => undefined;
  return { debug: ignore, info, warn: (...args) => screen.line(`  warning: ${args.join(' ')}`), error: (...args) => screen.line(`  error: ${args.join(' ')}`) };
}

/** One line per record (the first few and the last, when there are many), then the count. */
function printRecords(records: JsonRecord[], entity: string, head = 3): void {
  const shown = records.length > head + 1 ? [...records.slice(0, head), undefined, records[records.length - 1]] : records;
  for (const record of shown) {
    screen.line(record ? `  ${recordLine(entity, record)}` : dim(`  ... ${records.length - head - 1} more ...`));
  }
  if (records.length > 1) screen.line(`  ${bold(String(records.length))} ${entity} records emitted`);
}

/** `Item 42  "Blue shirt"  timeStamp 2024-01-01T00:42:00+00:00`; a Customer also shows its company. */
function recordLine(entity: string, record: JsonRecord): string {
  const id = String(record[`${entity.charAt(0).toLowerCase()}${entity.slice(1)}ID`]).padEnd(4);
  if (entity === 'Customer') {
    const name = [record.title, record.firstName, record.lastName].filter(Boolean).join(' ');
    return `${entity} ${id} ${JSON.stringify(name)}  company ${JSON.stringify(record.company ?? '')}  timeStamp ${record.timeStamp}`;
  }
  return `${entity} ${id} ${JSON.stringify(String(record.description ?? '')).padEnd(32)}  timeStamp ${record.timeStamp}`;
}

function heading(text: string): void {
  screen.line();
  screen.line(bold(text));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    screen.line(`demo failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
