/** Small HTTP helpers: body reading, form/JSON/multipart parsing, Basic auth, JSON responses. */
import { IncomingMessage } from 'node:http';

const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Uploads (multipart) may carry an image larger than a JSON body ever is. */
const MAX_MULTIPART_BYTES = 32 * 1024 * 1024;

/** Reads the whole request body (up to 10 MB, 32 MB for a multipart upload). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  const limit = /^multipart\//i.test(req.headers['content-type'] ?? '') ? MAX_MULTIPART_BYTES : MAX_BODY_BYTES;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Parses a multipart/form-data body into its text fields. */
function parseMultipart(body: string, contentType: string): Record<string, string> {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  const fields: Record<string, string> = {};
  if (!boundary) return fields;
  for (const part of body.split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) continue;
    const name = /name="([^"]+)"/i.exec(part.slice(0, split))?.[1];
    if (name) fields[name] = part.slice(split + 4).replace(/\r\n$/, '');
  }
  return fields;
}

/**
 * Parses a token-endpoint body: JSON, x-www-form-urlencoded or multipart/form-data. Returns null
 * when the body cannot be read as any of them.
 */
export function parseFormBody(raw: Buffer, contentType: string | undefined): Record<string, string> | null {
  const text = raw.toString('utf8');
  const type = (contentType ?? '').toLowerCase();
  const fromEntries = (entries: Iterable<[string, unknown]>): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [k, v] of entries) if (v !== null && v !== undefined && typeof v !== 'object') out[k] = String(v);
    return out;
  };
  if (type.includes('multipart/form-data')) return parseMultipart(text, contentType ?? '');
  if (type.includes('application/json') || (!type.includes('urlencoded') && text.trim().startsWith('{'))) {
    try {
      const parsed: unknown = JSON.parse(text || '{}');
      return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? fromEntries(Object.entries(parsed)) : null;
    } catch {
      return null;
    }
  }
  return fromEntries(new URLSearchParams(text));
}

/** Client id and secret from an `Authorization: Basic` header, if present. */
export function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  const match = /^Basic\s+(.+)$/i.exec(header ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  const safe = (text: string): string => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  return { id: safe(decoded.slice(0, colon)), secret: safe(decoded.slice(colon + 1)) };
}

/** Bearer token from the Authorization header. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}
