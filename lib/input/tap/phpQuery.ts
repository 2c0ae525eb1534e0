/**
 * The query of a signed tap as Lightspeed signs it: the parameters sorted by name as PHP's `ksort` sorts them, then
 * encoded as PHP's `http_build_query` does (`urlencode`: space `+`, every byte but `A-Za-z0-9-_.` as uppercase `%XX`,
 * `~` included). URLSearchParams leaves `*` as it is, encodeURIComponent leaves `~!*'()` and writes a space `%20`: neither
 * matches. spec/fixtures/register-button/vectors.json holds PHP's own answers.
 */

const KEPT = /[A-Za-z0-9\-_.]/;

/** PHP's `urlencode` over the UTF-8 bytes of `text`. */
export function phpUrlencode(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const char = String.fromCharCode(byte);
    if (byte < 0x80 && KEPT.test(char)) out += char;
    else if (char === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** PHP 8's numeric strings (what `ksort` compares as numbers): optional blanks, a sign, digits, a fraction, an exponent. */
const NUMERIC = /^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/;

/**
 * The order of PHP 8's `ksort`: two numeric names compare as numbers, any other pair byte by byte. (parse_str turns
 * names such as `10` into integer keys; PHP 8 compares those with strings the same way.) Equal numbers fall back to
 * bytes so that the order never depends on the order the platform kept.
 */
export function phpKeyOrder(a: string, b: string): number {
  if (NUMERIC.test(a) && NUMERIC.test(b)) {
    const difference = Number(a) - Number(b);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

/** `ksort` then `http_build_query` of single-valued parameters. */
export function phpSortedQuery(params: Record<string, string>): string {
  return Object.keys(params).sort(phpKeyOrder).map((name) => `${phpUrlencode(name)}=${phpUrlencode(params[name])}`).join('&');
}
