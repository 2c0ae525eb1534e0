/**
 * The platform's attachment storage over real HTTP, both kinds of URL a message's attachment may carry:
 *   GET  /signed/{name}?sig=...            steward: a signed URL, read as it is, no credentials
 *   GET  /objects/{id}                     maester: an object, read with `Authorization: Bearer {token}`
 *   POST /objects                          maester: stores the body, answers {objectId}
 * A handler for a server of its own (start) or inside another one (the e2e platform stand-in).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';

export interface StoredObject {
  bytes: Buffer;
  contentType: string;
}

/** What a message carries under `attachments[name]`. */
export interface AttachmentRef {
  url: string;
  size: number;
  'content-type': string;
}

export class ObjectStorage {
  readonly token = `storage-${randomBytes(8).toString('hex')}`;
  readonly objects = new Map<string, StoredObject>();
  readonly signed = new Map<string, StoredObject>();
  /** `METHOD path -> status` of every request, for asserting what was read and written. */
  readonly requests: string[] = [];
  private server?: http.Server;

  /** `url` is where the storage is reached from outside (the stand-in's or its own base URL). */
  constructor(public url = '') {}

  /** A storage on its own loopback port. */
  static async start(): Promise<ObjectStorage> {
    const storage = new ObjectStorage();
    const server = http.createServer((request, response) => {
      if (!storage.handle(request, response)) end(response, 404, 'text/plain', Buffer.from('not found'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    storage.server = server;
    storage.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return storage;
  }

  /** The environment the platform gives a component for this storage. */
  get env(): Record<string, string> {
    return { ELASTICIO_OBJECT_STORAGE_URI: this.url, ELASTICIO_OBJECT_STORAGE_TOKEN: this.token };
  }

  /** Puts bytes in the object storage; the attachment as a message carries it (`?storage_type=maester`). */
  maesterAttachment(bytes: Buffer, contentType: string): AttachmentRef {
    const id = randomBytes(8).toString('hex');
    this.objects.set(id, { bytes, contentType });
    return { url: `${this.url}/objects/${id}?storage_type=maester`, size: bytes.length, 'content-type': contentType };
  }

  /** Serves bytes at a signed URL (steward); the attachment as a message carries it. */
  signedAttachment(name: string, bytes: Buffer, contentType: string): AttachmentRef {
    const sig = randomBytes(8).toString('hex');
    this.signed.set(`${encodeURIComponent(name)}?sig=${sig}`, { bytes, contentType });
    return { url: `${this.url}/signed/${encodeURIComponent(name)}?sig=${sig}`, size: bytes.length, 'content-type': contentType };
  }

  /** The stored object an attachment URL of this storage names. */
  objectAt(url: string): StoredObject | undefined {
    const id = /\/objects\/([^/?]+)/.exec(url)?.[1];
    return id === undefined ? undefined : this.objects.get(decodeURIComponent(id));
  }

  /** Answers a storage request; false when the path is not the storage's. */
  handle(request: http.IncomingMessage, response: http.ServerResponse): boolean {
    const url = new URL(request.url ?? '/', 'http://storage.local');
    const method = request.method ?? 'GET';
    const log = (status: number): void => { this.requests.push(`${method} ${url.pathname} -> ${status}`); };
    if (method === 'GET' && url.pathname.startsWith('/signed/')) {
      const found = this.signed.get(`${url.pathname.slice('/signed/'.length)}${url.search}`);
      log(found ? 200 : 403);
      if (found) end(response, 200, found.contentType, found.bytes);
      else end(response, 403, 'text/plain', Buffer.from('signature does not match'));
      return true;
    }
    if (!url.pathname.startsWith('/objects')) return false;
    if (request.headers.authorization !== `Bearer ${this.token}`) {
      log(401);
      end(response, 401, 'application/json', Buffer.from('{"message":"Unauthorized"}'));
      return true;
    }
    if (method === 'POST' && url.pathname.replace(/\/$/, '') === '/objects') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const id = randomBytes(8).toString('hex');
        this.objects.set(id, { bytes: Buffer.concat(chunks), contentType: request.headers['content-type'] ?? 'application/octet-stream' });
        log(201);
        end(response, 201, 'application/json', Buffer.from(JSON.stringify({ objectId: id })));
      });
      return true;
    }
    const found = method === 'GET' ? this.objectAt(url.pathname) : undefined;
    log(found ? 200 : 404);
    if (found) end(response, 200, found.contentType, found.bytes);
    else end(response, 404, 'application/json', Buffer.from('{"message":"Object not found"}'));
    return true;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  }
}

function end(response: http.ServerResponse, status: number, contentType: string, body: Buffer): void {
  response.writeHead(status, { 'Content-Type': contentType, 'Content-Length': String(body.length) });
  response.end(body);
}

/** Bytes that start like a JPEG (what the component checks), then `size - 4` pseudo-random bytes. */
export function jpegBytes(size: number, seed = 1): Buffer {
  const bytes = Buffer.alloc(size);
  let state = seed;
  for (let index = 0; index < size; index += 1) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[index] = state >> 16;
  }
  bytes.set([0xff, 0xd8, 0xff, 0xe0].slice(0, size));
  return bytes;
}
