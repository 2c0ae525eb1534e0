/**
 * Per-record cost of the steps the component adds to a bare loop, measured on a real page of the simulator:
 * what scenario 4's gap is made of, in microseconds per record.
 */
import { shapeOf } from '../lib/catalog/shapes';
import { getEntity } from '../lib/catalog';
import { extractRecords, normalizeRecord } from '../lib/client/normalize';
import { newMessage } from '../lib/runtime/messages';

export interface StepCost {
  step: string;
  where: string;
  microsecondsPerRecord: number;
}

/** Mean microseconds per call of `work` over `calls` calls, after a warm-up of a tenth as many. */
function microseconds(calls: number, work: () => unknown): number {
  for (let i = 0; i < calls / 10; i++) work();
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) work();
  return Number(process.hrtime.bigint() - started) / 1000 / calls;
}

/** `pageText`: the body of one page of Items, as the simulator sent it. */
export function perRecordCosts(pageText: string): StepCost[] {
  const context = { method: 'GET', entity: 'Item', path: 'Item.json' };
  const raw = extractRecords(JSON.parse(pageText), 'Item', context);
  if (raw.length === 0) throw new Error('the sample page holds no Items');
  const shape = shapeOf(getEntity('Item'));
  const normalized = raw.map((record) => normalizeRecord({ ...record }, shape));
  const perRecord = (perPage: number): number => perPage / raw.length;
  return [
    { step: 'JSON.parse, also in the bare loop', where: 'lib/client/LightspeedClient.ts:parseJson', microsecondsPerRecord: perRecord(microseconds(200, () => JSON.parse(pageText))) },
    // normalizeRecord works in place, so each call needs a freshly parsed page: count the parse, then take it out.
    { step: 'wire format to typed records', where: 'lib/client/normalize.ts:normalizeRecord', microsecondsPerRecord: perRecord(
      microseconds(200, () => extractRecords(JSON.parse(pageText), 'Item', context).map((record) => normalizeRecord(record, shape)))
      - microseconds(200, () => extractRecords(JSON.parse(pageText), 'Item', context))) },
    { step: 'one message per record', where: 'lib/runtime/session.ts:emitData -> lib/runtime/messages.ts:newMessage', microsecondsPerRecord: perRecord(microseconds(200, () => normalized.map((record) => newMessage(record)))) },
  ];
}
