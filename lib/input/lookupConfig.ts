import { ValidationError } from '../client/http';
import { StepConfig } from '../runtime/context';

export type LookupEmitBehavior = 'emitIndividually' | 'emitPage' | 'emitAll';

export interface LookupConfig {
  emitBehavior: LookupEmitBehavior;
  /** emitAll refuses to build a message larger than this many records. */
  maxResults: number;
  allowZeroResults: boolean;
}

export const DEFAULT_MAX_RESULTS = 1000;

export function parseLookupConfig(cfg: StepConfig): LookupConfig {
  return {
    emitBehavior: emitBehavior(cfg.emitBehavior),
    maxResults: parseMaxResults(cfg.maxResults),
    allowZeroResults: cfg.allowZeroResults === true || cfg.allowZeroResults === 'true',
  };
}

function emitBehavior(value: unknown): LookupEmitBehavior {
  if (value === undefined || value === null || value === '') return 'emitIndividually';
  if (value === 'emitIndividually' || value === 'emitPage' || value === 'emitAll') return value;
  throw new ValidationError('emitBehavior', `must be emitIndividually, emitPage or emitAll, got ${JSON.stringify(value)}`);
}

/** The step's "Maximum results": a positive whole number, default 1000. */
export function parseMaxResults(value: unknown): number {
  if (value === undefined || value === null || value === '') return DEFAULT_MAX_RESULTS;
  const number = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1) {
    throw new ValidationError('maxResults', `must be a positive whole number, got ${JSON.stringify(value)}`);
  }
  return number;
}
