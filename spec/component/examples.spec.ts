import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { withReadmeOutput } from '../../scripts/examples/regenerate';
import { Example, listExamples, runExample } from '../../scripts/examples/runExample';
import { closestMessage, oneLine, retrim, trimMismatch } from '../../scripts/examples/trim';
import { Simulator } from '../../simulator';
import { ROOT, expectNoSecrets } from '../cli/helpers';

type Row = Record<string, unknown>;
const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;

/** What some examples leave in the simulator, beyond what they emit. */
const STORED: Record<string, (sim: Simulator) => void> = {
  'examples/createObject/customer': (sim) => {
    const customer = sim.store.list('Customer').find((row) => row.firstName === 'Ann' && row.lastName === 'Lee');
    expect(customer, 'the created customer').to.not.equal(undefined);
    const contact = sim.store.getEmbedded('Customer', 'Contact', Number(customer?.customerID)) as Row | undefined;
    expect(JSON.stringify(contact)).to.contain('ann@example.com').and.contain('+1 514 555 0100').and.contain('12 Peel Street');
  },
  'examples/createObject/item': (sim) => {
    const mug = sim.store.list('Item').find((row) => row.customSku === 'MUG-TRAIL-BLUE');
    expect(JSON.stringify(mug?.Prices)).to.contain('12.99').and.contain('14.99');
    const stock = sim.store.list('ItemShop').filter((row) => row.itemID === mug?.itemID).map((row) => [row.shopID, row.qoh]);
    expect(stock).to.deep.include.members([['1', '25'], ['2', '10']]);
  },
  'examples/updateObject/item-stock-and-price': (sim) => {
    expect(sim.store.get('ItemShop', 125)).to.include({ itemID: '42', shopID: '1', qoh: '30' });
  },
  'examples/upsertObject/item-by-custom-sku': (sim) => {
    expect(sim.store.list('Item').filter((row) => row.customSku === 'SHOP-1001'), 'one upserted Item').to.have.length(1);
  },
};

describe('examples/: every ready step runs alone on a fresh simulator with the local runner and emits what the docs show (npm run examples updates them)', () => {
  const all: Example[] = listExamples(ROOT);

  it('has a step for every trigger and action of component.json, and nothing else', () => {
    const manifest = readJson(path.join(ROOT, 'component.json')) as { triggers: Row; actions: Row };
    const functions = [...Object.keys(manifest.triggers), ...Object.keys(manifest.actions)].sort();
    expect([...new Set(all.map((example) => example.fn))].sort()).to.deep.equal(functions);
  });

  for (const example of all) {
    const shows = example.out ? ', emitting its .out.json (trimmed)' : '';
    it(`${example.fn} ${example.name}: exit 0, no warning${shows}`, async () => {
      let simulator: Simulator | undefined;
      const run = await runExample(example, (sim) => {
        simulator = sim;
        STORED[example.base]?.(sim);
      });
      expectNoSecrets(run.stdout + run.stderr, simulator as Simulator);
      expect(run.stderr, 'no warning').not.to.match(/\[warn\]/);
      expect(run.code, run.stdout + run.stderr).to.equal(0);
      expect(run.data.length).to.be.greaterThan(0);
      if (example.out) {
        const shown = readJson(example.out);
        expect(trimMismatch(shown, closestMessage(shown, run.data)), `${example.base}.out.json against a fresh run`).to.equal(undefined);
      }
    });
  }

  it('takes an output for a trim of a message when every value it shows is the message\'s, lists in order', () => {
    const message = { itemID: 42, tax: true, ItemShops: { ItemShop: [{ itemShopID: 124, qoh: 35 }, { itemShopID: 125, qoh: 21 }] } };
    expect(trimMismatch({ itemID: 42, ItemShops: { ItemShop: [{ qoh: 21 }] } }, message)).to.equal(undefined);
    expect(trimMismatch({ itemID: 42, ItemShops: { ItemShop: [{ itemShopID: 124, qoh: 44 }] } }, message)).to.equal('body.ItemShops.ItemShop[0].qoh: 35, not 44');
    expect(trimMismatch({ itemID: '42' }, message)).to.equal('body.itemID: 42, not "42"');
    expect(trimMismatch({ upc: '' }, message)).to.equal('body.upc: missing');
    expect(trimMismatch({ ItemShops: { ItemShop: [{ qoh: 21 }, { qoh: 35 }] } }, message)).to.equal('body.ItemShops.ItemShop[1]: no element left to match');
    expect(trimMismatch({ ItemShops: { ItemShop: [] } }, message)).to.equal('body.ItemShops.ItemShop: 2 elements, not none');
    const other = { ...message, itemID: 7 };
    expect(closestMessage({ itemID: 42, tax: false }, [other, message])).to.equal(message);
  });

  it('brings an output up to date keeping what it shows, and writes it where the README shows it', () => {
    const message = { itemID: 251, description: 'Linen', ItemShops: { ItemShop: [{ itemShopID: 1, qoh: 0 }, { itemShopID: 2, qoh: 5 }] } };
    const updated = retrim({ itemID: 252, ItemShops: { ItemShop: [{ itemShopID: 2, qoh: 4 }] } }, message);
    expect(updated).to.deep.equal({ itemID: 251, ItemShops: { ItemShop: [{ itemShopID: 2, qoh: 5 }] } });
    expect(oneLine(updated)).to.equal('{"itemID": 251, "ItemShops": {"ItemShop": [{"itemShopID": 2, "qoh": 5}]}}');
    const readme = '<!-- example: examples/x/y -->\n```jsonc\n// cfg {}, message in\n{"a": 1}\n// emitted\n{"itemID": 252,\n "b": 2}\n```\n';
    expect(withReadmeOutput(readme, 'examples/x/y', { itemID: 251, b: 2 }))
      .to.equal('<!-- example: examples/x/y -->\n```jsonc\n// cfg {}, message in\n{"a": 1}\n// emitted\n{"itemID": 251, "b": 2}\n```\n');
    expect(withReadmeOutput(readme, 'examples/x/y', { itemID: 252, b: 2 }), 'a wrapped output that is right stays as it is').to.equal(readme);
  });
});
