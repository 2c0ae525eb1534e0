/** Splices the generated entity table into README.md between its markers. */

export const TABLE_START = '<!-- entity-table:start -->';
export const TABLE_END = '<!-- entity-table:end -->';

/** README text with the table between the markers replaced, or null when the markers are missing. */
export function replaceEntityTable(readme: string, table: string): string | null {
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start < 0 || end < start) return null;
  const before = readme.slice(0, start + TABLE_START.length);
  const after = readme.slice(end);
  return `${before}\n${table}${after}`;
}
