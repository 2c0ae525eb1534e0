/**
 * The exchange, queues and bindings the platform would create for a flow. Sailor declares none of them:
 * its listen queue must exist before it starts, and output published to an unbound routing key is dropped.
 * Between two steps the platform applies the second step's mapping; here a link's data goes to a
 * mapping queue that the mapper stand-in (mapperStandIn.ts) forwards to the next step's listen queue.
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
  /** The suite's collecting queue, bound to all four of the step's routing keys and to barrierKey. */
  outputQueue: string;
  /** Only the suite publishes with this key: a marker that everything published before it has been collected. */
  barrierKey: string;
}

/** Data of `from` flows through `mappingQueue` (bound to from's data key) into `to`'s listen queue. */
export interface StepLink {
  from: StepQueues;
  to: StepQueues;
  mappingQueue: string;
}

export interface FlowTopology {
  flowId: string;
  exchange: string;
  steps: Record<string, StepQueues>;
  links: StepLink[];
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
    barrierKey: `${prefix}.barrier`,
  };
}

/**
 * Declares the flow's exchange and, per step, its listen queue and collecting queue; per `[from, to]`
 * link a mapping queue bound to `from`'s data key (a direct exchange copies each message to every bound
 * queue, so the step's data also still reaches its collecting queue).
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
    for (const key of [step.dataKey, step.errorKey, step.reboundKey, step.snapshotKey, step.barrierKey]) {
      await channel.bindQueue(step.outputQueue, exchange, key);
    }
  }
  const declaredLinks: StepLink[] = [];
  for (const [fromId, toId] of links) {
    const from = steps[fromId];
    const to = steps[toId];
    if (from === undefined || to === undefined) throw new Error(`cannot link unknown steps ${fromId} -> ${toId}`);
    const mappingQueue = `${flowId}.${fromId}->${toId}:mapping`;
    await channel.assertQueue(mappingQueue, { durable: false, autoDelete: false });
    await channel.bindQueue(mappingQueue, exchange, from.dataKey);
    declaredLinks.push({ from, to, mappingQueue });
  }
  return { flowId, exchange, steps, links: declaredLinks };
}
