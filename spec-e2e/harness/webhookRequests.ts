/**
 * A webhook request as the platform hands it to a webhook trigger's step: the message carries the request's query
 * (also the body, for a GET), headers, method and URL; a flow that answers its caller (real-time, with a reply) sets
 * the AMQP header `reply_to`, the routing key sailor publishes the step's `httpReply` with. The replies are caught on
 * a queue bound to that key.
 */
import { randomUUID } from 'node:crypto';
import type { Channel, ConfirmChannel, Connection } from 'amqplib';
import { MessageCrypto } from './messageCrypto';
import { waitFor } from './waitFor';

/** What a step answers with `emit('httpReply', ...)`. */
export interface HttpReply {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Publishes a GET with `query` to the step's listen queue; with `replyTo`, as a flow that waits for the answer. */
export async function publishWebhook(
  channel: ConfirmChannel, queue: string, crypto: MessageCrypto, query: Record<string, string>, replyTo?: string,
): Promise<string> {
  const messageId = randomUUID();
  const message = {
    id: messageId, body: query, query, method: 'GET', url: `/hook/flow?${new URLSearchParams(query).toString()}`,
    headers: { host: 'in.tenant.example', 'x-forwarded-proto': 'https', 'user-agent': 'Lightspeed Retail POS' }, attachments: {},
  };
  channel.sendToQueue(queue, crypto.encrypt(message), {
    contentType: 'application/json',
    contentEncoding: 'utf8',
    headers: { messageId, threadId: randomUUID(), ...(replyTo ? { reply_to: replyTo } : {}) },
  });
  await channel.waitForConfirms();
  return messageId;
}

/** The answers sailor publishes to the flow's exchange with one reply_to key, decrypted. */
export class ReplyQueue {
  readonly replies: HttpReply[] = [];
  /** Errors sailor sends to reply_to as well (header x-eio-error-response). */
  readonly errors: unknown[] = [];

  private constructor(private readonly channel: Channel, readonly key: string) {}

  static async bind(connection: Connection, exchange: string, crypto: MessageCrypto): Promise<ReplyQueue> {
    const channel = await connection.createChannel();
    const key = `reply.${randomUUID()}`;
    const queue = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue.queue, exchange, key);
    const replies = new ReplyQueue(channel, key);
    await channel.consume(queue.queue, (message) => {
      if (message === null) return;
      const decoded = crypto.decrypt(message.content);
      if (message.properties.headers?.['x-eio-error-response']) replies.errors.push(decoded);
      else replies.replies.push(decoded as HttpReply);
      channel.ack(message);
    });
    return replies;
  }

  async waitForReplies(count: number, timeoutMs = 20_000): Promise<HttpReply[]> {
    return waitFor(`${count} replies on ${this.key} (have ${this.replies.length})`, () => this.replies.length >= count && this.replies, { timeoutMs });
  }

  async close(): Promise<void> {
    await this.channel.close();
  }
}
