/** Action "Make Raw Request": any method and path under the account, through the shared client. */
import { PlatformSchema, toPlatformSchema } from '../catalog/platformSchema';
import { sendRaw } from '../client/rawApi';
import { RAW_REQUEST_IN, RAW_REQUEST_OUT, rawRequestInput } from '../input/rawRequestInput';
import { HandlerContext, IncomingMessage, StepConfig } from '../runtime/context';
import { emitData, withLightspeed } from '../runtime/session';

export async function process(this: HandlerContext, msg: IncomingMessage, cfg: StepConfig): Promise<void> {
  const request = rawRequestInput(msg, cfg);
  const response = await withLightspeed(this, cfg, (_api, client) => sendRaw(client, request));
  await emitData(this, response);
}

/** `in` in the platform's dialect (required fields marked on themselves); ajv validates the JSON Schema it comes from. */
export async function getMetaModel(): Promise<{ in: PlatformSchema; out: typeof RAW_REQUEST_OUT }> {
  return { in: toPlatformSchema(RAW_REQUEST_IN), out: RAW_REQUEST_OUT };
}
