/**
 * Compares a record's wire shape with recorded ones: key sets at each level and the encoding of each value.
 * Values may differ (seed data is not the recorded account); the shape may not.
 */

/** How a value is encoded on the wire. `other` (null, number, boolean) never appears in a real answer. */
export type Encoding = 'string' | 'empty' | 'object' | 'array' | 'other';

/** What the recordings show for one type of object (`Item`, `ContactAddress`...), merged over every occurrence. */
export interface TypeShape {
  /** Keys some occurrence carries. */
  seen: Set<string>;
  /** Keys every occurrence carries. */
  always: Set<string>;
  /** Encodings seen per key. */
  encodings: Map<string, Set<Encoding>>;
}

/** Recorded shapes by type name: the entity name at the top, the key (or container element) name below. */
export type ShapeBook = Map<string, TypeShape>;

/** Encoding class of a wire value. */
export function encodingOf(value: unknown): Encoding {
  if (value === '') return 'empty';
  if (typeof value === 'string') return 'string';
  if (Array.isArray(value)) return 'array';
  if (value !== null && typeof value === 'object') return 'object';
  return 'other';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return encodingOf(value) === 'object';
}

/** Adds one recorded object of `type`, and everything nested in it, to the book. */
export function recordShape(book: ShapeBook, type: string, value: Record<string, unknown>): void {
  const keys = Object.keys(value);
  let shape = book.get(type);
  if (!shape) {
    shape = { seen: new Set(keys), always: new Set(keys), encodings: new Map() };
    book.set(type, shape);
  }
  for (const key of keys) shape.seen.add(key);
  for (const key of [...shape.always]) if (!(key in value)) shape.always.delete(key);
  for (const [key, inner] of Object.entries(value)) {
    const encodings = shape.encodings.get(key) ?? new Set<Encoding>();
    encodings.add(encodingOf(inner));
    shape.encodings.set(key, encodings);
    // One element is an object, several an array: both describe the same element type.
    for (const element of Array.isArray(inner) ? inner : [inner]) if (isObject(element)) recordShape(book, key, element);
  }
}

/** Relations and containers are capitalised, scalars are not (Lightspeed's naming, true of every recording). */
export function isContainerKey(key: string): boolean {
  return /^[A-Z]/.test(key);
}

/** Can a value encoded `actual` stand where the recordings show `recorded`? (Values differ, kinds may not.) */
export function compatible(recorded: Set<Encoding>, actual: Encoding, key: string): boolean {
  if (actual === 'other') return false;
  if (actual === 'empty') return true;
  if (actual === 'string') return recorded.has('string') || (recorded.has('empty') && !isContainerKey(key));
  // A relation recorded empty may hold records elsewhere; a scalar never becomes an object.
  return recorded.has('object') || recorded.has('array') || isContainerKey(key);
}

/** Options of one comparison. */
export interface CompareOptions {
  /** Keys a type may carry beyond the recorded ones (documented fields). */
  documented?: (type: string) => Set<string>;
}

/**
 * Differences between `actual` (an object of `type`) and the recorded shapes, as `path: problem` lines.
 * Required: every key each recorded occurrence of the type carries. Allowed besides: keys seen in some
 * recording or documented. Encodings: compatible with what was recorded for the key.
 */
export function shapeDifferences(book: ShapeBook, type: string, actual: unknown, options: CompareOptions = {}): string[] {
  return [...encodingProblems(actual, type), ...keyProblems(book, type, actual, options, type)];
}

function keyProblems(book: ShapeBook, type: string, actual: unknown, options: CompareOptions, path: string): string[] {
  const shape = book.get(type);
  if (!shape || !isObject(actual)) return [];
  const problems: string[] = [];
  const documented = options.documented?.(type) ?? new Set<string>();
  for (const key of shape.always) {
    if (!(key in actual)) problems.push(`${path}.${key}: missing`);
  }
  for (const [key, inner] of Object.entries(actual)) {
    const recorded = shape.encodings.get(key);
    if (!recorded) {
      if (!documented.has(key)) problems.push(`${path}.${key}: neither recorded nor documented`);
      continue;
    }
    const encoding = encodingOf(inner);
    if (encoding !== 'other' && !compatible(recorded, encoding, key)) problems.push(`${path}.${key}: ${encoding}, recorded ${[...recorded].sort().join('|')}`);
    for (const element of Array.isArray(inner) ? inner : [inner]) problems.push(...keyProblems(book, key, element, options, `${path}.${key}`));
  }
  return [...new Set(problems)];
}

const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

/**
 * Rules every real answer keeps, at any depth: scalars are strings, one element is not an array, an empty
 * relation is "" (never {} or []), and a date-like string is `2016-02-13T00:41:35+00:00`.
 */
export function encodingProblems(value: unknown, path: string): string[] {
  const encoding = encodingOf(value);
  if (encoding === 'other') return [`${path}: ${value === null ? 'null' : typeof value}, not a string`];
  if (encoding === 'string') {
    return /^\d{4}-\d{2}-\d{2}[T ]\d/.test(value as string) && !DATETIME.test(value as string) ? [`${path}: date ${String(value)}`] : [];
  }
  if (encoding === 'array') {
    const list = value as unknown[];
    const own = list.length < 2 ? [`${path}: array of ${list.length}, not collapsed`] : [];
    return [...own, ...list.flatMap((v, i) => encodingProblems(v, `${path}[${i}]`))];
  }
  if (encoding === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0) return [`${path}: {} instead of ""`];
    return entries.flatMap(([k, v]) => encodingProblems(v, `${path}.${k}`));
  }
  return [];
}
