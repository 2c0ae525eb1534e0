/** The parameters of a tap, as the platform hands a webhook request to the trigger. */
import { IncomingMessage } from '../../runtime/context';
import { TapRefused } from './tapRefused';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `msg.query` (the query parameters, decoded), or the body when there is none: the platform also puts a GET's
 * parameters there, and the local runner's `--msg` file is the body. Each parameter must be one text value: a name
 * given twice, or in PHP's `a[b]` form, is not something Lightspeed appends.
 */
export function tapParams(msg: IncomingMessage): Record<string, string> {
  const source = isPlainObject(msg.query) && Object.keys(msg.query).length > 0 ? msg.query : msg.body;
  if (!isPlainObject(source) || Object.keys(source).length === 0) {
    throw new TapRefused(401, 'the request carries no parameters: only a tap on a Lightspeed custom menu button is accepted');
  }
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (typeof value !== 'string') throw new TapRefused(401, `the parameter "${name}" is not one text value (given twice?): Lightspeed appends each once`);
    params[name] = value;
  }
  return params;
}
