import { afterAll, beforeAll, expect, it } from 'vitest';
import { createQuotaClient, HuaweiCloudError, type QuotaClient } from '../../../provider/client';
import { DEFAULTS } from '../../../provider/client-options';
import { startEmulator, type EmulatorProject, type RunningEmulator } from '../../../provider/emulator';
import { startConnectionCounter, type ConnectionCounter } from '../support/connection-counter';
import { credentialOptions } from '../support/credential-modes';
import { FigureTable, ms } from '../support/figures';
import { megabytes, retainedHeapBytes } from '../support/heap';
import { expectNoSecrets } from '../support/recognisable-secrets';
import { reliabilityState } from '../support/reliability-state';
import { RESULT_SHAPES, shapeProblem, type ReadName } from '../support/result-shapes';
import { FAST_TIMINGS } from '../support/retry-timings';
import { settle, type Outcome } from '../support/settle';

// 2,000 reads at once across 100 projects, 5% of requests answered 503, through one client with the default pool of 8
// connections per origin. Every read succeeds or fails with a typed error; a TCP relay in front of the emulator counts
// the connections the pool really opens; the retained heap is measured after each of several identical rounds.

const PROJECTS = 100;
const READS_PER_PROJECT = 20;
const FAULT_RATE = 0.05;
const ROUNDS = 3;
/** Growth of the retained heap allowed from the first measured round to the last: a leak of even 1 KB a read is 8 MB. */
const FLAT_HEAP_BYTES = 4 * 1024 * 1024;

let emulator: RunningEmulator;
let relay: ConnectionCounter;
let client: QuotaClient;
const faultLog: string[] = [];
beforeAll(async () => {
  emulator = await startEmulator({
    // The built-in state already has cn-north-4 and its sub-project cn-north-4_dev.
    state: reliabilityState({ subProjects: PROJECTS - 2 }),
    faults: [{ route: '*', kind: '503', rate: FAULT_RATE }],
    log: (line) => faultLog.push(line),
  });
  relay = await startConnectionCounter(Number(new URL(emulator.url).port));
  const base = relay.url;
  client = createQuotaClient({
    ...credentialOptions('temporary keys'),
    // Short backoff, but the default 30 s per attempt: an attempt's time includes its wait for one of the 8 connections.
    ...FAST_TIMINGS,
    requestTimeoutMs: DEFAULTS.requestTimeoutMs,
    region: 'cn-north-4',
    cacheTtlMs: 0,
    env: { HWQUOTA_METADATA_URL: 'off' },
    endpoints: { iam: `${base}/iam/cn-north-4`, kms: `${base}/kms/cn-north-4`, 'sfs-turbo': `${base}/sfs-turbo/cn-north-4`, metastudio: `${base}/metastudio/cn-north-4` },
  });
});
afterAll(async () => {
  await client.close();
  await relay.close();
  await emulator.stop();
});

interface Read {
  name: ReadName;
  projectId: string;
  run(): Promise<unknown>;
}

/** Twenty different reads per project: its IAM, KMS and SFS Turbo quotas, and 17 MetaStudio users' quotas. */
function readsFor(projects: readonly EmulatorProject[], userIds: readonly string[]): Read[] {
  return projects.flatMap((project) => {
    const projectId = project.id;
    const users = userIds.slice(0, READS_PER_PROJECT - 3);
    return [
      { name: 'project' as const, projectId, run: () => client.projectQuotas({ projectId }) },
      { name: 'kms' as const, projectId, run: () => client.kmsQuotas({ projectId }) },
      { name: 'sfs-turbo' as const, projectId, run: () => client.sfsTurboQuotas({ projectId }) },
      ...users.map((userId) => ({ name: 'metastudio' as const, projectId, run: () => client.metaStudioUserQuotas({ projectId, userId }) })),
    ];
  });
}

/** What a round leaves behind: figures only, so that the heap measured after it holds no result of the test's own. */
interface Round {
  ok: number;
  failed: number;
  elapsedMs: number;
  requests: number;
  injected: number;
  peakConnections: number;
  openedConnections: number;
  heapBytes: number;
}

