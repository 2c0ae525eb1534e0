/** Upload Image's step fields and message, checked before anything is downloaded or sent. */
import { getEntity } from '../catalog';
import { IMAGE_OWNERS, MAX_IMAGE_BYTES, uploadImageSchema } from '../catalog/images';
import { fieldSchema } from '../catalog/fieldSchemas';
import { JsonSchema } from '../catalog/jsonSchema';
import { MatchField } from '../catalog/matchFields';
import { isRecord } from '../catalog/records';
import { EntitySpec } from '../catalog/types';
import { ValidationError } from '../client/http';
import { ImageParent } from '../client/imageApi';
import type { Attachment } from '../runtime/attachments';
import { IncomingMessage, StepConfig } from '../runtime/context';
import { didYouMean } from '../text/suggest';
import { matchFieldFromConfig } from './matchInput';
import { bodyObject, validated } from './validate';

/** Where the picture comes from; `field` is what an error about it names. */
export type ImageSource =
  | { kind: 'attachment'; field: string; name: string; attachment: Attachment }
  | { kind: 'url'; field: 'body.imageUrl'; url: string }
  | { kind: 'base64'; field: 'body.imageBase64'; bytes: Buffer; filename: string };

/** The record by its ID, or by a key the other system knows (customSku...). */
export type ImageTarget = { id: number } | { field: MatchField; value: string };

export interface UploadImageInput {
  parent: ImageParent;
  entity: EntitySpec;
  target: ImageTarget;
  description: string;
  ordering: number;
  source: ImageSource;
}

/** A body may carry the image in base64: room for the largest image, and the rest. */
const MAX_UPLOAD_BODY_BYTES = Math.ceil(MAX_IMAGE_BYTES / 3) * 4 + 64 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** The step's Object type (Item or ItemMatrix). */
export function imageOwnerFromConfig(cfg: StepConfig): EntitySpec {
  const name = typeof cfg.objectType === 'string' ? cfg.objectType.trim() : '';
  if (!IMAGE_OWNERS.includes(name)) {
    const problem = name === '' ? 'is required' : `"${name}" cannot have images${didYouMean(name, IMAGE_OWNERS)}`;
    throw new ValidationError('objectType', `${problem}: choose ${IMAGE_OWNERS.join(' or ')}`);
  }
  return getEntity(name);
}

/** The step's "Match by" for images: undefined for the record's ID. */
export function imageMatchField(cfg: StepConfig, entity: EntitySpec): MatchField | undefined {
  return matchFieldFromConfig(cfg, entity);
}

/** The Upload Image step checked and read: what to upload where, or a ValidationError naming the field. */
export function uploadImageInput(msg: IncomingMessage, cfg: StepConfig): UploadImageInput {
  const entity = imageOwnerFromConfig(cfg);
  const field = imageMatchField(cfg, entity);
  const raw = bodyObject(msg.body, MAX_UPLOAD_BODY_BYTES);
  const body = validated(`uploadImage:${entity.name}:${field?.key ?? ''}`, uploadImageBodySchema(entity, field), raw, 'Upload Image');
  return {
    parent: entity.name as ImageParent,
    entity,
    target: targetOf(entity, field, body),
    description: typeof body.description === 'string' ? body.description : '',
    ordering: typeof body.ordering === 'number' ? body.ordering : 0,
    source: sourceOf(body, msg.attachments ?? {}, cfg),
  };
}

/** The body schema for the record found by its ID or by `field`. */
export function uploadImageBodySchema(entity: EntitySpec, field: MatchField | undefined): JsonSchema {
  const spec = field && entity.fields.find((candidate) => candidate.name === field.key);
  return uploadImageSchema(entity, spec ? { key: spec.name, schema: fieldSchema(spec) } : undefined);
}

