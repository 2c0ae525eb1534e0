/**
 * The platform's mapping between two steps. Sailor does not map: on the platform the next step receives
 * the body its mapping produced (e.g. `{id: itemID}` for a lookup), not the previous step's raw record.
 * This forwards each data message of a link to the next step's listen queue with the mapped body,
 * keeping the message id and the AMQP headers (messageId, threadId, ...).
 */
import type { Channel, Connection, Message } from 'amqplib';
import { StepLink } from './flowTopology';
import { MessageCrypto } from './messageCrypto';
import { EmittedMessage } from './stepOutputs';

export type BodyMapping = (body: Record<string, unknown>) => Record<string, unknown>;

export class MapperStandIn {
  forwarded = 0;
  readonly failures: string[] = [];

  private constructor(private readonly channel: Channel) {}

  static async start(connection: Connection, link: StepLink, crypto: MessageCrypto, mapping: BodyMapping): Promise<MapperStandIn> {
    const channel = await connection.createChannel();
    const mapper = new MapperStandIn(channel);
    await channel.consume(link.mappingQueue, (message) => {
      if (message === null) return;
      mapper.forward(message, link, crypto, mapping);
      channel.ack(message);
    });
    return mapper;
  }

  async close(): Promise<void> {
    await this.channel.close();
  }

  private forward(message: Message, link: StepLink, crypto: MessageCrypto, mapping: BodyMapping): void {
    try {
      const emitted = crypto.decrypt(message.content) as EmittedMessage;
      const mapped = { id: emitted.id, body: mapping(emitted.body), headers: {}, attachments: {} };
      this.channel.sendToQueue(link.to.listenQueue, crypto.encrypt(mapped), {
        contentType: 'application/json',
        contentEncoding: 'utf8',
        headers: { ...message.properties.headers, protocolVersion: 1 },
      });
      this.forwarded++;
    } catch (error) {
      this.failures.push((error as Error).message);
    }
  }
}