/** Runs every read at once, checks each outcome, and measures. */
async function runRound(reads: readonly Read[]): Promise<Round> {
  relay.reset();
  faultLog.length = 0;
  const requestsBefore = totalRequests();
  const started = performance.now();
  const outcomes = await Promise.all(reads.map((read) => settle(read.run)));
  const elapsedMs = performance.now() - started;
  outcomes.forEach((outcome, index) => expectValidOrTyped(outcome, reads[index]!));
  const failed = outcomes.filter((outcome) => !outcome.ok).length;
  // Log lines are written when each answer is finished; give the last ones a turn.
  await new Promise((resolve) => setImmediate(resolve));
  return {
    ok: outcomes.length - failed,
    failed,
    elapsedMs,
    requests: totalRequests() - requestsBefore,
    injected: faultLog.filter((line) => line.includes(', fault 503]')).length,
    peakConnections: relay.peak,
    openedConnections: relay.opened,
    heapBytes: retainedHeapBytes(),
  };
}

function totalRequests(): number {
  return Object.values(emulator.requests).reduce((sum, count) => sum + count, 0);
}

function expectValidOrTyped(outcome: Outcome<unknown>, read: Read): void {
  if (outcome.ok) {
    expect(shapeProblem(RESULT_SHAPES[read.name], outcome.value)).toBeUndefined();
    // The answer of its own project, never another's.
    expect((outcome.value as { projectId: string }).projectId).toBe(read.projectId);
    return;
  }
  // Four 503s in a row (p = 0.05⁴ per read): a retryable service error after every attempt.
  expect(outcome.error).toBeInstanceOf(HuaweiCloudError);
  expect(outcome.error).toMatchObject({ kind: 'service', status: 503, attempts: FAST_TIMINGS.maxAttempts, retryable: true });
  expectNoSecrets(outcome.error, 'a failed read');
}

it('2,000 concurrent reads across 100 projects with 5% injected 503s: all typed, sockets within the pool, heap flat', { timeout: 120_000 }, async () => {
  const account = emulator.state.accounts[0]!;
  const projects = account.projects.filter((project) => project.region === 'cn-north-4');
  expect(projects).toHaveLength(PROJECTS);
  const reads = readsFor(projects, account.metaStudioUsers.map((user) => user.user_id));
  expect(reads).toHaveLength(PROJECTS * READS_PER_PROJECT);

  const warmUp = await runRound(reads);
  const rounds: Round[] = [];
  for (let round = 0; round < ROUNDS; round++) rounds.push(await runRound(reads));

  const table = new FigureTable('Load: 2,000 concurrent reads, 100 projects, 5% injected 503s, one client (8 connections per origin)', [
    'round', 'ok', 'typed errors', 'requests', '503s injected', 'ms', 'reads/s', 'peak sockets', 'sockets opened', 'heap MB after gc',
  ]);
  for (const [index, round] of [warmUp, ...rounds].entries()) {
    table.add({
      round: index === 0 ? '0 (warm-up)' : String(index),
      ok: round.ok,
      'typed errors': round.failed,
      requests: round.requests,
      '503s injected': round.injected,
      ms: ms(round.elapsedMs),
      'reads/s': Math.round(reads.length / (round.elapsedMs / 1000)),
      'peak sockets': round.peakConnections,
      'sockets opened': round.openedConnections,
      'heap MB after gc': megabytes(round.heapBytes),
    });
  }
  table.print();

  for (const round of [warmUp, ...rounds]) {
    // Every request is a read's attempt: one per success, plus each injected 503.
    expect(round.requests).toBe(round.ok + round.injected);
    // 5% of ~2,100 requests: outside 40..180 only if faults were not injected, or were retried wrongly.
    expect(round.injected).toBeGreaterThan(40);
    expect(round.injected).toBeLessThan(180);
    expect(round.peakConnections).toBeLessThanOrEqual(DEFAULTS.connections);
    expect(round.openedConnections).toBeLessThanOrEqual(DEFAULTS.connections);
  }
  // Retained heap after the same work, round after round: flat, not growing with the reads.
  const growth = rounds.at(-1)!.heapBytes - rounds[0]!.heapBytes;
  expect(growth).toBeLessThan(FLAT_HEAP_BYTES);
});
