import sinon from 'sinon';
import { resetConnections } from '../../lib/client/connections';
import { HandlerContext, IncomingMessage, PlatformApiClient, StepConfig } from '../../lib/runtime/context';
import { setClientOverrides } from '../../lib/runtime/session';
import { Simulator, SimulatorOptions, startSimulator } from '../../simulator';
import { capturingLogger } from './capture';

/** What a handler emitted, by event, plus what it logged. */
export interface Emitted {
  data: unknown[];
  snapshots: Record<string, unknown>[];
  updateKeys: Record<string, unknown>[];
  errors: Error[];
  logs: string[];
  emit: sinon.SinonSpy;
}

/** `this` for a handler, the way sailor builds it: an awaited emit, a logger. */
export function getContext(platform?: PlatformApiClient): HandlerContext & { emitted: Emitted } {
  const logger = capturingLogger();
  const emitted: Emitted = { data: [], snapshots: [], updateKeys: [], errors: [], logs: logger.lines, emit: sinon.spy() };
  const emit = async (event: string, payload?: unknown) => {
    emitted.emit(event, payload);
    if (event === 'data') emitted.data.push((payload as { body: unknown }).body);
    if (event === 'snapshot') emitted.snapshots.push(payload as Record<string, unknown>);
    if (event === 'updateKeys') emitted.updateKeys.push(payload as Record<string, unknown>);
    if (event === 'error') emitted.errors.push(payload as Error);
  };
  return { emit, logger, emitted, ...(platform ? { getApiClient: () => platform } : {}) };
}

type Handler = { process(this: HandlerContext, msg: IncomingMessage, cfg: StepConfig, snapshot?: unknown): Promise<unknown> };

/** Calls `module.process` as sailor does; returns what it emitted, and the error it threw if any. */
export async function run(
  module: Handler, body: unknown, cfg: StepConfig, snapshot?: unknown, platform?: PlatformApiClient, attachments?: Record<string, unknown>,
): Promise<Emitted & { thrown?: Error }> {
  const context = getContext(platform);
  try {
    await module.process.call(context, { id: 'msg-1', body, headers: {}, ...(attachments ? { attachments } : {}) }, cfg, snapshot);
    return context.emitted;
  } catch (error) {
    return { ...context.emitted, thrown: error as Error };
  }
}

/** The client settings of component specs: fast retries, a 5 s timeout. */
export const SPEC_CLIENT_SETTINGS = { backoff: { baseDelayMs: 5, maxDelayMs: 20 }, timeoutMs: 5000 };

/** A seeded simulator and the step cfg that points at it; a clean client state for each. */
export async function simulatorWith(options: Partial<SimulatorOptions> = {}): Promise<{ sim: Simulator; cfg: (fields?: StepConfig) => StepConfig }> {
  resetConnections();
  setClientOverrides({ settings: SPEC_CLIENT_SETTINGS });
  const sim = await startSimulator({ rateLimit: false, ...options });
  return { sim, cfg: (fields = {}) => ({ ...sim.credentials, ...fields }) };
}

/** Request log lines `GET /API/...` of a simulator, for asserting what was sent. */
export function apiRequests(sim: Simulator): string[] {
  return sim.stats.log.filter((entry) => entry.path.startsWith('/API/')).map((entry) => `${entry.method} ${entry.path}`);
}

/**
 * Waits for the next second to begin and end. Lightspeed stamps changes to the second, so a run only takes changes
 * at least one second old (a record could still change within the current second without its timeStamp moving);
 * a real schedule is minutes apart.
 */
export function nextScheduledTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2000 - (Date.now() % 1000)));
}
