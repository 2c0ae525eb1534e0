import { randomUUID } from 'node:crypto';
import { PlatformMessage } from '../../lib/runtime/messages';
import { readJsonObject } from '../jsonFile';

/** The message as sailor hands it to `process`: the shape the component emits too, plus a webhook request's parts. */
export type SailorMessage = PlatformMessage & { query?: Record<string, unknown>; method?: string; url?: string; additionalUrlPath?: string };

/** What the platform adds to a webhook trigger's message: the request's query, method and URL. */
const WEBHOOK_KEYS = ['query', 'method', 'url', 'additionalUrlPath'] as const;
const MESSAGE_KEYS = new Set<string>(['id', 'body', 'headers', 'attachments', 'metadata', ...WEBHOOK_KEYS]);

/**
 * The message for `--msg file`: the file is the body, unless it is shaped like a whole message
 * (`{"body": ...}` with only id/body/headers/attachments/metadata keys, and a webhook's query/method/url), as copied
 * from a platform log.
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
    ...(whole ? Object.fromEntries(WEBHOOK_KEYS.filter((key) => content[key] !== undefined).map((key) => [key, content[key]])) : {}),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
