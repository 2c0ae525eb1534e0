/** Lightspeed's product images: where the picture of an Image record lives, and what an upload may carry. */
import { DRAFT_07, JsonSchema } from './jsonSchema';
import { JsonRecord } from './records';
import { fieldTitle } from './titles';
import { DerivedValue, EntitySpec } from './types';

/**
 * Largest image the component uploads. Lightspeed documents no R-Series limit; its image host (Cloudinary) caps
 * images at 10 MB on its default plan, and 10 MB is the platform's default attachment limit too.
 */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

/** Content types Lightspeed's import takes (JPG, PNG) plus GIF, which its image host converts. */
export const IMAGE_CONTENT_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/gif'];

/** File extensions of the accepted content types, for a file name without one. */
export const IMAGE_EXTENSIONS: Readonly<Record<string, string>> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif' };

/**
 * The picture's URL: `{baseImageURL}{settings/}{publicID}.jpg`; settings such as `w_300,h_200,c_limit` resize it.
 * `baseImageURL` already ends in `/` (a second one would break the URL). Undefined when the record lacks either part.
 */
export function imageUrl(record: JsonRecord, settings = ''): string | undefined {
  const { baseImageURL: base, publicID } = record;
  if (typeof base !== 'string' || base === '' || typeof publicID !== 'string' || publicID === '') return undefined;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return `${prefix}${settings ? `${settings}/` : ''}${publicID}.jpg`;
}

const DERIVATIONS: Record<DerivedValue, (record: JsonRecord) => unknown> = { imageUrl: (record) => imageUrl(record) };

/** The value of a derived field for a record (undefined when it cannot be computed). */
export function deriveValue(kind: DerivedValue, record: JsonRecord): unknown {
  return DERIVATIONS[kind](record);
}

/** Entities an image can belong to (the Upload Image action's Object type). */
export const IMAGE_OWNERS: readonly string[] = ['Item', 'ItemMatrix'];

/** The body of an Upload Image: the record by its ID or by `matchKey`, the image's text, and where the image is. */
export function uploadImageSchema(owner: EntitySpec, matchKey?: { key: string; schema: JsonSchema }): JsonSchema {
  const primaryKey = owner.primaryKey as string;
  const key = matchKey ?? { key: primaryKey, schema: { type: 'integer', minimum: 1 } };
  return {
    $schema: DRAFT_07,
    title: `Upload an image to an ${owner.title}`,
    description: 'The image comes from body.imageUrl, from body.imageBase64 with body.filename, or from the message\'s attachment.',
    type: 'object',
    properties: {
      [key.key]: { title: fieldTitle(key.key), ...key.schema },
      description: { title: 'Description', type: 'string' },
      ordering: { title: 'Ordering', type: 'integer', minimum: 0, description: 'Position among the record\'s images, from 0' },
      imageUrl: { title: 'Image URL', type: 'string', description: 'A public http(s) URL of the picture; the component downloads it' },
      imageBase64: { title: 'Image (base64)', type: 'string', description: 'The picture\'s bytes in base64; needs body.filename' },
      filename: { title: 'File name', type: 'string', description: 'The image\'s file name (required with imageBase64)' },
    },
    required: [key.key],
    additionalProperties: false,
  };
}
