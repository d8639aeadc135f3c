import { printable } from '../printable-text';

/** Formats rows as aligned columns, control characters escaped; `highlight` rows are shown in red when colour is on. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], options: { color: boolean; highlight?: (row: number) => boolean }): string {
  const cells = rows.map((row) => row.map(printable));
  // A reduce, not Math.max(...lengths): a spread of 100,000 rows overflows the stack.
  const widths = headers.map((header, column) => cells.reduce((width, row) => Math.max(width, row[column]!.length), header.length));
  const line = (row: readonly string[]) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  const body = cells.map((row, index) => {
    const text = line(row);
    return options.color && options.highlight?.(index) ? `\u001b[31m${text}\u001b[0m` : text;
  });
  return [line(headers), ...body].join('\n') + '\n';
}

/** Quota numbers for people: `unlimited` and `unknown` spelled out, fractions kept short. */
export function formatAmount(value: number | null, whenNull: 'unlimited' | 'unknown' | '-'): string {
  if (value === null) return whenNull;
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
}
