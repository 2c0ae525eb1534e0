/** Publishing a step's input the way the platform does: an encrypted message with a messageId header. */
import { randomUUID } from 'node:crypto';
import type { ConfirmChannel, MessageHeaders } from 'amqplib';
import { MessageCrypto } from './messageCrypto';

/** The message a component's process() receives. */
export interface InputMessage {
  id: string;
  body: Record<string, unknown>;
  headers: Record<string, unknown>;
  attachments: Record<string, unknown>;
}

/**
 * Sends `body` to the queue as one message and waits for the broker's confirm. `messageId` is required:
 * sailor tracks deliveries by it (without one the consumer stalls and SIGTERM hangs).
 */
export async function publishInput(
  channel: ConfirmChannel, queue: string, crypto: MessageCrypto, body: Record<string, unknown>, headers: MessageHeaders = {},
  attachments: Record<string, unknown> = {},
): Promise<string> {
  const messageId = randomUUID();
  const message: InputMessage = { id: messageId, body, headers: {}, attachments };
  channel.sendToQueue(queue, crypto.encrypt(message), {
    contentType: 'application/json',
    contentEncoding: 'utf8',
    headers: { messageId, threadId: randomUUID(), ...headers },
  });
  await channel.waitForConfirms();
  return messageId;
}
