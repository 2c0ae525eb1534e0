/**
 * A seeded world for polling properties: records created and changed in the simulator while a trigger polls, several
 * in one second, some visible only a few seconds after they were stamped (a long transaction committing late).
 */
import { Prng } from '../../simulator/prng';
import { formatTimestamp } from '../../simulator/time';
import { Simulator, WireObject } from '../../simulator';

type Row = Record<string, unknown>;

/** One polling path as the property drives it. */
export interface PollingPath {
  name: string;
  /** The Polling entity trigger's fields for this path. */
  step: Row;
  entity: 'Item' | 'Sale' | 'Customer';
  key: string;
  /** A field the Filters narrow on, and the value they keep. */
  filter: { field: string; value: string };
  /** The field each change sets to a fresh text: (id, marker) names one state. Absent: a record is emitted once, created. */
  marker?: string;
}

export const PATHS: PollingPath[] = [
  { name: 'sorted on timeStamp (Item)', step: { objectType: 'Item', pollingField: 'timeStamp' }, entity: 'Item', key: 'itemID', filter: { field: 'categoryID', value: '1' }, marker: 'description' },
  { name: 'Sale timeStamp|updatetime', step: { objectType: 'Sale', pollingField: 'timeStamp|updatetime' }, entity: 'Sale', key: 'saleID', filter: { field: 'shopID', value: '1' }, marker: 'referenceNumber' },
  { name: 'window walk (Customer createTime)', step: { objectType: 'Customer', pollingField: 'createTime' }, entity: 'Customer', key: 'customerID', filter: { field: 'customerTypeID', value: '1' } },
];

/** A change stamped now that becomes visible only at `visibleAt`. */
interface Late {
  visibleAt: number;
  apply: () => void;
}

/** The store's side of a property run: what changes, when, and what the trigger should have emitted in the end. */
export class PollingWorld {
  private readonly rng: Prng;
  private nextId: number;
  private changes = 0;
  private readonly late: Late[] = [];
  /** Records with a change not visible yet: nothing else changes them meanwhile. */
  private readonly pending = new Set<number>();

  constructor(private readonly sim: Simulator, readonly path: PollingPath, seed: string, private readonly lookbackS: number, private readonly now: () => number) {
    this.rng = new Prng(seed);
    this.nextId = Math.max(0, ...sim.store.list(path.entity).map((row) => Number(row[path.key]))) + 1;
  }

  /** A burst of `count` changes, several in one second, some visible late; then what became visible by now. */
  burst(count: number, tick: (ms: number) => void): void {
    for (let i = 0; i < count; i += 1) {
      if (this.rng.next() < 0.3) tick(1000);
      const late = this.lookbackS > 0 && this.rng.next() < 0.25;
      const create = this.rng.next() < (this.path.marker ? 0.4 : 0.7);
      const apply = create ? this.creation() : this.change(late);
      if (!apply) continue;
      if (!late) { apply(); continue; }
      // Visible a few seconds late, well inside the lookback.
      this.late.push({ visibleAt: this.now() + this.rng.int(1, Math.min(20, this.lookbackS - 5)) * 1000, apply });
    }
    this.reveal();
  }

  /** Makes visible the late changes whose time has come (all of them with `all`). */
  reveal(all = false): void {
    for (const change of [...this.late]) {
      if (!all && change.visibleAt > this.now()) continue;
      this.late.splice(this.late.indexOf(change), 1);
      change.apply();
    }
  }

  /** The (id, marker) of a record as emitted or stored. */
  state(record: Row): string {
    const id = Number(record[this.path.key]);
    return this.path.marker ? `${id}:${String(record[this.path.marker] ?? '')}` : String(id);
  }

  /** The records the trigger must have emitted in the end, each as its latest state. */
  expected(filtered: boolean): Map<number, string> {
    const rows = this.sim.store.list(this.path.entity)
      .filter((row) => !filtered || row[this.path.filter.field] === this.path.filter.value);
    return new Map(rows.map((row) => [Number(row[this.path.key]), this.state(row)]));
  }

  /** A new record, stamped now; its ID is taken now too, so a late one comes below IDs visible before it. */
  private creation(): () => void {
    const id = this.nextId++;
    const stamp = formatTimestamp(this.now());
    const filterValue = this.rng.pick(['1', '2']);
    const values: WireObject = { [this.path.key]: String(id), [this.path.filter.field]: filterValue, timeStamp: stamp, createTime: stamp };
    if (this.path.entity === 'Item') values.description = `created ${id}`;
    if (this.path.entity === 'Sale') Object.assign(values, { updatetime: stamp, completed: 'false', referenceNumber: `created ${id}` });
    if (this.path.entity === 'Customer') Object.assign(values, { firstName: `New ${id}`, lastName: 'Customer' });
    this.pending.add(id);
    return () => { this.pending.delete(id); this.sim.store.seed(this.path.entity, values); };
  }

  /** A change of a visible record, stamped now: the store moves its stamps as Lightspeed does (a sale completes too). */
  private change(late: boolean): (() => void) | undefined {
    const stamp = formatTimestamp(this.now());
    // Lightspeed stamps to the second: a second change of a record in the second of its first, made visible late,
    // cannot be told from it by anyone. A late change comes in a later second.
    const rows = this.sim.store.list(this.path.entity).filter((row) => !this.pending.has(Number(row[this.path.key]))
      && !(late && [row.timeStamp, row.updatetime].includes(stamp)));
    if (rows.length === 0) return undefined;
    const row = this.rng.pick(rows);
    const id = Number(row[this.path.key]);
    this.changes += 1;
    // Without a marker the path follows creation: a change (a new name) must not bring the record again.
    const patch: WireObject = { [this.path.marker ?? 'firstName']: `change ${this.changes}` };
    if (this.path.entity === 'Sale' && row.completed !== 'true' && this.rng.next() < 0.5) patch.completed = 'true';
    this.pending.add(id);
    return () => { this.pending.delete(id); this.sim.store.update(this.path.entity, row, patch, stamp); };
  }
}