function targetOf(entity: EntitySpec, field: MatchField | undefined, body: Record<string, unknown>): ImageTarget {
  if (!field) return { id: body[entity.primaryKey as string] as number };
  const value = field.valueIn(body);
  if (value === undefined || value === null || String(value).trim() === '') throw new ValidationError(field.bodyPath, `is required to match by ${field.label}`);
  return { field, value: String(value) };
}

function sourceOf(body: Record<string, unknown>, attachments: Record<string, unknown>, cfg: StepConfig): ImageSource {
  const given = ['imageUrl', 'imageBase64'].filter((key) => body[key] !== undefined && body[key] !== '');
  if (given.length > 1) throw new ValidationError('body.imageBase64', 'give one image: body.imageUrl or body.imageBase64, not both');
  if (body.imageUrl !== undefined && body.imageUrl !== '') return { kind: 'url', field: 'body.imageUrl', url: httpUrl(body.imageUrl as string) };
  if (body.imageBase64 !== undefined && body.imageBase64 !== '') return base64Source(body);
  return attachmentSource(attachments, cfg);
}

/** A file on some machine rather than on the web: `file://`, `/tmp/a.jpg`, `./a.jpg`, `~/a.jpg`, `C:\\a.jpg`, `a.jpg`. */
const LOCAL_FILE = /^(file:|\/(?!\/)|\\|~[/\\]|\.{1,2}[/\\]|[A-Za-z]:[/\\]|[^/:?#]+\.(jpe?g|png|gif|webp|heic|bmp|tiff?)$)/i;

function httpUrl(value: string): string {
  if (LOCAL_FILE.test(value.trim())) {
    throw new ValidationError('body.imageUrl', `is a local file (${JSON.stringify(value.trim().slice(0, 80))}), which the platform cannot reach: `
      + 'give the picture in body.imageBase64 with body.filename, or attach it to the message');
  }
  let url: URL | undefined;
  try {
    url = new URL(value.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new ValidationError('body.imageUrl', `must be an http or https URL of the picture, got ${JSON.stringify(value.slice(0, 80))}`);
  }
  return url.toString();
}

function base64Source(body: Record<string, unknown>): ImageSource {
  const filename = typeof body.filename === 'string' ? body.filename.trim() : '';
  if (filename === '') throw new ValidationError('body.filename', 'is required with body.imageBase64, such as "shirt.jpg"');
  // A data URL (`data:image/png;base64,...`) is taken too; white space from line-wrapped base64 is ignored.
  const text = (body.imageBase64 as string).replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '');
  if (!BASE64.test(text) || text.length % 4 === 1) throw new ValidationError('body.imageBase64', 'is not base64 (letters, digits, "+", "/", "=")');
  return { kind: 'base64', field: 'body.imageBase64', bytes: Buffer.from(text, 'base64'), filename };
}

function attachmentSource(attachments: Record<string, unknown>, cfg: StepConfig): ImageSource {
  const names = Object.keys(attachments);
  const wanted = typeof cfg.attachmentName === 'string' ? cfg.attachmentName.trim() : '';
  if (wanted === '' && names.length === 0) {
    throw new ValidationError('body.imageUrl', 'is required: give body.imageUrl, or body.imageBase64 with body.filename, or attach the image to the message');
  }
  if (wanted === '' && names.length > 1) {
    throw new ValidationError('attachmentName', `is required: the message has ${names.length} attachments (${names.join(', ')}); name the image`);
  }
  const name = wanted === '' ? names[0] : wanted;
  if (!Object.hasOwn(attachments, name)) {
    const has = names.length === 0 ? 'none' : names.join(', ');
    throw new ValidationError('attachmentName', `the message has no attachment "${name}" (it has ${has})${didYouMean(name, names)}`);
  }
  const field = `attachments["${name}"]`;
  const attachment = attachments[name];
  if (!isRecord(attachment) || typeof attachment.url !== 'string' || attachment.url === '') {
    throw new ValidationError(field, 'has no url: the platform puts {url, size, "content-type"} there');
  }
  return { kind: 'attachment', field, name, attachment: attachment as unknown as Attachment };
}
