/**
 * Collects and decodes what one sailor step publishes: data (encrypted message), snapshots (plain JSON,
 * header snapshotEvent), errors (`{error: <encrypted {name, message, stack}>, errorInput}`) and rebounds.
 */
import type { Channel, Connection, Message, MessageHeaders } from 'amqplib';
import { MessageCrypto } from './messageCrypto';
import { StepQueues } from './flowTopology';
import { waitFor } from './waitFor';

/** A message a component emitted as data. */
export interface EmittedMessage {
  id?: string;
  body: Record<string, unknown>;
  headers?: Record<string, unknown>;
  passthrough?: Record<string, unknown>;
}

export interface DataOutput {
  message: EmittedMessage;
  amqpHeaders: MessageHeaders;
}

export interface SnapshotOutput {
  snapshot: unknown;
  event: string;
  amqpHeaders: MessageHeaders;
}

export interface ErrorOutput {
  error: { name?: string; message?: string; stack?: string };
  /** The input message that failed, decrypted (undefined when sailor did not attach it). */
  errorInput: unknown;
  amqpHeaders: MessageHeaders;
}

export interface ReboundOutput {
  reason: string;
  amqpHeaders: MessageHeaders;
}

export class StepOutputs {
  readonly data: DataOutput[] = [];
  readonly snapshots: SnapshotOutput[] = [];
  readonly errors: ErrorOutput[] = [];
  readonly rebounds: ReboundOutput[] = [];
  /** Messages that could not be decoded, with the reason: a failing spec prints them. */
  readonly undecodable: string[] = [];
  private readonly barriers = new Set<string>();
  private readonly snapshotListeners: Array<(output: SnapshotOutput) => void> = [];

  private constructor(private readonly channel: Channel, private readonly step: StepQueues, private readonly crypto: MessageCrypto) {}

  /** Starts consuming the step's collecting queue on a channel of its own. */
  static async attach(connection: Connection, step: StepQueues, crypto: MessageCrypto): Promise<StepOutputs> {
    const channel = await connection.createChannel();
    const outputs = new StepOutputs(channel, step, crypto);
    await channel.consume(step.outputQueue, (message) => {
      if (message === null) return;
      outputs.record(message);
      channel.ack(message);
    });
    return outputs;
  }

  /** Called with every snapshot, in arrival order (the platform stand-in stores them). */
  onSnapshot(listener: (output: SnapshotOutput) => void): void {
    this.snapshotListeners.push(listener);
  }

  /** The bodies of all data messages so far. */
  bodies(): Array<Record<string, unknown>> {
    return this.data.map((output) => output.message.body);
  }

  /** Resolves with the data once `count` messages arrived; fails at once if the step publishes an error meanwhile. */
  async waitForData(count: number, timeoutMs = 30_000): Promise<DataOutput[]> {
    const errorsBefore = this.errors.length;
    return waitFor(`${count} data messages from step ${this.step.stepId} (have ${this.data.length})`, () => {
      if (this.errors.length > errorsBefore) throw new Error(`step ${this.step.stepId} published errors instead: ${this.errorTexts()}`);
      return this.data.length >= count && this.data;
    }, { timeoutMs });
  }

  async waitForErrors(count: number, timeoutMs = 30_000): Promise<ErrorOutput[]> {
    return waitFor(`${count} error messages from step ${this.step.stepId} (have ${this.errors.length})`, () => this.errors.length >= count && this.errors, { timeoutMs });
  }

  /**
   * Resolves once the barrier marker `id` has been collected. The queue is FIFO, so every output the step
   * published before the marker (e.g. before sailor acked its input) has been collected by then.
   */
  async waitForBarrier(id: string, timeoutMs = 10_000): Promise<void> {
    await waitFor(`barrier ${id} on step ${this.step.stepId}`, () => this.barriers.has(id), { timeoutMs, intervalMs: 10 });
  }

  /** The error texts so far, for assertion messages. */
  errorTexts(): string {
    const counts = new Map<string, number>();
    for (const { error } of this.errors) counts.set(String(error.message), (counts.get(String(error.message)) ?? 0) + 1);
    return [...counts].map(([text, count]) => `${count} x "${text}"`).join('; ') || 'none';
  }

  async close(): Promise<void> {
    await this.channel.close();
  }

  private record(message: Message): void {
    const key = message.fields.routingKey;
    const amqpHeaders = message.properties.headers ?? {};
    try {
      if (key === this.step.dataKey) this.data.push({ message: this.crypto.decrypt(message.content) as EmittedMessage, amqpHeaders });
      else if (key === this.step.snapshotKey) this.recordSnapshot(message, amqpHeaders);
      else if (key === this.step.errorKey) this.errors.push(this.decodeError(message, amqpHeaders));
      else if (key === this.step.reboundKey) this.rebounds.push({ reason: String(amqpHeaders.reboundReason ?? ''), amqpHeaders });
      else if (key === this.step.barrierKey) this.barriers.add(message.content.toString('utf8'));
      else this.undecodable.push(`unexpected routing key ${key}`);
    } catch (error) {
      this.undecodable.push(`${key}: ${(error as Error).message}`);
    }
  }

  private recordSnapshot(message: Message, amqpHeaders: MessageHeaders): void {
    const output: SnapshotOutput = { snapshot: JSON.parse(message.content.toString('utf8')), event: String(amqpHeaders.snapshotEvent ?? ''), amqpHeaders };
    this.snapshots.push(output);
    for (const listener of this.snapshotListeners) listener(output);
  }

  private decodeError(message: Message, amqpHeaders: MessageHeaders): ErrorOutput {
    const payload = JSON.parse(message.content.toString('utf8')) as { error?: string; errorInput?: string };
    if (typeof payload.error !== 'string') throw new Error('error message without an error field');
    return {
      error: this.crypto.decrypt(payload.error) as ErrorOutput['error'],
      errorInput: typeof payload.errorInput === 'string' ? this.crypto.decrypt(payload.errorInput) : undefined,
      amqpHeaders,
    };
  }
}
