/**
 * A flow wired as the platform wires it: the steps registered with the platform stand-in (config =
 * credential + fields), the exchange and queues declared, output collected per step, snapshots stored
 * back on the stand-in as they arrive, mappings between linked steps, and sailor processes on demand.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { connect } from 'amqplib';
import type { ConfirmChannel, Connection } from 'amqplib';
import { declareFlow, FlowTopology, StepQueues } from './flowTopology';
import { publishInput } from './inputMessages';
import { BodyMapping, MapperStandIn } from './mapperStandIn';
import { MessageCrypto } from './messageCrypto';
import { JsonObject, PlatformStandIn } from './platformStandIn';
import { SailorProcess } from './sailorProcess';
import { StepOutputs } from './stepOutputs';

export interface FlowStep {
  stepId: string;
  functionName: string;
  fields: JsonObject;
}

export interface FlowLink {
  from: string;
  to: string;
  mapping: BodyMapping;
}

export interface FlowOptions {
  flowId: string;
  amqpUri: string;
  platform: PlatformStandIn;
  /** The platform account (credential) every step uses; it must exist on the stand-in. */
  accountId: string;
  steps: FlowStep[];
  links?: FlowLink[];
}

export class FlowFixture {
  readonly outputs: Record<string, StepOutputs> = {};
  readonly mappers: MapperStandIn[] = [];
  private readonly sailors: SailorProcess[] = [];
  /** The flow's message encryption (a fresh password; the IV is exactly 16 characters). */
  readonly crypto = new MessageCrypto(randomBytes(16).toString('hex'), randomBytes(8).toString('hex'));

  private constructor(
    private readonly options: FlowOptions,
    private readonly connection: Connection,
    private readonly channel: ConfirmChannel,
    readonly topology: FlowTopology,
  ) {}

  static async open(options: FlowOptions): Promise<FlowFixture> {
    const connection = await connect(options.amqpUri);
    const channel = await connection.createConfirmChannel();
    const links = options.links ?? [];
    const topology = await declareFlow(channel, options.flowId, options.steps.map((step) => step.stepId), links.map((link) => [link.from, link.to]));
    const flow = new FlowFixture(options, connection, channel, topology);
    for (const step of options.steps) {
      options.platform.saveStep({ flowId: options.flowId, stepId: step.stepId, compId: 'lightspeed-retail', functionName: step.functionName, accountId: options.accountId, fields: step.fields, snapshot: {} });
      const outputs = await StepOutputs.attach(connection, topology.steps[step.stepId], flow.crypto);
      outputs.onSnapshot((output) => options.platform.storeSnapshot(options.flowId, step.stepId, output.snapshot as JsonObject, output.event));
      flow.outputs[step.stepId] = outputs;
    }
    for (const [index, link] of links.entries()) {
      flow.mappers.push(await MapperStandIn.start(connection, topology.links[index], flow.crypto, link.mapping));
    }
    return flow;
  }

  step(stepId: string): StepQueues {
    const step = this.topology.steps[stepId];
    if (step === undefined) throw new Error(`no step ${stepId}`);
    return step;
  }

  /** Starts a sailor process for the step (run.js, as the platform would), ready to consume. */
  async startSailor(stepId: string, env: Record<string, string> = {}): Promise<SailorProcess> {
    const functionName = this.options.steps.find((step) => step.stepId === stepId)?.functionName;
    if (functionName === undefined) throw new Error(`no step ${stepId}`);
    const sailor = await SailorProcess.start({
      label: `${this.options.flowId}-${stepId}`,
      functionName,
      flowId: this.options.flowId,
      exchange: this.topology.exchange,
      step: this.step(stepId),
      amqpUri: this.options.amqpUri,
      platform: this.options.platform,
      crypto: this.crypto,
      env,
    });
    this.sailors.push(sailor);
    return sailor;
  }

  /** Publishes one input message to the step's listen queue (a trigger tick is body `{}`), with its attachments. */
  async send(stepId: string, body: Record<string, unknown> = {}, attachments: Record<string, unknown> = {}): Promise<string> {
    return publishInput(this.channel, this.step(stepId).listenQueue, this.crypto, body, {}, attachments);
  }

  /**
   * Waits until everything the step has published so far is collected: sends a barrier marker through the
   * exchange into the step's collecting queue and waits for it. Call it after sailor settled its input
   * (sailor acks only after its publishes were confirmed), then count outputs without any sleep.
   */
  async collectAll(stepId: string): Promise<StepOutputs> {
    const step = this.step(stepId);
    const marker = randomUUID();
    this.channel.publish(this.topology.exchange, step.barrierKey, Buffer.from(marker));
    await this.channel.waitForConfirms();
    await this.outputs[stepId].waitForBarrier(marker);
    return this.outputs[stepId];
  }

  /** Messages waiting in the step's listen queue (not yet delivered to sailor). */
  async waitingIn(stepId: string): Promise<number> {
    return (await this.channel.checkQueue(this.step(stepId).listenQueue)).messageCount;
  }

  /** Stops every sailor it started, then closes its AMQP channels and connection. */
  async close(): Promise<void> {
    for (const sailor of this.sailors) await sailor.stop();
    for (const mapper of this.mappers) await mapper.close();
    for (const outputs of Object.values(this.outputs)) await outputs.close();
    await this.channel.close();
    await this.connection.close();
  }
}
