/** The results table: one line per figure, next to its target and verdict. */
import { BenchLine } from './scenario';

const HEADERS = ['scenario', 'metric', 'measured', 'target', 'verdict'];

function cells(line: BenchLine): string[] {
  return [line.scenario, line.metric, line.measured, line.target, line.verdict];
}

/** A plain-text table (also valid inside a Markdown code block). */
export function formatTable(lines: BenchLine[]): string {
  const rows = [HEADERS, ...lines.map(cells)];
  const widths = HEADERS.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const format = (row: string[]): string => row.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const body: string[] = [];
  let previous: string | undefined;
  for (const line of lines) {
    // The scenario name once per group keeps the table readable.
    const row = cells(line);
    if (line.scenario === previous) row[0] = '';
    previous = line.scenario;
    body.push(format(row));
  }
  return [format(HEADERS), rule, ...body].join('\n');
}
