/**
 * An image to upload, checked before anything goes to Lightspeed: not empty, not over the limit, and really a JPEG,
 * PNG or GIF (by its first bytes, whatever it claims to be). A download is streamed into the upload as it arrives
 * (or, without a known length, through a temporary file), so an upload never holds the picture whole in memory.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, pipeline as streamPipeline, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import axios, { AxiosResponse } from 'axios';
import { IMAGE_EXTENSIONS, MAX_IMAGE_BYTES } from '../catalog/images';
import { ComponentError, ValidationError } from '../client/http';
import { ImageFile } from '../client/imageApi';
import type { ImageSource } from '../input/imageInput';
import { attachmentRequest, StorageRequest } from './attachments';
import { fileKind } from './fileKind';

/** An image ready to upload; `dispose` removes its temporary file. */
export interface LocalImage extends ImageFile {
  dispose(): Promise<void>;
}

/** What is known of a download before it starts. */
export interface DownloadHints {
  /** File name to give Lightspeed; else the URL's last segment. */
  filename?: string;
  /** Content type the message declares (an attachment's `content-type`). */
  declaredType?: string;
  /** Size the message declares (an attachment's `size`). */
  declaredSize?: number;
}

const DOWNLOAD_TIMEOUT_MS = 120_000;
/** Enough of a file to tell its format by its signature, or what else it is (a web page's doctype). */
const HEAD_BYTES = 64;
const SIGNATURES: ReadonlyArray<[string, number[]]> = [
  ['image/jpeg', [0xff, 0xd8, 0xff]],
  ['image/png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['image/gif', [0x47, 0x49, 0x46, 0x38]],
];

const downloads = axios.create({
  httpAgent: new http.Agent({ keepAlive: true }),
  httpsAgent: new https.Agent({ keepAlive: true }),
  responseType: 'stream',
  validateStatus: () => true,
  timeout: DOWNLOAD_TIMEOUT_MS,
});

/** The image of an Upload Image, checked and ready: base64 from memory, a URL or an attachment from a local copy. */
export function readImage(source: ImageSource): Promise<LocalImage> {
  if (source.kind === 'base64') return Promise.resolve(imageFromBytes(source.field, source.bytes, source.filename));
  if (source.kind === 'url') return downloadImage(source.field, { url: source.url, headers: {} });
  const { attachment } = source;
  const size = Number(attachment.size);
  return downloadImage(source.field, attachmentRequest(attachment.url, source.field), {
    filename: source.name,
    declaredType: typeof attachment['content-type'] === 'string' ? attachment['content-type'] : undefined,
    declaredSize: Number.isFinite(size) && attachment.size !== undefined ? size : undefined,
  });
}

/** An image given as bytes (decoded base64): checked, and read from memory for each attempt. */
export function imageFromBytes(field: string, bytes: Buffer, filename: string): LocalImage {
  const contentType = checkedType(field, bytes.length, bytes.subarray(0, HEAD_BYTES), undefined);
  return {
    filename: withExtension(filename, contentType), contentType, size: bytes.length,
    open: () => Readable.from([bytes]),
    dispose: async () => undefined,
  };
}

/** Refuses what a message declares about an attachment before downloading it: too large, or not an image. */
export function checkDeclared(field: string, hints: DownloadHints): void {
  if (hints.declaredSize !== undefined) checkSize(field, hints.declaredSize);
  const type = hints.declaredType?.trim().toLowerCase();
  if (type && !type.startsWith('image/') && type !== 'application/octet-stream') {
    throw new ValidationError(field, `is ${type}, not an image (JPEG, PNG or GIF)`);
  }
}

/**
 * An image from a URL, refused (naming `field`) when empty, too large or not an image. With a known length it is
 * streamed from the download straight into the upload (its first bytes checked before anything is sent), and
 * downloaded again for another attempt; without one it goes to a temporary file first, to be measured.
 */
export async function downloadImage(field: string, request: StorageRequest, hints: DownloadHints = {}): Promise<LocalImage> {
  checkDeclared(field, hints);
  const response = await fetchImage(field, request);
  const served = typeof response.headers['content-type'] === 'string' ? response.headers['content-type'] : undefined;
  const declared = hints.declaredType ?? served;
  const name = (contentType: string): string => withExtension(hints.filename ?? lastSegment(request.url), contentType);
  const length = Number(response.headers['content-length']);
  if (!Number.isFinite(length)) return toTemporaryFile(field, response.data, declared, name);
  checkSizeOrDrop(field, length, response.data);
  const { head, stream } = await readHead(response.data);
  let contentType: string;
  try {
    contentType = checkedType(field, length, head, declared);
  } catch (error) {
    stream.destroy();
    throw error;
  }
  let pending: Readable | undefined = stream;
  return {
    filename: name(contentType), contentType, size: length,
    open: () => {
      const source = pending ?? refetched(field, request, length);
      pending = undefined;
      return exactly(field, source, length);
    },
    dispose: async () => { pending?.destroy(); pending = undefined; },
  };
}

async function fetchImage(field: string, request: StorageRequest): Promise<AxiosResponse<Readable>> {
  // A public picture may move (http to https, a CDN); a request carrying the storage token goes nowhere else.
  const maxRedirects = Object.keys(request.headers).length === 0 ? 5 : 0;
  const response = await downloads.get<Readable>(request.url, { headers: request.headers, maxRedirects }).catch((error: unknown) => {
    throw new ComponentError(`${field}: the image could not be downloaded (${axios.isAxiosError(error) ? error.code ?? 'no answer' : String(error)})`);
  });
  if (response.status < 200 || response.status >= 300) {
    response.data.destroy();
    throw new ComponentError(`${field}: downloading the image answered ${response.status}`);
  }
  return response;
}

/** The picture downloaded once more for another attempt, as a stream at once (the upload's body is built now). */
function refetched(field: string, request: StorageRequest, length: number): Readable {
  const out = new PassThrough();
  fetchImage(field, request).then((response) => {
    const again = Number(response.headers['content-length']);
    if (again !== length) throw new ComponentError(`${field}: the image changed between two downloads (${length} bytes, then ${again})`);
    streamPipeline(response.data, out, () => undefined);
  }).catch((error: unknown) => out.destroy(error as Error));
  return out;
}

/** The source, failing when it carries more or fewer bytes than announced (the multipart length counts on them). */
function exactly(field: string, source: Readable, length: number): Readable {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > length ? new ComponentError(`${field}: the download carried more than its ${length} bytes`) : null, chunk);
    },
    flush(done) {
      done(size < length ? new ComponentError(`${field}: the download ended after ${size} of ${length} bytes`) : null);
    },
  });
  streamPipeline(source, counter, () => undefined);
  return counter;
}

