/**
 * Answers to the caller of a webhook. Sailor publishes an `httpReply` to the queue the message's `reply_to` header
 * names and throws when there is none: the platform sets it only for flows that answer (real-time, with a reply);
 * any other caller has had the platform's "thank you" already.
 */
import { Logger } from '../client/http';
import { HandlerContext, IncomingMessage } from './context';

/** What `emit('httpReply', ...)` takes. */
export interface HttpReply {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Whether the caller waits for this step's answer. */
export function expectsReply(msg: IncomingMessage): boolean {
  const replyTo = msg.headers?.reply_to;
  return typeof replyTo === 'string' && replyTo !== '';
}

/** Sends `reply` when the caller waits for one; says whether it did. */
export async function replyIfAwaited(context: HandlerContext, msg: IncomingMessage, reply: HttpReply): Promise<boolean> {
  if (!expectsReply(msg)) return false;
  await context.emit('httpReply', reply);
  return true;
}

const told = new Set<string>();

/** Logs `text` at info the first time this process meets `key`: a hint that every message of a flow would repeat. */
export function logOnce(logger: Logger, key: string, text: string): void {
  if (told.has(key)) return;
  told.add(key);
  logger.info(text);
}

/** Forgets what logOnce logged (tests start from a fresh process's state). */
export function forgetLoggedOnce(): void {
  told.clear();
}

const NO_STORE = { 'Cache-Control': 'no-store' };

/**
 * A 302 to `target` with a page linking to it: a platform that drops `Location` still shows a way on. A target that
 * is not an http(s) URL gets a page without a link, never a link of another scheme.
 */
export function redirectReply(target: string | undefined, label: string): HttpReply {
  const url = httpUrl(target);
  if (!url) return { statusCode: 200, headers: { ...NO_STORE, 'Content-Type': 'text/html; charset=utf-8' }, body: page(label, `<p>${escapeHtml(label)}.</p>`) };
  const href = escapeHtml(url);
  const body = page(label, `<meta http-equiv="refresh" content="0;url=${href}">\n<p><a href="${href}">${escapeHtml(label)}</a></p>`);
  return { statusCode: 302, headers: { ...NO_STORE, Location: url, 'Content-Type': 'text/html; charset=utf-8' }, body };
}

/** A refusal: the status and one line of text. */
export function refusalReply(statusCode: number, reason: string): HttpReply {
  return { statusCode, headers: { ...NO_STORE, 'Content-Type': 'text/plain; charset=utf-8' }, body: `${reason}\n` };
}

function httpUrl(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

function page(title: string, content: string): string {
  return `<!doctype html>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n${content}\n`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
