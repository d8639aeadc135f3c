import { FigureTable, ms } from '../support/figures';

export interface MatrixRecord {
  fault: string;
  read: string;
  mode: string;
  outcome: string;
  requests: number;
  elapsedMs: number;
  boundMs: number;
}

/**
 * The matrix's figures, one row per fault and credential mode: the outcome, the requests each read sent (account,
 * project, kms, sfs-turbo, metastudio), and the slowest read against its bound.
 */
export class MatrixFigures {
  private readonly records: MatrixRecord[] = [];

  constructor(private readonly title: string) {}

  add(record: MatrixRecord): void {
    this.records.push(record);
  }

  print(): void {
    const table = new FigureTable(this.title, ['fault', 'credentials', 'outcome', 'requests per read', 'slowest ms', 'bound ms']);
    const groups = new Map<string, MatrixRecord[]>();
    for (const record of this.records) groups.set(`${record.fault}\u0000${record.mode}`, [...(groups.get(`${record.fault}\u0000${record.mode}`) ?? []), record]);
    for (const group of groups.values()) {
      const [first] = group as [MatrixRecord];
      const byRead = (a: MatrixRecord, b: MatrixRecord) => READ_ORDER.indexOf(a.read) - READ_ORDER.indexOf(b.read);
      table.add({
        fault: first.fault,
        credentials: first.mode,
        outcome: [...new Set(group.map((record) => record.outcome))].join(' / '),
        'requests per read': [...group].sort(byRead).map((record) => record.requests).join(' '),
        'slowest ms': ms(Math.max(...group.map((record) => record.elapsedMs))),
        'bound ms': ms(Math.max(...group.map((record) => record.boundMs))),
      });
    }
    table.print();
  }
}

const READ_ORDER = ['account', 'project', 'kms', 'sfs-turbo', 'metastudio'];
