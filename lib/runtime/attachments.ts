/**
 * The platform's attachments, as elastic.io's own components read and write them (component-commons-library's
 * AttachmentProcessor): a URL without `storage_type`, or `storage_type=steward`, is a signed URL read as it is; with
 * `storage_type=maester` it is an object of the platform's object storage, read and written with its token.
 */
import { ValidationError } from '../client/http';

/** An attachment as a message carries it under `attachments[name]`. */
export interface Attachment {
  url: string;
  size?: number;
  'content-type'?: string;
}

/** A GET (or POST) to make: where, and the headers it needs. */
export interface StorageRequest {
  url: string;
  headers: Record<string, string>;
}

const OBJECTS = '/objects/';

/** How to read an attachment's bytes; a storage type the platform does not have is refused, naming `field`. */
export function attachmentRequest(url: string, field: string): StorageRequest {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ValidationError(field, `is not a URL: ${JSON.stringify(url)}`);
  }
  const storageType = parsed.searchParams.get('storage_type') ?? 'steward';
  if (storageType === 'steward') return { url, headers: {} };
  if (storageType !== 'maester') throw new ValidationError(field, `has storage type "${storageType}", which the platform does not have (steward or maester)`);
  const at = parsed.pathname.indexOf(OBJECTS);
  const objectId = at < 0 ? '' : parsed.pathname.slice(at + OBJECTS.length);
  if (objectId === '') throw new ValidationError(field, `names no object of the platform's storage: ${JSON.stringify(url)}`);
  const base = objectStorage().uri ?? `${parsed.origin}${parsed.pathname.slice(0, at)}`;
  return { url: `${base}${OBJECTS}${objectId}`, headers: storageHeaders(field) };
}

/** Where new attachments are stored: `POST {ELASTICIO_OBJECT_STORAGE_URI}/objects`. */
export function newObjectRequest(field: string): StorageRequest {
  const { uri } = objectStorage();
  if (!uri) throw new ValidationError(field, 'needs the platform\'s object storage, and ELASTICIO_OBJECT_STORAGE_URI is not set');
  return { url: `${uri}/objects`, headers: storageHeaders(field) };
}

/** The attachment URL of a stored object. */
export function objectUrl(objectId: string): string {
  return `${objectStorage().uri}${OBJECTS}${encodeURIComponent(objectId)}?storage_type=maester`;
}

function storageHeaders(field: string): Record<string, string> {
  const { token } = objectStorage();
  if (!token) throw new ValidationError(field, 'is in the platform\'s object storage, and ELASTICIO_OBJECT_STORAGE_TOKEN is not set');
  return { Authorization: `Bearer ${token}` };
}

/** Read at each use: the platform sets them per container, tests per case. */
function objectStorage(): { uri?: string; token?: string } {
  const uri = process.env.ELASTICIO_OBJECT_STORAGE_URI?.replace(/\/+$/, '');
  return { uri: uri || undefined, token: process.env.ELASTICIO_OBJECT_STORAGE_TOKEN || undefined };
}
