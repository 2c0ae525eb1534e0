import { didYouMean } from '../../lib/text/suggest';
import { UsageError } from '../usageError';
import { ComponentFunction } from './componentFunctions';

/** A loaded handler with `this` still unbound: sailor calls it with `.call(context, ...)`. */
export type Handler = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Requires the function's module and picks `method` (`process` by default; `getMetaModel` or a select model such
 * as `getObjectTypes` for design-time calls). verifyCredentials modules export the function itself.
 */
export function loadHandler(fn: ComponentFunction, method: string | undefined): Handler {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- sailor loads modules by path at run time too
  const loaded: unknown = require(fn.modulePath);
  if (fn.kind === 'verifyCredentials') {
    if (method !== undefined && method !== 'process') throw new UsageError('verifyCredentials has no --method');
    if (typeof loaded === 'function') return loaded as Handler;
  }
  const name = method ?? 'process';
  const exported = typeof loaded === 'object' && loaded !== null ? (loaded as Record<string, unknown>)[name] : undefined;
  if (typeof exported !== 'function') {
    const methods = typeof loaded === 'object' && loaded !== null
      ? Object.entries(loaded).filter(([, value]) => typeof value === 'function').map(([key]) => key) : [];
    throw new UsageError(`${fn.name} has no method "${name}"${didYouMean(name, methods) || '.'} It has: ${methods.join(', ')}`);
  }
  return exported as Handler;
}
