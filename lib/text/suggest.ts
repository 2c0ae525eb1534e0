/**
 * "Did you mean ...?" for names a user typed: entities, fields, relations, operators, cfg keys. One rule everywhere:
 * letter case, `_`, `-` and spaces do not count (`first_name` is `firstName`), a plural is as close as its singular
 * (`email` is `Emails`), and a name is suggested only when at most a third of the typed letters (at least one) differ.
 */

/** The candidate closest to `input`; ties go to the one nearest in length, then to the earlier one. */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const typed = loose(input);
  const limit = Math.max(1, Math.floor(typed.length / 3));
  let best: { candidate: string; distance: number; lengthGap: number } | undefined;
  for (const candidate of candidates) {
    for (const form of forms(candidate)) {
      const distance = editDistance(typed, form);
      const lengthGap = Math.abs(typed.length - form.length);
      if (distance > limit) continue;
      if (!best || distance < best.distance || (distance === best.distance && lengthGap < best.lengthGap)) {
        best = { candidate, distance, lengthGap };
      }
    }
  }
  return best?.candidate;
}

/** `; did you mean X?` for the closest candidate, or '' when none is close; `show` writes the candidate. */
export function didYouMean(input: string, candidates: Iterable<string>, show: (name: string) => string = String): string {
  const match = closest(input, candidates);
  return match === undefined ? '' : `; did you mean ${show(match)}?`;
}

/**
 * Operators other languages spell differently, by what they mean (`==` is equality, not "not equal", though both are
 * one edit away from it).
 */
const OPERATOR_SPELLINGS: Record<string, string> = {
  '!': '!=', '==': '=', '===': '=', '<>': '!=', '!==': '!=', '=!': '!=', '=>': '>=', '=<': '<=',
  '=~': '~', '~=': '~', '~~': '~', 'like': '~', '!~~': '!~', '~!': '!~', '!like': '!~',
};

/** A negation stays a negation: the suggestion for an operator must never mean its opposite. */
const negates = (operator: string): boolean => operator.includes('!') || operator === '<>';

/**
 * The operator meant by `input`: the same meaning in Lightspeed's spelling, else the closest operator that negates
 * exactly when the typed one does; undefined when none is close.
 */
export function closestOperator(input: string, operators: readonly string[]): string | undefined {
  const typed = input.trim().toLowerCase();
  const known = OPERATOR_SPELLINGS[typed];
  if (known !== undefined && operators.includes(known)) return known;
  return closest(typed, operators.filter((operator) => negates(operator) === negates(typed)));
}

/** `; did you mean "X"?` for an operator (see closestOperator); '' when none is close. */
export function didYouMeanOperator(input: string, operators: readonly string[]): string {
  const match = closestOperator(input, operators);
  return match === undefined ? '' : `; did you mean "${match}"?`;
}

function loose(name: string): string {
  return name.toLowerCase().replace(/[\s_-]/g, '');
}

const SINGULAR_ENDINGS: ReadonlyArray<[RegExp, string]> = [[/ies$/, 'y'], [/es$/, ''], [/s$/, '']];

/** The name, and its singulars when it looks plural (`Addresses` -> `address`, `Emails` -> `email`). */
function forms(name: string): string[] {
  const word = loose(name);
  const singulars = word.length > 3 ? SINGULAR_ENDINGS.filter(([plural]) => plural.test(word)).map(([plural, ending]) => word.replace(plural, ending)) : [];
  return [word, ...singulars];
}

/** Edits (insert, delete, replace, swap two neighbours) that turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1);
    }
  }
  return rows[a.length][b.length];
}
