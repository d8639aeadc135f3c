/**
 * A table of measured figures that a test file prints once at the end (the README quotes these tables), so that each
 * run shows its own numbers rather than a claim.
 */
export class FigureTable {
  private readonly rows: Record<string, string | number>[] = [];

  constructor(
    private readonly title: string,
    private readonly columns: readonly string[],
  ) {}

  add(row: Record<string, string | number>): void {
    this.rows.push(row);
  }

  /** The rows as aligned text, sorted so that concurrent tests print in a stable order. */
  format(): string {
    const cells = this.rows.map((row) => this.columns.map((column) => String(row[column] ?? '')));
    cells.sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000')));
    const widths = this.columns.map((column, index) => Math.max(column.length, ...cells.map((row) => row[index]!.length)));
    const line = (values: readonly string[]) => `| ${values.map((value, index) => value.padEnd(widths[index]!)).join(' | ')} |`;
    const rule = `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`;
    return [`${this.title}`, line(this.columns), rule, ...cells.map(line)].join('\n');
  }

  print(): void {
    if (this.rows.length > 0) console.log(`\n${this.format()}\n`);
  }
}

/** Milliseconds, rounded, for a table. */
export function ms(value: number): string {
  return `${Math.round(value)}`;
}
