import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { HandlerContext, IncomingMessage, StepConfig } from '../../lib/runtime/context';
import { Simulator } from '../../simulator';
import { run, simulatorWith } from '../helpers/component';

type Handler = { process(this: HandlerContext, msg: IncomingMessage, cfg: StepConfig, snapshot?: unknown): Promise<unknown> };
type Row = Record<string, unknown>;

/** An input body of the README, marked `<!-- example: <function> [<Object type>] [field=value ...] -->`. */
interface Example {
  fn: string;
  fields: StepConfig;
  body: Row;
}

function readmeExamples(): Example[] {
  const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
  return [...readme.matchAll(/<!-- example: (\S+)((?: \S+)*) -->\n```json\n([\s\S]*?)\n```/g)].map(([, fn, words, json]) => {
    const fields: StepConfig = {};
    for (const word of words.trim().split(/\s+/).filter(Boolean)) {
      const [key, value] = word.split('=');
      if (value === undefined) fields.objectType = key;
      else fields[key] = value === 'true' ? true : value;
    }
    return { fn, fields, body: JSON.parse(json) as Row };
  });
}

describe('the README\'s example bodies run as written', () => {
  const examples = readmeExamples();
  let sim: Simulator;
  let cfg: Awaited<ReturnType<typeof simulatorWith>>['cfg'];
  before(async () => ({ sim, cfg } = await simulatorWith({ items: 60 })));
  after(() => sim.close());

  it('finds the marked examples: a Customer with contact details, an Item with prices and stock, a lookup, upserts, raw requests', () => {
    expect(examples.map((example) => `${example.fn} ${String(example.fields.objectType ?? '')}`.trim())).to.include.members([
      'createObject Customer', 'createObject Item', 'updateObject Item', 'lookupObjectById Item',
      'upsertObject Item', 'upsertObject Customer', 'rawRequest',
    ]);
  });

  for (const example of examples) {
    it(`${example.fn} ${JSON.stringify(example.fields)}: emits, with no error`, async () => {
      const handler = await import(`../../lib/${example.fn === 'pollingEntity' ? 'triggers' : 'actions'}/${example.fn}`) as Handler;
      const output = await run(handler, example.body, cfg({ allowZeroResults: true, ...example.fields }));
      expect(output.thrown?.message).to.equal(undefined);
      expect(output.data.length).to.be.greaterThan(0);
    });
  }

  it('stores what the Customer and Item examples carry', () => {
    const customer = sim.store.list('Customer').find((row) => row.firstName === 'Ann' && row.lastName === 'Lee');
    expect(customer, 'the created customer').to.not.equal(undefined);
    const contact = sim.store.getEmbedded('Customer', 'Contact', Number(customer?.customerID)) as Row | undefined;
    expect(JSON.stringify(contact)).to.contain('ann@example.com').and.contain('+1 514 555 0100').and.contain('12 Peel Street');
    const mug = sim.store.list('Item').find((row) => row.customSku === 'MUG-TRAIL-BLUE');
    expect(JSON.stringify(mug?.Prices)).to.contain('12.99').and.contain('14.99');
    const stock = sim.store.list('ItemShop').filter((row) => row.itemID === mug?.itemID).map((row) => [row.shopID, row.qoh]);
    expect(stock).to.deep.include.members([['1', '25'], ['2', '10']]);
    expect(sim.store.get('ItemShop', 125)).to.include({ itemID: '42', shopID: '1', qoh: '30' });
  });
});
