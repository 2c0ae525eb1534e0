/** A fresh simulator and a clean client state for each measured run, so runs share no bucket, tokens or pacer. */
import { resetConnections } from '../lib/client/connections';
import { StepConfig } from '../lib/runtime/context';
import { setClientOverrides } from '../lib/runtime/session';
import { Simulator, SimulatorOptions, startSimulator } from '../simulator';
import { Strategy } from './strategies';

/**
 * Starts a simulator and makes `strategy` the client settings of the next handler calls. The process-wide
 * connection registry is emptied first: a connection keeps the pacer settings it was created with.
 */
export async function freshSimulator(options: Partial<SimulatorOptions>, strategy: Strategy): Promise<Simulator> {
  useStrategy(strategy);
  return startSimulator(options);
}

export function useStrategy(strategy: Strategy): void {
  resetConnections();
  setClientOverrides({ settings: strategy.settings });
}

/** Back to the component's defaults (and no shared connection) once a scenario is done. */
export function restoreDefaults(): void {
  resetConnections();
  setClientOverrides({});
}

/** The trigger's step config: the simulator's credential, Item, the strategy's own fields. */
export function itemPollingStep(sim: Simulator, strategy: Strategy, fields: StepConfig = {}): StepConfig {
  return { ...sim.credentials, objectType: 'Item', ...fields, ...strategy.stepFields };
}

/** How many API requests (under /API/) the simulator answered with `status` (from its bounded log). */
export function apiAnswers(sim: Simulator, status: number): number {
  return sim.stats.log.filter((entry) => entry.path.startsWith('/API/') && entry.status === status).length;
}
