import type { QuotaCheck } from '../quota/requirements';

/** The message of a failed guard: how many requirements are short, then the table. */
export function shortfallMessage(checks: readonly QuotaCheck[], table: string): string {
  const short = checks.filter((check) => !check.met).length;
  return `Huawei Cloud quota headroom is short for ${short} of ${checks.length} requirement${checks.length === 1 ? '' : 's'}:\n${table}`;
}
