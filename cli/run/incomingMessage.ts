import { randomUUID } from 'node:crypto';
import { PlatformMessage } from '../../lib/runtime/messages';
import { readJsonObject } from '../jsonFile';

/** The message as sailor hands it to `process`: the shape the component emits too. */
export type SailorMessage = PlatformMessage;

const MESSAGE_KEYS = new Set(['id', 'body', 'headers', 'attachments', 'metadata']);

/**
 * The message for `--msg file`: the file is the body, unless it is shaped like a whole message
 * (`{"body": ...}` with only id/body/headers/attachments/metadata keys), as copied from a platform log.
 */
export function loadMessage(path: string | undefined): SailorMessage {
  const content = path === undefined ? {} : readJsonObject(path, '--msg');
  const whole = 'body' in content && Object.keys(content).every((key) => MESSAGE_KEYS.has(key));
  const part = (key: string) => (whole && isObject(content[key]) ? content[key] as Record<string, unknown> : {});
  return {
    id: whole && typeof content.id === 'string' ? content.id : randomUUID(),
    body: whole ? content.body : content,
    headers: part('headers'),
    attachments: part('attachments'),
    metadata: part('metadata'),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
