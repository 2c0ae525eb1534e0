import { EntitySpec } from '../catalog/types';
import { ValidationError } from '../client/http';
import { didYouMean } from '../text/suggest';

/** Lightspeed's query operators, longest first so that `>=` is not read as `>`. */
const OPERATORS = ['!~', '!=', '<=', '>=', '><', '<', '>', '=', '~', 'IN'] as const;
type Operator = typeof OPERATORS[number];

/** Something that was meant as an operator: only operator characters, or a word Lightspeed uses as one. */
const OPERATOR_LIKE = /^([<>=!~]+|in|or|like)$/i;

/**
 * Query parameters from `{field: value}` filters. A value is either a plain value (equality, compared literally:
 * `"A,B"` finds `A,B`) or Lightspeed's `operator,value` syntax, passed as written: `">=,2024-01-01T00:00:00+00:00"`,
 * `"~,%shirt%"`, `"IN,[1,2,3]"`, `"><,1,10"`. `or` is passed through as Lightspeed's `field=value|field=value`.
 */
export function filterParams(entity: EntitySpec, filters: Record<string, unknown>, loadedRelations: string[]): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [field, value] of Object.entries(filters)) {
    const name = `body.filters.${field}`;
    if (field === 'or') {
      if (typeof value !== 'string' || !value.includes('=')) throw new ValidationError(name, 'must be text such as "firstName=Ann|firstName=Bob"');
      params.or = value;
      continue;
    }
    checkField(entity, field, loadedRelations, name);
    params[field] = condition(name, value);
  }
  return params;
}

function checkField(entity: EntitySpec, field: string, loadedRelations: string[], name: string): void {
  const [relation, nested] = field.split('.', 2);
  if (nested !== undefined) {
    if (!loadedRelations.includes(relation)) {
      throw new ValidationError(name, `filters on ${relation} need "${relation}" in loadRelations`);
    }
    return;
  }
  if (!entity.fields.some((candidate) => candidate.name === field)) {
    throw new ValidationError(name, `not a field of ${entity.name}${didYouMean(field, entity.fields.map((candidate) => candidate.name))}`);
  }
}

function condition(name: string, value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') throw new ValidationError(name, `must be text, a number or true/false, got ${value === null ? 'null' : typeof value}`);
  const comma = value.indexOf(',');
  const head = comma < 0 ? value.trim() : value.slice(0, comma).trim();
  const operator = OPERATORS.find((candidate) => candidate.toLowerCase() === head.toLowerCase()) as Operator | undefined;
  if (operator === undefined) {
    if (OPERATOR_LIKE.test(head)) {
      const suggestion = didYouMean(head, OPERATORS, (operator) => `"${operator}"`);
      throw new ValidationError(name, `"${head}" is not a Lightspeed operator (use one of ${OPERATORS.join(' ')})${suggestion}`);
    }
    return literalValue(value);
  }
  const operand = comma < 0 ? '' : value.slice(comma + 1);
  if (operand === '') throw new ValidationError(name, `"${operator}" needs a value after the comma`);
  if (operator === '><' && !operand.includes(',')) throw new ValidationError(name, '"><" needs two values: "><,from,to"');
  return `${operator},${operand}`;
}

/**
 * A value Lightspeed compares literally. It decodes the query string once, splits a value on its commas (an `or` on
 * `|` and `=`), then decodes each operand again: so `%` `,` `|` `=` are escaped here a second time (and `+`, which a
 * second decoding may read as a space). The URL encoding of the query string adds the first level.
 */
export function literalValue(value: string): string {
  return value.replace(/[%,|=+]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
