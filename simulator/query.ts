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

const PREFIXES: Array<[string, Operator]> = [
  ['><,', '><'], ['>=,', '>='], ['<=,', '<='], ['!=,', '!='], ['!~,', '!~'], ['in,', 'IN'],
  ['>,', '>'], ['<,', '<'], ['~,', '~'], ['=,', '='],
];

const MAX_IN_VALUES = 100;

/** Splits `>=,5` into operator and operand; a value without a known prefix is an equality. */
export function splitOperator(raw: string): { op: Operator; operand: string } {
  const lower = raw.slice(0, 3).toLowerCase();
  for (const [prefix, op] of PREFIXES) {
    if (lower.startsWith(prefix)) return { op, operand: raw.slice(prefix.length) };
  }
  return { op: '=', operand: raw };
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
    values = parsed.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  } else {
    values = trimmed === '' ? [] : trimmed.split(',');
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
    const regex = likeRegex(operand);
    const negate = op === '!~';
    return { field, relation, op, values: [operand], test: (s) => regex.test(s) !== negate };
  }
  if (op === 'IN') {
    const values = listOperand(operand);
    const set = new Set(values.map((v) => normalise(field, type, v)));
    return { field, relation, op, values, test: (s) => set.has(storedKey(type, s) ?? '') };
  }
  if (op === '><') {
    const parts = operand.split(',');
    if (parts.length !== 2) throw new ApiError(400, `Operator >< on ${field} needs two values: min,max`, 'InvalidQueryException');
    const [min, max] = parts.map((p) => normalise(field, type, p));
    return { field, relation, op, values: parts, test: (s) => { const k = storedKey(type, s); return k !== null && k >= min && k <= max; } };
  }
  const target = normalise(field, type, operand);
  if ((op === '=' || op === '!=') && typeof target === 'string' && type !== 'datetime' && type !== 'boolean') {
    // Fast path for text equality: skip lower-casing values that cannot match (100k-row scans).
    const negate = op === '!=';
    return { field, relation, op, values: [operand], test: (s) => (s.length === target.length && s.toLowerCase() === target) !== negate };
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
    field, relation, op, values: [operand],
    test: (s) => { const k = storedKey(type, s); return k === null ? op === '!=' : fn(k); },
  };
}

/** Splits an `or` value (`field=value|field=~,v2`, already URL-decoded) into field/value pairs. */
export function splitOrParam(raw: string): Array<{ field: string; value: string }> {
  return raw.split('|').filter(Boolean).map((operand) => {
    const eq = operand.indexOf('=');
    if (eq <= 0) throw new ApiError(400, `Invalid or operand: "${operand}"`, 'InvalidQueryException');
    return { field: operand.slice(0, eq), value: operand.slice(eq + 1) };
  });
}
