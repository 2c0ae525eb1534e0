/**
 * The exchange, queues and bindings the platform would create for a flow. Sailor declares none of them:
 * its listen queue must exist before it starts, and output published to an unbound routing key is dropped.
 */
import type { Channel } from 'amqplib';

/** Where one step listens and the routing keys it publishes with. */
export interface StepQueues {
  stepId: string;
  listenQueue: string;
  dataKey: string;
  errorKey: string;
  reboundKey: string;
  snapshotKey: string;
  /** The suite's collecting queue, bound to all four of the step's routing keys. */
  outputQueue: string;
}

export interface FlowTopology {
  flowId: string;
  exchange: string;
  steps: Record<string, StepQueues>;
}

/** A step's queue and key names (unique per flow and step). */
export function stepQueues(flowId: string, stepId: string): StepQueues {
  const prefix = `${flowId}.${stepId}`;
  return {
    stepId,
    listenQueue: `${prefix}:messages`,
    dataKey: `${prefix}.message`,
    errorKey: `${prefix}.error`,
    reboundKey: `${prefix}.rebound`,
    snapshotKey: `${prefix}.snapshot`,
    outputQueue: `${prefix}:collected`,
  };
}

/**
 * Declares the flow's exchange and, per step, its listen queue and collecting queue; then links each
 * `[from, to]` pair by binding `to`'s listen queue to `from`'s data key (the step's data also keeps
 * going to its collecting queue: a direct exchange copies a message to every bound queue).
 */
export async function declareFlow(channel: Channel, flowId: string, stepIds: string[], links: Array<[string, string]> = []): Promise<FlowTopology> {
  const exchange = `${flowId}.exchange`;
  await channel.assertExchange(exchange, 'direct', { durable: false, autoDelete: false });
  const steps: Record<string, StepQueues> = {};
  for (const stepId of stepIds) {
    const step = stepQueues(flowId, stepId);
    steps[stepId] = step;
    await channel.assertQueue(step.listenQueue, { durable: false, autoDelete: false });
    await channel.assertQueue(step.outputQueue, { durable: false, autoDelete: false });
    for (const key of [step.dataKey, step.errorKey, step.reboundKey, step.snapshotKey]) {
      await channel.bindQueue(step.outputQueue, exchange, key);
    }
  }
  for (const [from, to] of links) {
    const source = steps[from];
    const target = steps[to];
    if (source === undefined || target === undefined) throw new Error(`cannot link unknown steps ${from} -> ${to}`);
    await channel.bindQueue(target.listenQueue, exchange, source.dataKey);
  }
  return { flowId, exchange, steps };
}
