import { expect } from 'chai';
import fs from 'node:fs';
import path from 'node:path';
import { parsePollingConfig } from '../../lib/triggers/polling/config';
import * as trigger from '../../lib/triggers/pollingEntity';
import { Simulator } from '../../simulator';
import { apiRequests, nextScheduledTick, run, simulatorWith } from '../helpers/component';

type Cfg = Awaited<ReturnType<typeof simulatorWith>>['cfg'];
type Row = Record<string, unknown>;
const field = (data: unknown[], key: string): unknown[] => data.map((body) => (body as Row)[key]);
const decoded = (sim: Simulator): string[] => apiRequests(sim).map((line) => decodeURIComponent(line));

describe('trigger pollingEntity: Filters (against the simulator)', () => {
  let sim: Simulator;
  let cfg: Cfg;
  beforeEach(async () => ({ sim, cfg } = await simulatorWith({ items: 120, categories: 12, archivedItems: 0 })));
  afterEach(() => sim.close());

  it('sends the filters with every page, AND-ed with the polling window: only matching records, read on Lightspeed\'s side', async () => {
    const result = await run(trigger, {}, cfg({ objectType: 'Item', pageSize: 5, filters: '{"categoryID": "IN,[4,7]", "tax": "=,true"}' }));
    expect(result.thrown).to.equal(undefined);
    const expected = Array.from({ length: 120 }, (_, i) => i + 1).filter((id) => id % 10 !== 0 && [4, 7].includes(((id - 1) % 12) + 1));
    expect(field(result.data, 'itemID')).to.deep.equal(expected);
    const requests = decoded(sim);
    expect(requests.length).to.be.greaterThan(3);
    for (const line of requests) expect(line).to.match(/categoryID=IN,\[4,7\]&tax==,true/);
    expect(requests[0]).to.match(/timeStamp=<=,.*&sort=timeStamp&categoryID=IN/);
  });

  it('sends them on both passes of Sale\'s timeStamp|updatetime', async () => {
    const result = await run(trigger, {}, cfg({ objectType: 'Sale', filters: { shopID: '=,2' } }));
    expect(new Set(field(result.data, 'shopID'))).to.deep.equal(new Set([2]));
    const requests = decoded(sim);
    expect(requests.filter((line) => line.includes('sort=timeStamp&shopID==,2'))).to.have.length(1);
    expect(requests.filter((line) => line.includes('sort=updatetime&shopID==,2'))).to.have.length(1);
  });

  it('changed filters go on from the stored position, and say so; with a Start time they read its history again', async () => {
    const first = await run(trigger, {}, cfg({ objectType: 'Item', filters: { categoryID: '=,4' } }));
    const snapshot = first.snapshots.at(-1) as Row;
    expect(snapshot.filters).to.match(/^[0-9a-f]{12}$/);
    await nextScheduledTick();

    // Item 112 (category 4) was the last emitted: of category 5 only 113 comes after it; 5..101 are not emitted.
    const changed = await run(trigger, {}, cfg({ objectType: 'Item', filters: { categoryID: '=,5' } }), snapshot);
    expect(snapshot).to.include({ lastId: 112 });
    expect(field(changed.data, 'itemID')).to.deep.equal([113]);
    expect(changed.logs).to.include('Item: the filters changed since the last run: going on from the stored position with the new filters (set Start time to read earlier records with them)');
    expect((changed.snapshots.at(-1) as Row).filters).to.not.equal(snapshot.filters);

    const again = await run(trigger, {}, cfg({ objectType: 'Item', filters: { categoryID: '=,5' }, startTime: '2024-01-01T00:00:00Z' }), snapshot);
    expect(new Set(field(again.data, 'categoryID'))).to.deep.equal(new Set([5]));
    expect(again.data).to.have.length(10);
    expect(again.logs.some((line) => line.includes('reading again from Start time 2024-01-01T00:00:00+00:00'))).to.equal(true);

    const same = await run(trigger, {}, cfg({ objectType: 'Item', filters: { categoryID: '=,5' }, startTime: '2024-01-01T00:00:00Z' }), again.snapshots.at(-1));
    expect(same.data).to.deep.equal([]);
    expect(same.logs.some((line) => line.includes('filters changed'))).to.equal(false);
  });

  it('a snapshot without filters resumes unchanged when none are set (earlier versions\' snapshots)', async () => {
    const first = await run(trigger, {}, cfg({ objectType: 'Item' }));
    expect(first.snapshots.at(-1)).not.to.have.property('filters');
    const second = await run(trigger, {}, cfg({ objectType: 'Item', filters: '' }), first.snapshots.at(-1));
    expect(second.data).to.deep.equal([]);
    expect(second.logs.some((line) => line.includes('filters changed'))).to.equal(false);
  });

  it('the examples the README and the manifest give are accepted for the entities they name, the placeholder among them', () => {
    const root = path.resolve(__dirname, '../../..');
    const filters = (JSON.parse(fs.readFileSync(path.join(root, 'component.json'), 'utf8')) as {
      triggers: { pollingEntity: { fields: { filters: { placeholder: string; note: string } } } };
    }).triggers.pollingEntity.fields.filters;
    const readmeRow = /^\| Filters \| `filters` \|.*$/m.exec(fs.readFileSync(path.join(root, 'README.md'), 'utf8'))?.[0] ?? '';
    /** `{"categoryID": "=,6"}` for Item, `{...}` for Sale or ItemShop -> [filters, entity] for each entity named. */
    const named = (text: string): Array<[string, string]> => [...text.matchAll(/`?(\{[^{}]*\})`? for ([A-Z]\w*(?: or [A-Z]\w*)*)/g)]
      .flatMap(([, json, entities]) => entities.split(' or ').map((entity): [string, string] => [json, entity]));
    const examples = [...named(readmeRow), ...named(filters.note)];
    expect(named(readmeRow), 'README').to.have.length.of.at.least(2);
    expect(named(filters.note).map(([json]) => json), 'the note names the placeholder\'s entity').to.include(filters.placeholder);
    for (const [json, entity] of examples) {
      expect(() => parsePollingConfig({ objectType: entity, filters: json }), `${json} for ${entity}`).not.to.throw();
    }
    expect(() => parsePollingConfig({ objectType: 'Item', filters: '{"shopID": "=,2"}' })).to.throw(/not a field of Item/);
  });

  it('filters that are not a JSON object are answered with an example that fits the entity, and the example is accepted', () => {
    for (const objectType of ['Item', 'Sale', 'Customer']) {
      let example = '';
      try {
        parsePollingConfig({ objectType, filters: 'not json' });
      } catch (error) {
        example = /such as (\{.*\}), got/.exec((error as Error).message)?.[1] ?? '';
      }
      expect(example, objectType).not.to.equal('');
      expect(() => parsePollingConfig({ objectType, filters: example }), `${example} for ${objectType}`).not.to.throw();
    }
  });
});
