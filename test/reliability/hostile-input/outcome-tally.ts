import { FigureTable } from '../support/figures';

/** Counts a property's cases by outcome, so that the figures show what the generated inputs actually exercised. */
export class OutcomeTally {
  private readonly counts = new Map<string, number>();

  constructor(private readonly title: string) {}

  add(outcome: string): void {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + 1);
  }

  count(outcome: string): number {
    return this.counts.get(outcome) ?? 0;
  }

  print(): void {
    const table = new FigureTable(this.title, ['outcome', 'cases']);
    for (const [outcome, cases] of this.counts) table.add({ outcome, cases });
    table.print();
  }
}
