import { randomUUID } from 'node:crypto';

/** A platform message: sailor publishes `id` as the AMQP messageId, and the next step drops repeated ids. */
export interface PlatformMessage {
  id: string;
  body: unknown;
  headers: Record<string, unknown>;
  attachments: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** A new message with a unique id (randomUUID: a fraction of the cost of uuid@3's per-call randomBytes). */
export function newMessage(body: unknown, attachments: Record<string, unknown> = {}): PlatformMessage {
  return { id: randomUUID(), body, headers: {}, attachments, metadata: {} };
}
