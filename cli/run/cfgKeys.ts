import { didYouMean } from '../../lib/text/suggest';
import { ComponentFunction } from './componentFunctions';

/**
 * A warning for each cfg key that neither the function's fields nor the credential's name: sailor would pass it on
 * and nothing would read it (`start_time` for `startTime`), so the run goes on, but not silently.
 */
export function unknownCfgKeyWarnings(cfg: Record<string, unknown>, fn: ComponentFunction, credentialFields: string[]): string[] {
  const known = [...fn.fields, ...credentialFields];
  const listed = `Known keys: ${[...fn.fields, `and the credential's ${credentialFields.join(', ')}`].join(', ')}`;
  return Object.keys(cfg).filter((key) => !known.includes(key))
    .map((key) => `cfg key "${key}" is not a field of ${fn.name} and is ignored${didYouMean(key, known) || '.'} ${listed}`);
}
