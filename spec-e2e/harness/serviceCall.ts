/**
 * A design-time call as the platform makes it: `node node_modules/elasticio-sailor-nodejs/runService.js
 * <method>` with the config in ELASTICIO_CFG; sailor POSTs `{status, data}` to ELASTICIO_POST_RESULT_URL
 * and exits 0 whatever the outcome, so the posted body is the result.
 */
import path from 'node:path';
import { COMPONENT_ROOT } from './componentRoot';
import { JsonObject, Json, PlatformStandIn } from './platformStandIn';
import { launch } from './processes';
import { runPath, tailOf } from './runDirectory';

const RUN_SERVICE_JS = path.join('node_modules', 'elasticio-sailor-nodejs', 'runService.js');

export type ServiceMethod = 'verifyCredentials' | 'getMetaModel' | 'selectModel';

export interface ServiceCall {
  method: ServiceMethod;
  cfg: JsonObject;
  /** Trigger or action name, for getMetaModel and selectModel. */
  actionOrTrigger?: string;
  /** The exported select function, for selectModel. */
  getModelMethod?: string;
  /** The component's env vars (such as OAUTH_CLIENT_ID), set on its container by the platform. */
  env?: Record<string, string>;
}

export interface ServiceOutcome {
  status: string;
  data: Json;
  /** From launching the process to the result arriving. */
  elapsedMs: number;
  exitCode: number | null;
}

export async function callService(platform: PlatformStandIn, call: ServiceCall, timeoutMs = 15_000): Promise<ServiceOutcome> {
  const { callId, url } = platform.newResultUrl();
  const name = [call.method, call.actionOrTrigger, call.getModelMethod].filter(Boolean).join('-');
  const logFile = runPath('logs', `service-${name}-${callId}.log`);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('ELASTICIO_') && key !== 'NODE_ENV'));
  const launchedAt = Date.now();
  const service = launch({
    label: `runService ${name}`,
    command: process.execPath,
    args: [RUN_SERVICE_JS, call.method],
    cwd: COMPONENT_ROOT,
    logFile,
    env: {
      ...inherited,
      ...call.env,
      LOG_LEVEL: 'info',
      ELASTICIO_POST_RESULT_URL: url,
      ELASTICIO_CFG: JSON.stringify(call.cfg),
      ELASTICIO_ACTION_OR_TRIGGER: call.actionOrTrigger ?? '',
      ELASTICIO_GET_MODEL_METHOD: call.getModelMethod ?? '',
      ELASTICIO_COMPONENT_PATH: '.',
      ELASTICIO_API_URI: platform.url,
      ELASTICIO_API_USERNAME: platform.username,
      ELASTICIO_API_KEY: platform.apiKey,
    },
  });
  try {
    const result = await platform.waitForResult(callId, timeoutMs);
    await service.waitForExit(5_000);
    return { status: result.status, data: result.data, elapsedMs: result.receivedAt - launchedAt, exitCode: service.exitCode };
  } catch (error) {
    await service.stop(1_000);
    throw new Error(`${(error as Error).message}; log ${logFile}:\n${tailOf(logFile)}`);
  }
}
