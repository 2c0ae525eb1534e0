/**
 * A private RabbitMQ node (Debian's rabbitmq-server): its own epmd, ports, data and log directories and
 * Erlang cookie under the run directory, so it neither needs nor disturbs a system broker. Started and
 * stopped by the suite; every process it involves is recorded by PID.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LaunchedProcess, isRunning, launch, recordStartedPid, runToCompletion, signalPid } from './processes';
import { findFreePort, waitForPort } from './ports';
import { runPath, tailOf } from './runDirectory';
import { waitFor } from './waitFor';

const SCRIPTS_DIR = process.env.E2E_RABBITMQ_SCRIPTS_DIR ?? '/usr/lib/rabbitmq/bin';
const START_TIMEOUT_MS = 90_000;

export class RabbitBroker {
  /** Seconds from launch to `await_startup` returning, for the report. */
  startSeconds = 0;
  private server?: LaunchedProcess;
  private epmd?: LaunchedProcess;
  private vmPid?: number;

  private constructor(
    readonly nodeName: string,
    readonly amqpPort: number,
    private readonly env: NodeJS.ProcessEnv,
    private readonly directory: string,
  ) {}

  /** Starts a node on free ports and resolves when it accepts AMQP connections and has fully booted. */
  static async start(): Promise<RabbitBroker> {
    const [amqpPort, distPort, epmdPort] = await distinctFreePorts(3);
    const directory = path.dirname(runPath('rabbitmq', 'placeholder'));
    const nodeName = `e2e${process.pid}@localhost`;
    const broker = new RabbitBroker(nodeName, amqpPort, brokerEnvironment(directory, nodeName, { amqpPort, distPort, epmdPort }), directory);
    await broker.boot(epmdPort);
    return broker;
  }

  get amqpUri(): string {
    return `amqp://guest:guest@127.0.0.1:${this.amqpPort}`;
  }

  /** PIDs of the broker's processes (script, Erlang VM, epmd) known so far. */
  get pids(): number[] {
    return [this.server?.pid, this.vmPid, this.epmd?.pid].filter((pid): pid is number => pid !== undefined);
  }

  private async boot(epmdPort: number): Promise<void> {
    const started = Date.now();
    this.epmd = launch({ label: 'epmd', command: 'epmd', args: ['-port', String(epmdPort), '-address', '127.0.0.1'], env: this.env, cwd: this.directory, logFile: this.logFile('epmd') });
    await waitForPort(epmdPort, 10_000, () => this.epmd?.running === true);
    const server = launch({ label: 'rabbitmq-server', command: path.join(SCRIPTS_DIR, 'rabbitmq-server'), args: [], env: this.env, cwd: this.directory, logFile: this.logFile('server') });
    this.server = server;
    try {
      await waitForPort(this.amqpPort, START_TIMEOUT_MS, () => server.running);
      await this.ctl('await_startup', 'await-startup', 60_000);
    } catch (error) {
      throw new Error(`RabbitMQ did not start: ${(error as Error).message}\n${tailOf(this.logFile('server'))}`);
    }
    this.recordVmPid();
    this.startSeconds = (Date.now() - started) / 1000;
  }

  /** `rabbitmqctl stop`, then SIGTERM/SIGKILL by PID for whatever still runs, then epmd. Safe to call twice. */
  async stop(): Promise<void> {
    this.recordVmPid();
    if (this.server?.running) {
      try {
        await this.ctl('stop', 'stop', 30_000);
        await this.server.waitForExit(30_000);
      } catch {
        await this.server.stop(10_000);
      }
    }
    if (this.vmPid !== undefined && isRunning(this.vmPid)) {
      const vmPid = this.vmPid;
      signalPid(vmPid, 'SIGKILL');
      await waitFor(`the broker's Erlang VM (PID ${vmPid}) to exit`, () => !isRunning(vmPid), { timeoutMs: 10_000 });
    }
    await this.epmd?.stop();
  }

  private async ctl(command: string, logName: string, timeoutMs: number): Promise<void> {
    await runToCompletion({
      label: `rabbitmqctl ${command}`,
      command: path.join(SCRIPTS_DIR, 'rabbitmqctl'),
      args: ['-n', this.nodeName, command],
      env: this.env,
      cwd: this.directory,
      logFile: this.logFile(`rabbitmqctl-${logName}`),
    }, timeoutMs);
  }

  /** The VM is the script's child; its PID file is written during boot. */
  private recordVmPid(): void {
    if (this.vmPid !== undefined) return;
    const pidFile = path.join(this.directory, 'rabbit.pid');
    if (!fs.existsSync(pidFile)) return;
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0) {
      this.vmPid = pid;
      recordStartedPid(pid, 'rabbitmq Erlang VM');
    }
  }

  private logFile(name: string): string {
    return path.join(this.directory, 'logs', `${name}.log`);
  }
}

/** Environment of every broker command: private node name, ports, directories, cookie (HOME), no plugins. */
function brokerEnvironment(directory: string, nodeName: string, ports: { amqpPort: number; distPort: number; epmdPort: number }): NodeJS.ProcessEnv {
  fs.mkdirSync(path.join(directory, 'logs'), { recursive: true });
  fs.writeFileSync(path.join(directory, 'enabled_plugins'), '[].\n');
  fs.writeFileSync(path.join(directory, 'rabbitmq-env.conf'), '');
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('RABBITMQ_') && !name.startsWith('ERL_')));
  return {
    ...inherited,
    HOME: directory,
    ERL_EPMD_PORT: String(ports.epmdPort),
    RABBITMQ_NODENAME: nodeName,
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(ports.amqpPort),
    RABBITMQ_DIST_PORT: String(ports.distPort),
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
    RABBITMQ_MNESIA_BASE: path.join(directory, 'mnesia'),
    RABBITMQ_LOG_BASE: path.join(directory, 'logs'),
    RABBITMQ_PID_FILE: path.join(directory, 'rabbit.pid'),
    RABBITMQ_ENABLED_PLUGINS_FILE: path.join(directory, 'enabled_plugins'),
    RABBITMQ_CONF_ENV_FILE: path.join(directory, 'rabbitmq-env.conf'),
    RABBITMQ_CONFIG_FILE: path.join(directory, 'rabbitmq'),
  };
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort());
  return [...ports];
}
