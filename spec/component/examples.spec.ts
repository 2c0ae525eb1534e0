import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { Simulator, startSimulator } from '../../simulator';
import { ROOT, events, expectNoSecrets, runCli, tempDir, writeJson } from '../cli/helpers';

type Row = Record<string, unknown>;
const EXAMPLES = path.join(ROOT, 'examples');

/** A ready step of examples/: `<function>/<case>.cfg.json`, with `<case>.msg.json` and `<case>.out.json` beside it when given. */
interface Example {
  fn: string;
  name: string;
  cfg: string;
  msg?: string;
  out?: string;
}

function examples(): Example[] {
  return fs.readdirSync(EXAMPLES).sort().flatMap((fn) => fs.readdirSync(path.join(EXAMPLES, fn)).sort()
    .filter((file) => file.endsWith('.cfg.json'))
    .map((file) => {
      const base = path.join(EXAMPLES, fn, file.replace(/\.cfg\.json$/, ''));
      const beside = (suffix: string): string | undefined => (fs.existsSync(`${base}${suffix}`) ? `${base}${suffix}` : undefined);
      return { fn, name: path.basename(base), cfg: `${base}.cfg.json`, msg: beside('.msg.json'), out: beside('.out.json') };
    }));
}

/** Where `actual` differs from the shape of `expected` (its keys and the JSON type of each value), or undefined. */
export function shapeMismatch(actual: unknown, expected: unknown, where = 'body'): string | undefined {
  const kind = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
  if (kind(actual) !== kind(expected)) return `${where}: ${kind(actual)}, not ${kind(expected)}`;
  if (Array.isArray(expected)) {
    return expected.length === 0 || (actual as unknown[]).length === 0 ? undefined : shapeMismatch((actual as unknown[])[0], expected[0], `${where}[0]`);
  }
  if (kind(expected) !== 'object') return undefined;
  for (const [key, value] of Object.entries(expected as Row)) {
    if (!(key in (actual as Row))) return `${where}.${key}: missing`;
    const mismatch = shapeMismatch((actual as Row)[key], value, `${where}.${key}`);
    if (mismatch) return mismatch;
  }
  return undefined;
}

const readJson = (file: string): Row => JSON.parse(fs.readFileSync(file, 'utf8')) as Row;

describe('examples/: every ready step runs with the local runner against the simulator, as docs/local-runs.md shows', () => {
  const all = examples();
  let sim: Simulator;
  let dir: string;
  let cleanup: () => void;
  before(async () => {
    sim = await startSimulator({ rateLimit: false });
    ({ dir, cleanup } = tempDir());
    writeJson(dir, 'credential.json', sim.credentials);
  });
  after(async () => {
    cleanup();
    await sim.close();
  });

  it('has a step for every trigger and action of component.json, and nothing else', () => {
    const manifest = readJson(path.join(ROOT, 'component.json')) as { triggers: Row; actions: Row };
    const functions = [...Object.keys(manifest.triggers), ...Object.keys(manifest.actions)].sort();
    expect([...new Set(all.map((example) => example.fn))].sort()).to.deep.equal(functions);
  });

  for (const example of all) {
    it(`${example.fn} ${example.name}: exit 0, emits data${example.out ? ' shaped like its .out.json' : ''}`, async () => {
      const argv = ['run', example.fn, '--credential', 'credential.json', '--cfg', example.cfg, ...(example.msg ? ['--msg', example.msg] : [])];
      const result = await runCli(argv, { cwd: dir });
      expect(result.stderr, 'no warning').not.to.match(/\[warn\]/);
      expect(result.code, result.stdout + result.stderr).to.equal(0);
      const data = events(result.stdout).filter((line) => line.event === 'data');
      expect(data.length).to.be.greaterThan(0);
      if (example.out) expect(shapeMismatch(data[0].body, readJson(example.out))).to.equal(undefined);
      expectNoSecrets(result.stdout + result.stderr, sim);
    });
  }

  it('stored what the Customer and Item examples carry', () => {
    const customer = sim.store.list('Customer').find((row) => row.firstName === 'Ann' && row.lastName === 'Lee');
    expect(customer, 'the created customer').to.not.equal(undefined);
    const contact = sim.store.getEmbedded('Customer', 'Contact', Number(customer?.customerID)) as Row | undefined;
    expect(JSON.stringify(contact)).to.contain('ann@example.com').and.contain('+1 514 555 0100').and.contain('12 Peel Street');
    const mug = sim.store.list('Item').find((row) => row.customSku === 'MUG-TRAIL-BLUE');
    expect(JSON.stringify(mug?.Prices)).to.contain('12.99').and.contain('14.99');
    const stock = sim.store.list('ItemShop').filter((row) => row.itemID === mug?.itemID).map((row) => [row.shopID, row.qoh]);
    expect(stock).to.deep.include.members([['1', '25'], ['2', '10']]);
    expect(sim.store.get('ItemShop', 125)).to.include({ itemID: '42', shopID: '1', qoh: '30' });
    expect(sim.store.list('Item').filter((row) => row.customSku === 'SHOP-1001'), 'one upserted Item').to.have.length(1);
  });

  it('compares shapes: keys and JSON types, not values', () => {
    expect(shapeMismatch({ a: 1, b: [{ c: 'x' }], d: true }, { a: 2, b: [{ c: 'y' }] })).to.equal(undefined);
    expect(shapeMismatch({ a: '1' }, { a: 1 })).to.equal('body.a: string, not number');
    expect(shapeMismatch({ b: [{}] }, { b: [{ c: 'y' }] })).to.equal('body.b[0].c: missing');
  });
});
