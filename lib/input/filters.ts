import { EntitySpec, FieldSpec } from '../catalog/types';
import { ValidationError } from '../client/http';
import { closestOperator, didYouMean, didYouMeanOperator } from '../text/suggest';

/** Lightspeed's query operators, longest first so that `>=` is not read as `>`. */
const OPERATORS = ['!~', '!=', '<=', '>=', '><', '<', '>', '=', '~', 'IN'] as const;
type Operator = typeof OPERATORS[number];

/** Something that was meant as an operator: only operator characters, or a word Lightspeed uses as one. */
const OPERATOR_LIKE = /^([<>=!~]+|in|or|like)$/i;

/** An operator written without its comma (`"=42"`, `">=2024-01-01"`, `"IN[1,2]"`): the operator, then the value. */
const GLUED = /^\s*([<>=!~]+|in(?=\s*\[))\s*(\S[\s\S]*)$/i;

/** Types whose values are text: an operator glued to one may be meant literally, and its escape says how. */
const TEXT_TYPES: ReadonlySet<FieldSpec['type']> = new Set(['string', 'enum', 'mixed']);

/** Where the filters sit in the step (for error texts), and fields a caller does not allow a filter on, with why. */
export interface FilterOptions {
  path?: string;
  refused?: Record<string, string>;
}

/**
 * Query parameters from `{field: value}` filters. A value is either a plain value (equality, compared literally:
 * `"A,B"` finds `A,B`) or Lightspeed's `operator,value` syntax, passed as written: `">=,2024-01-01T00:00:00+00:00"`,
 * `"~,%shirt%"`, `"IN,[1,2,3]"`, `"><,1,10"`. `or` is passed through as Lightspeed's `field=value|field=value`.
 */
export function filterParams(
  entity: EntitySpec, filters: Record<string, unknown>, loadedRelations: string[], options: FilterOptions = {},
): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [field, value] of Object.entries(filters)) {
    const name = `${options.path ?? 'body.filters'}.${field}`;
    const refusal = options.refused?.[field];
    if (refusal !== undefined) throw new ValidationError(name, refusal);
    if (field === 'or') {
      if (typeof value !== 'string' || !value.includes('=')) throw new ValidationError(name, 'must be text such as "firstName=Ann|firstName=Bob"');
      params.or = value;
      continue;
    }
    const spec = checkField(entity, field, loadedRelations, name);
    params[field] = condition(name, value, spec);
  }
  return params;
}

/** The field a filter names (undefined for a relation's field, whose type the entity does not carry). */
function checkField(entity: EntitySpec, field: string, loadedRelations: string[], name: string): FieldSpec | undefined {
  const [relation, nested] = field.split('.', 2);
  if (nested !== undefined) {
    if (!loadedRelations.includes(relation)) {
      throw new ValidationError(name, `filters on ${relation} need "${relation}" in loadRelations`);
    }
    return undefined;
  }
  const spec = entity.fields.find((candidate) => candidate.name === field);
  if (!spec) throw new ValidationError(name, `not a field of ${entity.name}${didYouMean(field, entity.fields.map((candidate) => candidate.name))}`);
  return spec;
}

function condition(name: string, value: unknown, field: FieldSpec | undefined): string {
  if (typeof value === 'number' || typeof value === 'boolean') {
    checkOperands(name, field, [value], undefined);
    return String(value);
  }
  if (typeof value !== 'string') throw new ValidationError(name, `must be text, a number or true/false, got ${value === null ? 'null' : typeof value}`);
  const comma = value.indexOf(',');
  const head = comma < 0 ? value.trim() : value.slice(0, comma).trim();
  const operator = OPERATORS.find((candidate) => candidate.toLowerCase() === head.toLowerCase()) as Operator | undefined;
  if (operator === undefined) {
    if (OPERATOR_LIKE.test(head)) {
      const suggestion = didYouMeanOperator(head, OPERATORS);
      throw new ValidationError(name, `"${head}" is not a Lightspeed operator (use one of ${OPERATORS.join(' ')})${suggestion}`);
    }
    checkComma(name, value, field);
    checkOperands(name, field, [value], undefined);
    return literalValue(value);
  }
  const operand = comma < 0 ? '' : value.slice(comma + 1);
  if (operand === '') throw new ValidationError(name, `"${operator}" needs a value after the comma`);
  if (operator === '><' && !operand.includes(',')) throw new ValidationError(name, '"><" needs two values: "><,from,to"');
  checkOperands(name, field, operands(operator, operand, name), operator);
  return `${operator},${operand}`;
}

