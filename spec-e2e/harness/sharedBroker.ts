/** The one broker all specs share: started on first use, stopped by the root hook or the cleanup spec. */
import { RabbitBroker } from './rabbitBroker';

let starting: Promise<RabbitBroker> | undefined;

/** Starts the broker the first time, then returns the same one. */
export function sharedBroker(): Promise<RabbitBroker> {
  starting ??= RabbitBroker.start().then((broker) => {
    console.log(`      (RabbitMQ node ${broker.nodeName} on port ${broker.amqpPort}, started in ${broker.startSeconds.toFixed(1)} s)`);
    return broker;
  });
  return starting;
}

/** Stops the broker if it was started (idempotent). */
export async function stopSharedBroker(): Promise<void> {
  if (starting === undefined) return;
  const broker = await starting.catch(() => undefined);
  await broker?.stop();
}

/** Whether any spec asked for the broker during this run. */
export function brokerWasStarted(): boolean {
  return starting !== undefined;
}