/** The first bytes of a stream, and the stream to read from the start (the bytes put back). */
function readHead(stream: Readable): Promise<{ head: Buffer; stream: Readable }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (ended: boolean): void => {
      stream.off('readable', onReadable).off('end', onEnd).off('error', reject);
      const head = Buffer.concat(chunks);
      if (ended) resolve({ head, stream: Readable.from(chunks) });
      else {
        if (head.length > 0) stream.unshift(head);
        resolve({ head, stream });
      }
    };
    const onReadable = (): void => {
      let chunk: Buffer | null;
      while (size < HEAD_BYTES && (chunk = stream.read() as Buffer | null) !== null) {
        chunks.push(chunk);
        size += chunk.length;
      }
      if (size >= HEAD_BYTES) finish(false);
    };
    const onEnd = (): void => finish(true);
    stream.on('readable', onReadable).once('end', onEnd).once('error', reject);
  });
}

/** Without a known length: the download measured into a temporary file, then read from it for each attempt. */
async function toTemporaryFile(field: string, source: Readable, declared: string | undefined, name: (contentType: string) => string): Promise<LocalImage> {
  const directory = await mkdtemp(path.join(tmpdir(), 'lightspeed-image-'));
  const file = path.join(directory, 'image');
  const dispose = (): Promise<void> => rm(directory, { recursive: true, force: true });
  try {
    const { size, head } = await saveTo(field, source, file);
    const contentType = checkedType(field, size, head, declared);
    return { filename: name(contentType), contentType, size, open: () => createReadStream(file), dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** Writes the stream to `file`, counting bytes and stopping past the limit; keeps the first bytes for the type. */
async function saveTo(field: string, source: Readable, file: string): Promise<{ size: number; head: Buffer }> {
  let size = 0;
  let head = Buffer.alloc(0);
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
      done(size > MAX_IMAGE_BYTES ? tooLarge(field, size, true) : null, chunk);
    },
  });
  await pipeline(source, counter, createWriteStream(file)).catch((error: unknown) => {
    if (error instanceof ValidationError) throw error;
    throw new ComponentError(`${field}: the download of the image broke off after ${size} bytes (${(error as Error).message})`);
  });
  return { size, head };
}

function checkedType(field: string, size: number, head: Buffer, declared: string | undefined): string {
  if (size === 0) throw new ValidationError(field, 'is an empty file: there is no image to upload');
  checkSize(field, size);
  const sniffed = SIGNATURES.find(([, signature]) => signature.every((byte, index) => head[index] === byte))?.[0];
  if (!sniffed) throw new ValidationError(field, `is not a JPEG, PNG or GIF image: ${whatItIs(head, declared)}`);
  return sniffed;
}

/** `the file is text, though labelled image/jpeg`: what the bytes are, and the label only where it claims otherwise. */
function whatItIs(head: Buffer, declared: string | undefined): string {
  const kind = fileKind(head);
  const bytes = kind === undefined ? 'its first bytes are no known format' : `the file is ${kind}`;
  if (!declared) return bytes;
  return declared.trim().toLowerCase().startsWith('image/') ? `${bytes}, though labelled ${declared}` : `${bytes} (labelled ${declared})`;
}

function checkSize(field: string, size: number): void {
  if (size > MAX_IMAGE_BYTES) throw tooLarge(field, size, false);
}

function checkSizeOrDrop(field: string, size: number, stream: Readable): void {
  if (size <= MAX_IMAGE_BYTES) return;
  stream.destroy();
  throw tooLarge(field, size, false);
}

function tooLarge(field: string, size: number, atLeast: boolean): ValidationError {
  return new ValidationError(field, `is ${atLeast ? 'over ' : ''}${size} bytes; the limit is ${MAX_IMAGE_BYTES} bytes (${MAX_IMAGE_BYTES / (1024 * 1024)} MB)`);
}

/** `photo` -> `photo.jpg`: Lightspeed's host names the format by the extension. */
function withExtension(filename: string, contentType: string): string {
  const name = filename.trim() || 'image';
  return /\.[A-Za-z0-9]{2,5}$/.test(name) ? name : `${name}.${IMAGE_EXTENSIONS[contentType]}`;
}

function lastSegment(url: string): string {
  const segment = new URL(url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
