/**
 * Fields of Image records the docs' field tables omit: Lightspeed's answers carry `baseImageURL` and `size` (the
 * docs' own sample), and the client adds `url`, the picture's full URL, so nobody assembles it by hand.
 */
import { EntitySpec, FieldSpec } from '../../lib/catalog/types';

const IMAGE_FIELDS: readonly FieldSpec[] = [
  { name: 'baseImageURL', type: 'string', readOnly: true },
  { name: 'size', type: 'integer', readOnly: true },
  { name: 'url', type: 'string', readOnly: true, derived: 'imageUrl' },
];

/** The entity with the Image fields added, when its records are Images (Image, ItemImage, ItemMatrixImage). */
export function withImageFields(entity: EntitySpec): EntitySpec {
  if (entity.responseKey !== 'Image') return entity;
  const missing = IMAGE_FIELDS.filter((field) => !entity.fields.some((known) => known.name === field.name));
  return { ...entity, fields: [...entity.fields, ...missing.map((field) => ({ ...field }))] };
}
