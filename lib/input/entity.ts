import { findEntity, listEntities } from '../catalog';
import { InVerb, supportsInVerb } from '../catalog/schemas';
import { EntitySpec } from '../catalog/types';
import { UPLOADED_ENTITIES } from '../catalog/writeRules';
import { ValidationError } from '../client/http';
import { StepConfig } from '../runtime/context';
import { didYouMean } from '../text/suggest';

const VERB_WORDS: Record<InVerb, string> = {
  create: 'created', update: 'updated', upsert: 'upserted (that needs both create and update)', lookup: 'read', delete: 'deleted',
};

/** The catalog entity named by the step's `objectType`. */
export function entityFromConfig(cfg: StepConfig): EntitySpec {
  const name = typeof cfg.objectType === 'string' ? cfg.objectType.trim() : '';
  if (!name) throw new ValidationError('objectType', 'is required: choose the Lightspeed entity');
  const entity = findEntity(name);
  if (!entity) {
    const suggestion = didYouMean(name, listEntities().map((candidate) => candidate.name));
    throw new ValidationError('objectType', `"${name}" is not a Lightspeed Retail entity${suggestion}`);
  }
  return entity;
}

/** The step's entity, checked to allow what the action does. */
export function entityForAction(cfg: StepConfig, verb: InVerb): EntitySpec {
  const entity = entityFromConfig(cfg);
  if ((verb === 'create' || verb === 'upsert') && UPLOADED_ENTITIES.has(entity.name)) {
    throw new ValidationError('objectType', `${entity.name} is created by a multipart upload, not from a JSON body: `
      + 'Upload Image puts a picture on an Item or Item Matrix');
  }
  if (!supportsInVerb(entity, verb)) {
    throw new ValidationError('objectType', `${entity.name} cannot be ${VERB_WORDS[verb]} through the Lightspeed API`);
  }
  return entity;
}
