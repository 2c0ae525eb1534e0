import { InVerb, inSchema } from '../catalog/schemas';
import { EntitySpec } from '../catalog/types';
import { JsonRecord } from '../client/normalize';
import { IncomingMessage, StepConfig } from '../runtime/context';
import { entityForAction } from './entity';
import { bodyObject, validated } from './validate';

/** The step's entity and the message body validated for `verb`: bad input fails here, before any request. */
export function actionInput(msg: IncomingMessage, cfg: StepConfig, verb: InVerb): { entity: EntitySpec; body: JsonRecord } {
  const entity = entityForAction(cfg, verb);
  const body = validated(`${entity.name}:${verb}`, inSchema(entity, verb), bodyObject(msg.body), entity.name);
  return { entity, body };
}
