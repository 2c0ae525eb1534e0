/**
 * One step of a flow as the platform runs it: `node node_modules/elasticio-sailor-nodejs/run.js` from the
 * component root, configured only through ELASTICIO_* variables. Ready when sailor reports init:ended on
 * its IPC channel; each processed input shows up in its debug log as "Message ack" or "Message reject".
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { StepQueues } from './flowTopology';
import { MessageCrypto } from './messageCrypto';
import { PlatformEndpoint } from './platformStandIn';
import { LaunchedProcess, launch } from './processes';
import { COMPONENT_ROOT } from './componentRoot';
import { runPath, tailOf } from './runDirectory';
import { waitFor } from './waitFor';

const RUN_JS = path.join('node_modules', 'elasticio-sailor-nodejs', 'run.js');

export interface SailorStepOptions {
  label: string;
  functionName: string;
  flowId: string;
  exchange: string;
  step: StepQueues;
  amqpUri: string;
  platform: PlatformEndpoint;
  crypto: MessageCrypto;
  /** Extra or overriding environment (e.g. ELASTICIO_FLOW_TYPE). */
  env?: Record<string, string>;
}

/** ELASTICIO_* variables sailor's run.js requires (lib/settings.js), plus a few that keep failures quick. */
export function sailorEnvironment(options: SailorStepOptions): NodeJS.ProcessEnv {
  const { step } = options;
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('ELASTICIO_') && name !== 'LOG_LEVEL' && name !== 'NODE_ENV'));
  return {
    ...inherited,
    LOG_LEVEL: 'debug',
    ELASTICIO_FLOW_ID: options.flowId,
    ELASTICIO_STEP_ID: step.stepId,
    ELASTICIO_EXEC_ID: `exec-${randomUUID()}`,
    ELASTICIO_CONTAINER_ID: `container-${randomUUID()}`,
    ELASTICIO_WORKSPACE_ID: 'e2e-workspace',
    ELASTICIO_USER_ID: 'e2e-user',
    ELASTICIO_COMP_ID: 'lightspeed-retail',
    ELASTICIO_FUNCTION: options.functionName,
    ELASTICIO_API_URI: options.platform.url,
    ELASTICIO_API_USERNAME: options.platform.username,
    ELASTICIO_API_KEY: options.platform.apiKey,
    ELASTICIO_API_REQUEST_RETRY_ATTEMPTS: '2',
    ELASTICIO_AMQP_URI: options.amqpUri,
    ELASTICIO_LISTEN_MESSAGES_ON: step.listenQueue,
    ELASTICIO_PUBLISH_MESSAGES_TO: options.exchange,
    ELASTICIO_DATA_ROUTING_KEY: step.dataKey,
    ELASTICIO_ERROR_ROUTING_KEY: step.errorKey,
    ELASTICIO_REBOUND_ROUTING_KEY: step.reboundKey,
    ELASTICIO_SNAPSHOT_ROUTING_KEY: step.snapshotKey,
    ELASTICIO_MESSAGE_CRYPTO_PASSWORD: options.crypto.password,
    ELASTICIO_MESSAGE_CRYPTO_IV: options.crypto.ivText,
    ELASTICIO_COMPONENT_PATH: '.',
    ELASTICIO_AMQP_PUBLISH_RETRY_ATTEMPTS: '3',
    ...options.env,
  };
}

/** What sailor has reported so far: init over IPC, settled inputs in its log. */
interface SailorProgress {
  initEnded: boolean;
  acks: number;
  rejects: number;
}

export class SailorProcess {
  private constructor(readonly label: string, private readonly launched: LaunchedProcess, private readonly progress: SailorProgress) {}

  /** Launches sailor and resolves once it consumes its listen queue; rejects with its log if it exits first. */
  static async start(options: SailorStepOptions, timeoutMs = 20_000): Promise<SailorProcess> {
    const progress: SailorProgress = { initEnded: false, acks: 0, rejects: 0 };
    const launched = launch({
      label: `sailor ${options.label}`,
      command: process.execPath,
      args: [RUN_JS],
      env: sailorEnvironment(options),
      cwd: COMPONENT_ROOT,
      logFile: runPath('logs', `sailor-${options.label}-${Date.now()}.log`),
      ipc: true,
      onLine: (line) => countSettledInputs(line, progress),
    });
    launched.child.on('message', (message: { event?: string } | null) => {
      if (message?.event === 'init:ended') progress.initEnded = true;
    });
    const sailor = new SailorProcess(options.label, launched, progress);
    try {
      await waitFor(`sailor ${options.label} to initialise`, () => {
        if (!launched.running) throw new Error(`sailor ${options.label} exited with ${launched.exitCode ?? launched.exitSignal}`);
        return progress.initEnded;
      }, { timeoutMs });
    } catch (error) {
      await launched.stop();
      throw new Error(`${(error as Error).message}; log ${launched.logFile}:\n${tailOf(launched.logFile)}`);
    }
    return sailor;
  }

  get pid(): number {
    return this.launched.pid;
  }

  get running(): boolean {
    return this.launched.running;
  }

  get acks(): number {
    return this.progress.acks;
  }

  get rejects(): number {
    return this.progress.rejects;
  }

  get logFile(): string {
    return this.launched.logFile;
  }

  /** Resolves once sailor has acked or rejected `count` inputs in total. */
  async waitForSettled(count: number, timeoutMs = 30_000): Promise<void> {
    await waitFor(`sailor ${this.label} to settle ${count} input(s) (acked ${this.acks}, rejected ${this.rejects})`, () => {
      if (!this.running) throw new Error(`sailor ${this.label} exited; log ${this.logFile}:\n${tailOf(this.logFile)}`);
      return this.acks + this.rejects >= count;
    }, { timeoutMs });
  }

  /** SIGTERM (sailor stops consuming, finishes the message in hand, disconnects), SIGKILL after the grace period. */
  async stop(graceMs = 10_000): Promise<void> {
    await this.launched.stop(graceMs);
  }

  /** The log's last lines, for assertion messages. */
  logTail(lines = 30): string {
    return tailOf(this.logFile, lines);
  }
}

/** Sailor logs (bunyan JSON, debug level) "Message ack" / "Message reject" once per settled input. */
function countSettledInputs(line: string, progress: SailorProgress): void {
  if (!line.startsWith('{')) return;
  let entry: { name?: string; msg?: string };
  try {
    entry = JSON.parse(line) as { name?: string; msg?: string };
  } catch {
    return;
  }
  if (entry.name !== 'sailor') return;
  if (entry.msg === 'Message ack') progress.acks++;
  if (entry.msg === 'Message reject') progress.rejects++;
}