/**
 * Refuses a value that begins with an operator but lacks its comma: sent as a literal, it would match nothing (or fail
 * the field's type with the wrong fix). Text that really begins so is written after `=,`, escaped.
 */
function checkComma(name: string, value: string, field: FieldSpec | undefined): void {
  const glued = GLUED.exec(value);
  const operator = glued && closestOperator(glued[1], OPERATORS);
  if (!glued || operator === undefined) return;
  const meant = JSON.stringify(`${operator},${glued[2].trim()}`);
  const text = field === undefined || TEXT_TYPES.has(field.type);
  const literally = text ? `; to find the text ${JSON.stringify(value)} itself, write ${JSON.stringify(`=,${literalValue(value)}`)}` : '';
  throw new ValidationError(name, `write the operator and the value with a comma: ${meant}${literally}`);
}

/** The values an operator compares with: two for `><`, each element of an `IN` list, the whole operand otherwise. */
function operands(operator: Operator, operand: string, name: string): string[] {
  if (operator === '><') return operand.split(',');
  if (operator !== 'IN') return [operand];
  const list = /^\[(.*)\]$/.exec(operand.trim());
  if (!list) throw new ValidationError(name, `"IN" needs a list in brackets such as "IN,[1,2,3]", got "${operand}"`);
  return list[1].split(',').map((element) => element.trim().replace(/^"(.*)"$/, '$1'));
}

/** What a field's values must look like; fields of other types (text, enums) take any value. */
const VALUE_TYPES: Partial<Record<FieldSpec['type'], { test: (value: unknown) => boolean; expected: string }>> = {
  integer: { test: (value) => (typeof value === 'number' ? Number.isInteger(value) : /^\s*-?\d+\s*$/.test(String(value))), expected: 'integer' },
  float: { test: (value) => typeof value === 'number' || (typeof value === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)\s*$/.test(value)), expected: 'number' },
  boolean: { test: (value) => typeof value === 'boolean' || /^(true|false)$/i.test(String(value)), expected: 'true or false' },
  datetime: { test: (value) => typeof value === 'string' && isIsoTime(value), expected: 'an ISO 8601 date-time such as 2024-01-01T00:00:00+00:00' },
  date: { test: (value) => typeof value === 'string' && isIsoTime(value), expected: 'an ISO 8601 date such as 2024-01-01' },
};

/** Like/not-like patterns are text whatever the field's type, so only comparisons and lists are checked. */
function checkOperands(name: string, field: FieldSpec | undefined, values: unknown[], operator: Operator | undefined): void {
  const type = field && VALUE_TYPES[field.type];
  if (!type || operator === '~' || operator === '!~') return;
  const where = operator === undefined ? '' : operator === 'IN' ? ' in the "IN" list' : ` after "${operator}"`;
  for (const value of values) {
    if (!type.test(value)) throw new ValidationError(name, `must be ${type.expected}${where}, got ${JSON.stringify(value)}`);
  }
}

function isIsoTime(text: string): boolean {
  const trimmed = text.trim();
  return /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(trimmed) && !Number.isNaN(Date.parse(trimmed));
}

/**
 * A value Lightspeed compares literally. It decodes the query string once, splits a value on its commas (an `or` on
 * `|` and `=`), then decodes each operand again: so `%` `,` `|` `=` are escaped here a second time (and `+`, which a
 * second decoding may read as a space). The URL encoding of the query string adds the first level.
 */
export function literalValue(value: string): string {
  return value.replace(/[%,|=+]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
