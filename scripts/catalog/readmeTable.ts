/** Splices the generated entity table into its page (docs/entities.md, linked from the README) between the markers. */

/** The page that holds the entity table, relative to the repository root. */
export const ENTITY_TABLE_PAGE = 'docs/entities.md';

export const TABLE_START = '<!-- entity-table:start -->';
export const TABLE_END = '<!-- entity-table:end -->';

/** The page's text with the table between the markers replaced, or null when the markers are missing. */
export function replaceEntityTable(page: string, table: string): string | null {
  const start = page.indexOf(TABLE_START);
  const end = page.indexOf(TABLE_END);
  if (start < 0 || end < start) return null;
  const before = page.slice(0, start + TABLE_START.length);
  const after = page.slice(end);
  return `${before}\n${table}${after}`;
}
