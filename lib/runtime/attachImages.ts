/**
 * Pictures out: the Image records of an emitted message copied into the platform's object storage and carried as
 * its attachments, for flows that take the pictures to another system. Each picture is streamed from its `url`
 * straight into the storage, never held whole in memory.
 */
import { PassThrough, Readable } from 'node:stream';
import axios from 'axios';
import { JsonRecord, isRecord } from '../catalog/records';
import { ComponentError } from '../client/http';
import { Attachment, newObjectRequest, objectUrl } from './attachments';

const TIMEOUT_MS = 120_000;
const FIELD = 'attachImages';

/** Refuses "Attach images" before any request when the platform gives no object storage. */
export function checkAttachImages(): void {
  newObjectRequest(FIELD);
}

/** The Image records in records: Images themselves, or the `Images` relation of an Item or ItemMatrix. */
export function imagesIn(records: JsonRecord[]): JsonRecord[] {
  return records.flatMap((record) => {
    if (typeof record.imageID === 'number' || typeof record.publicID === 'string') return [record];
    const container = record.Images;
    const list = isRecord(container) ? container.Image : undefined;
    return Array.isArray(list) ? list.filter(isRecord) : [];
  });
}

/** Copies each image's picture into the platform's storage; the attachments by name (`{imageID}-{filename}`). */
export async function attachImages(images: JsonRecord[]): Promise<Record<string, Attachment>> {
  const attachments: Record<string, Attachment> = {};
  for (const image of images) {
    if (typeof image.url !== 'string') continue;
    attachments[`${String(image.imageID)}-${String(image.filename ?? 'image.jpg')}`] = await copyToStorage(image.url);
  }
  return attachments;
}

async function copyToStorage(url: string): Promise<Attachment> {
  const source = await axios.get<Readable>(url, { responseType: 'stream', timeout: TIMEOUT_MS, validateStatus: () => true, maxRedirects: 5 })
    .catch((error: unknown) => { throw failed(url, axios.isAxiosError(error) ? error.code ?? 'no answer' : String(error)); });
  if (source.status !== 200) {
    source.data.destroy();
    throw failed(url, `answered ${source.status}`);
  }
  const contentType = String(source.headers['content-type'] ?? 'image/jpeg');
  const length = Number(source.headers['content-length']);
  const target = newObjectRequest(FIELD);
  const headers: Record<string, string> = { ...target.headers, 'Content-Type': contentType };
  if (Number.isFinite(length)) headers['Content-Length'] = String(length);
  let size = 0;
  const counted = source.data.pipe(new PassThrough({ transform(chunk: Buffer, _encoding, done) { size += chunk.length; done(null, chunk); } }));
  const stored = await axios.post<{ objectId?: string }>(target.url, counted, { headers, timeout: TIMEOUT_MS, validateStatus: () => true, maxRedirects: 0, maxBodyLength: Infinity });
  const objectId = stored.data?.objectId;
  if (stored.status >= 300 || typeof objectId !== 'string') {
    throw new ComponentError(`${FIELD}: the platform's storage answered ${stored.status} to storing the picture at ${url}`);
  }
  return { url: objectUrl(objectId), size, 'content-type': contentType };
}

function failed(url: string, reason: string): ComponentError {
  return new ComponentError(`${FIELD}: the picture at ${url} could not be read (${reason})`);
}
