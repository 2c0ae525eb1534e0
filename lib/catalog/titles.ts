/** Human-readable titles for field and element names (`itemShopID` -> `Item Shop ID`). */

const ACRONYMS = new Set(['id', 'upc', 'ean', 'sku', 'url', 'qoh', 'cc', 'api']);

/** Splits camelCase / PascalCase into capitalised words, keeping well-known acronyms upper-case. */
export function fieldTitle(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_]+/)
    .filter((word) => word.length > 0)
    .map(capitalise)
    .join(' ');
}

function capitalise(word: string): string {
  if (ACRONYMS.has(word.toLowerCase())) return word.toUpperCase();
  return word.charAt(0).toUpperCase() + word.slice(1);
}
