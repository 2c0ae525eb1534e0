/**
 * Image uploads as Lightspeed takes them: `POST Item/{itemID}/Image.json` (or ItemMatrix/..., or Image.json with the
 * parent in `data`) as multipart/form-data with a JSON part `data` and a file part `image`. The bytes are kept and
 * served under `{baseUrl}/images/`, the record's `baseImageURL`, the way Lightspeed's image host serves them.
 */
import { createHash } from 'node:crypto';
import { ApiRequest } from './context';
import { SimulatorCore } from './core';
import { FormPart, multipartBoundary, parseMultipartBytes } from './multipart';
import { isRecord } from './packageRoot';
import { ApiError, SimResponse, WireObject } from './types';
import { toWire } from './wire';

/** The file part of an upload, beside the request's `data`. */
export interface ImageFile {
  bytes: Buffer;
  filename: string;
  contentType: string;
}

const PARENTS = [{ key: 'itemID', table: 'Item' }, { key: 'itemMatrixID', table: 'ItemMatrix' }] as const;

/** Whether a request writes an Image (the upload endpoints). */
export function isImageUpload(req: ApiRequest | null, method: string): boolean {
  return req !== null && method === 'POST' && req.entity.table === 'Image';
}

/** The `data` JSON and the `image` file of an upload body; 400 in Lightspeed's words when either is missing or bad. */
export function parseImageUpload(raw: Buffer, contentType: string | undefined): { data: Record<string, unknown>; file: ImageFile } {
  const boundary = multipartBoundary(contentType);
  if (!boundary) throw badUpload(`Image uploads must be multipart/form-data, got ${contentType ?? 'no Content-Type'}`);
  const parts = parseMultipartBytes(raw, boundary);
  if (!parts) throw badUpload('The multipart body is malformed');
  const dataPart = parts.find((part) => part.name === 'data');
  const imagePart = parts.find((part) => part.name === 'image');
  if (!dataPart) throw badUpload('The "data" part is missing');
  const data = parseData(dataPart);
  if (!imagePart || imagePart.filename === undefined) throw badUpload('The "image" file part is missing');
  if (imagePart.bytes.length === 0) throw badUpload('The "image" file is empty');
  return { data, file: { bytes: imagePart.bytes, filename: imagePart.filename, contentType: imagePart.contentType ?? 'application/octet-stream' } };
}

/** Creates the Image record of an upload and keeps its bytes; answers the record. */
export function handleImageUpload(req: ApiRequest, core: SimulatorCore, file: ImageFile): SimResponse {
  const data = isRecord(req.body) ? req.body : {};
  const parents: WireObject = {};
  PARENTS.forEach(({ key, table }) => {
    const fromPath = req.entity.parentKeys[0] === key ? req.parentValues[0] : undefined;
    const value = fromPath ?? (data[key] === undefined ? undefined : String(data[key]));
    if (value === undefined || value === '0') return;
    if (!core.store.get(table, Number(value))) throw new ApiError(404, `${table} ${value} not found`, 'NotFoundException');
    parents[key] = value;
  });
  if (Object.keys(parents).length === 0) throw badUpload('An image needs an itemID or an itemMatrixID');
  // Random-looking like Lightspeed's, yet the same for the same seed and uploads: a fresh run answers as the docs show.
  const publicID = `sim${createHash('sha256').update(`${core.options.seed}/${core.images.size}/`).update(file.bytes).digest('hex').slice(0, 16)}`;
  core.images.set(publicID, { bytes: file.bytes, contentType: file.contentType });
  const row = core.store.create('Image', {
    description: toWire(data.description ?? ''),
    ordering: toWire(data.ordering ?? 0),
    filename: toWire(data.filename ?? file.filename),
    publicID,
    baseImageURL: `${core.baseUrl}/images/`,
    size: String(file.bytes.length),
    itemID: parents.itemID ?? '0',
    itemMatrixID: parents.itemMatrixID ?? '0',
  });
  return { status: 200, body: { '@attributes': { count: '1' }, Image: row } };
}

/**
 * GET `/images/{settings/}{publicID}.{ext}`: the stored bytes, whatever the settings and extension (the real host
 * resizes and converts; the simulator answers the original so a download can be compared byte for byte).
 */
export function serveImage(core: SimulatorCore, pathname: string): SimResponse {
  const file = /\/([^/.]+)(?:\.[a-z]+)?$/i.exec(pathname)?.[1];
  const image = file === undefined ? undefined : core.images.get(file);
  if (!image) return { status: 404, body: '', rawBody: 'Not found', contentType: 'text/plain' };
  return { status: 200, body: '', rawBytes: image.bytes, contentType: image.contentType };
}

function parseData(part: FormPart): Record<string, unknown> {
  try {
    const data: unknown = JSON.parse(part.bytes.toString('utf8'));
    if (isRecord(data)) return data;
  } catch {
    // answered below
  }
  throw badUpload('The "data" part must be a JSON object');
}

function badUpload(message: string): ApiError {
  return new ApiError(400, message, 'ValidationException');
}
