/** Query filters: `{field}={operator},{value}` with every documented operator, and `or=`. */
import { canonicalTimestamp } from './time';
import { ApiError, FieldType } from './types';

/** Operators of protocol.json `query.operators` (besides `or`, which groups conditions). */
export type Operator = '=' | '!=' | '<' | '<=' | '>' | '>=' | '><' | '~' | '!~' | 'IN';

/** One parsed filter; `relation` is set for relation search (`Category.name=...`). */
export interface Condition {
  field: string;
  relation?: string;
  op: Operator;
  values: string[];
  test: (stored: string) => boolean;
}

const OPERATOR_NAMES: ReadonlyMap<string, Operator> = new Map([
  ['=', '='], ['!=', '!='], ['<', '<'], ['<=', '<='], ['>', '>'], ['>=', '>='], ['><', '><'], ['~', '~'], ['!~', '!~'], ['in', 'IN'],
]);

const MAX_IN_VALUES = 100;

/**
 * Splits `>=,5` into operator and operand; a value without a comma is an equality. Like Lightspeed, the query
 * string has been decoded once already and the value is split on its commas, so a comma is never part of a value
 * (a literal one travels escaped twice, `%252C`, and `decodeOperand` restores it).
 */
export function splitOperator(raw: string): { op: Operator; operand: string } {
  const comma = raw.indexOf(',');
  if (comma < 0) return { op: '=', operand: raw };
  const op = OPERATOR_NAMES.get(raw.slice(0, comma).toLowerCase());
  if (!op) {
    throw new ApiError(400, `Invalid operator '${raw.slice(0, comma)}' in '${raw}' (a literal comma in a value must be escaped a second time)`, 'InvalidQueryException');
  }
  return { op, operand: raw.slice(comma + 1) };
}

/**
 * Lightspeed's second decoding, applied to each operand after the split: `%2C` becomes `,`, `%25` `%`, `%7C` `|`.
 * Invalid escapes (the `%` of a LIKE pattern such as `%shirt%`) stay as they are, as PHP's rawurldecode leaves them.
 */
export function decodeOperand(text: string): string {
  return text.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** The one operand of a single-value operator: a raw comma here is a literal comma that was not escaped. */
function singleOperand(field: string, operand: string): string {
  if (operand.includes(',')) {
    throw new ApiError(400, `Invalid value for ${field}: '${operand}' has more than one value (a literal comma must be escaped a second time)`, 'InvalidQueryException');
  }
  return decodeOperand(operand);
}

function likeRegex(pattern: string): RegExp {
  const body = pattern.split('%').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}$`, 'is');
}

function listOperand(operand: string): string[] {
  const trimmed = operand.trim();
  let values: string[];
  if (trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new ApiError(400, `Invalid IN list: ${operand}`, 'InvalidQueryException');
    }
    if (!Array.isArray(parsed)) throw new ApiError(400, `Invalid IN list: ${operand}`, 'InvalidQueryException');
    values = parsed.map((v) => (typeof v === 'string' ? decodeOperand(v) : JSON.stringify(v)));
  } else {
    values = trimmed === '' ? [] : trimmed.split(',').map(decodeOperand);
  }
  if (values.length > MAX_IN_VALUES) {
    throw new ApiError(400, `IN accepts at most ${MAX_IN_VALUES} values`, 'InvalidQueryException');
  }
  return values;
}

/** Normalises an operand for comparison with stored values of the field's type. */
function normalise(field: string, type: FieldType | undefined, value: string): string | number {
  switch (type) {
    case 'integer':
    case 'float': {
      const n = Number(value.trim());
      if (value.trim() === '' || Number.isNaN(n)) throw new ApiError(400, `Invalid value for ${field}: "${value}" is not a number`, 'InvalidQueryException');
      return n;
    }
    case 'boolean': {
      const v = value.trim().toLowerCase();
      if (v === 'true' || v === '1') return 'true';
      if (v === 'false' || v === '0') return 'false';
      throw new ApiError(400, `Invalid value for ${field}: "${value}" is not a boolean`, 'InvalidQueryException');
    }
    case 'datetime': {
      const canonical = canonicalTimestamp(value);
      if (canonical === null) throw new ApiError(400, `Invalid value for ${field}: "${value}" is not a datetime`, 'InvalidQueryException');
      return canonical;
    }
    default:
      return value.toLowerCase();
  }
}

/** Reads a stored value the way `normalise` reads operands (empty datetimes never compare). */
function storedKey(type: FieldType | undefined, stored: string): string | number | null {
  if (type === 'integer' || type === 'float') return stored === '' ? 0 : Number(stored);
  if (type === 'datetime') return stored === '' ? null : stored;
  if (type === 'boolean') return stored;
  return stored.toLowerCase();
}

/** Parses one `field=value` pair into a condition; 400 on malformed operands. */
export function parseCondition(field: string, raw: string, type: FieldType | undefined, relation?: string): Condition {
  const { op, operand } = splitOperator(raw);
  if (op === '~' || op === '!~') {
    const pattern = singleOperand(field, operand);
    const regex = likeRegex(pattern);
    const negate = op === '!~';
    return { field, relation, op, values: [pattern], test: (s) => regex.test(s) !== negate };
  }
  if (op === 'IN') {
    const values = listOperand(operand);
    const set = new Set(values.map((v) => normalise(field, type, v)));
    return { field, relation, op, values, test: (s) => set.has(storedKey(type, s) ?? '') };
  }
  if (op === '><') {
    const parts = operand.split(',').map(decodeOperand);
    if (parts.length !== 2) throw new ApiError(400, `Operator >< on ${field} needs two values: min,max`, 'InvalidQueryException');
    const [min, max] = parts.map((p) => normalise(field, type, p));
    return { field, relation, op, values: parts, test: (s) => { const k = storedKey(type, s); return k !== null && k >= min && k <= max; } };
  }
  const value = singleOperand(field, operand);
  const target = normalise(field, type, value);
  if ((op === '=' || op === '!=') && typeof target === 'string' && type !== 'datetime' && type !== 'boolean') {
    // Fast path for text equality: skip lower-casing values that cannot match (100k-row scans).
    const negate = op === '!=';
    return { field, relation, op, values: [value], test: (s) => (s.length === target.length && s.toLowerCase() === target) !== negate };
  }
  const compare: Record<Exclude<Operator, '~' | '!~' | 'IN' | '><'>, (k: string | number) => boolean> = {
    '=': (k) => k === target,
    '!=': (k) => k !== target,
    '<': (k) => k < target,
    '<=': (k) => k <= target,
    '>': (k) => k > target,
    '>=': (k) => k >= target,
  };
  const fn = compare[op];
  return {
    field, relation, op, values: [value],
    test: (s) => { const k = storedKey(type, s); return k === null ? op === '!=' : fn(k); },
  };
}

/** Splits an `or` value (`field=value|field=~,v2`, decoded once) into field/value pairs; a literal `|` is `%7C` here. */
export function splitOrParam(raw: string): Array<{ field: string; value: string }> {
  return raw.split('|').filter(Boolean).map((operand) => {
    const eq = operand.indexOf('=');
    if (eq <= 0) throw new ApiError(400, `Invalid or operand: "${operand}"`, 'InvalidQueryException');
    return { field: operand.slice(0, eq), value: operand.slice(eq + 1) };
  });
}
