import { expect } from 'chai';
import * as trigger from '../../lib/triggers/pollingEntity';
import { StepConfig } from '../../lib/runtime/context';
import { Simulator } from '../../simulator';
import { repeatedPhrase } from '../helpers/capture';
import { Emitted, run } from '../helpers/component';
import { tally } from './tally';

type Row = Record<string, unknown>;

/** What a handler showed the outside world, and the secrets that must never be part of it. */
export function assertNoSecrets(sim: Simulator, outputs: Array<Emitted & { thrown?: Error }>): void {
  const secrets = new Set<string>([sim.credentials.clientSecret, sim.credentials.refreshToken]);
  for (const output of outputs) {
    for (const keys of output.updateKeys) {
      const oauth = (keys as { oauth?: Record<string, string> }).oauth ?? {};
      for (const value of [oauth.access_token, oauth.refresh_token]) if (value) secrets.add(value);
    }
  }
  for (const output of outputs) {
    // updateKeys is the one channel meant to carry tokens: to the platform's credential store.
    const visible = JSON.stringify({ data: output.data, snapshots: output.snapshots, logs: output.logs, error: output.thrown?.message, stack: output.thrown?.stack });
    const leaked = [...secrets].filter((secret) => visible.includes(secret));
    tally.secretChecks += 1;
    tally.secretLeaks += leaked.length;
    expect(leaked, 'secrets in logs, errors or emitted messages').to.deep.equal([]);
  }
}

/** Every log line and error a user reads says each thing once. */
export function assertNoRepeatedText(outputs: Array<Emitted & { thrown?: Error }>): void {
  const lines = outputs.flatMap((output) => [...output.logs, ...(output.thrown ? [output.thrown.message] : [])]);
  expect(lines.filter((line) => repeatedPhrase(line) !== undefined), 'lines that repeat themselves').to.deep.equal([]);
}

/** Item IDs emitted, in order (individually emitted records). */
export function emittedIds(outputs: Emitted[]): number[] {
  return outputs.flatMap((output) => output.data.map((body) => (body as Row).itemID as number));
}

/** Polls until a run finishes cleanly (at most `maxRuns`), each run resuming from the last snapshot emitted. */
export async function pollUntilDone(cfg: StepConfig, maxRuns = 3, snapshot?: unknown): Promise<Array<Emitted & { thrown?: Error }>> {
  const outputs: Array<Emitted & { thrown?: Error }> = [];
  let current = snapshot;
  for (let i = 0; i < maxRuns; i += 1) {
    const output = await run(trigger, {}, cfg, current);
    outputs.push(output);
    current = output.snapshots.at(-1) ?? current;
    if (!output.thrown) break;
  }
  return outputs;
}

/** Every active Item ID of the simulator, in polling order (timeStamp, itemID). */
export function expectedItemIds(sim: Simulator): number[] {
  const rows = sim.store.list('Item').filter((row) => row.archived !== 'true');
  return rows
    .map((row) => ({ id: Number(row.itemID), at: Date.parse(String(row.timeStamp)) }))
    .sort((a, b) => a.at - b.at || a.id - b.id)
    .map((row) => row.id);
}

/** Runs a fault scenario and counts it in the summary. */
export async function survives(scenario: () => Promise<void>): Promise<void> {
  tally.faults.run += 1;
  await scenario();
  tally.faults.survived += 1;
}
