/**
 * Records too many for a message body, read from the message's attachment (a JSON array): a signed URL or an object
 * of the platform's storage, as Upload Image reads its picture (attachments.ts). Read whole: 10,000 records are a few
 * MB, and the sync needs them all to look their keys up 100 at a time.
 */
import http from 'node:http';
import https from 'node:https';
import axios from 'axios';
import { ComponentError, ValidationError } from '../client/http';
import { attachmentRequest } from './attachments';
import type { Attachment } from './attachments';

/** More than 10,000 records of any sensible size; a bigger file is most likely not the records. */
export const MAX_RECORDS_ATTACHMENT_BYTES = 64 * 1024 * 1024;

const downloads = axios.create({
  httpAgent: new http.Agent({ keepAlive: true }),
  httpsAgent: new https.Agent({ keepAlive: true }),
  responseType: 'text',
  transformResponse: [(data: unknown) => data],
  validateStatus: () => true,
  timeout: 120_000,
  maxContentLength: MAX_RECORDS_ATTACHMENT_BYTES,
});

/** The attachment's content parsed as JSON; errors name `field` (`attachments["products.json"]`). */
export async function readJsonAttachment(field: string, attachment: Attachment): Promise<unknown> {
  const size = Number(attachment.size);
  if (attachment.size !== undefined && Number.isFinite(size) && size > MAX_RECORDS_ATTACHMENT_BYTES) {
    throw new ValidationError(field, `is ${size} bytes; the limit is ${MAX_RECORDS_ATTACHMENT_BYTES / (1024 * 1024)} MB`);
  }
  const request = attachmentRequest(attachment.url, field);
  const response = await downloads.get<string>(request.url, { headers: request.headers, maxRedirects: Object.keys(request.headers).length === 0 ? 5 : 0 })
    .catch((error: unknown) => {
      const reason = axios.isAxiosError(error) ? error.code ?? error.message : String(error);
      throw new ComponentError(`${field}: the records could not be downloaded (${reason})`);
    });
  if (response.status < 200 || response.status >= 300) throw new ComponentError(`${field}: downloading the records answered ${response.status}`);
  const text = typeof response.data === 'string' ? response.data : String(response.data);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    const start = text.trimStart().slice(0, 24);
    throw new ValidationError(field, `is not JSON (it starts ${JSON.stringify(start)}): it must hold an array of records`);
  }
}
