/** Lightspeed's product images: where the picture of an Image record lives, and what an upload may carry. */
import { DerivedValue } from './types';
import { JsonRecord } from './records';

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
