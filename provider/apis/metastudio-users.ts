import { createHash } from 'node:crypto';
import type { METASTUDIO_QUOTA_KEYS } from './metastudio';

type QuotaDetail = Record<(typeof METASTUDIO_QUOTA_KEYS)[number], number>;

/** Quota values to draw from, per key; `-1` (no limit) is among them so that some users are unlimited. */
const QUOTA_CHOICES: Record<keyof QuotaDetail, readonly number[]> = {
  modeling_count_2d_model: [-1, 5, 10, 20, 50],
  modeling_count_2d_model_flexus: [-1, 0, 2, 5],
  video_time_2d_model: [-1, 60, 120.5, 300, 600.75],
  video_time_flexus_2d_model: [-1, 30, 90.5, 180],
  voice_clone_basic: [-1, 0, 1, 5, 10],
  voice_clone_middle: [-1, 0, 1, 3],
  voice_clone_advance: [-1, 0, 1, 2],
  voice_clone_flexus: [-1, 0, 2, 5],
};

const FRACTIONAL_KEYS = new Set<keyof QuotaDetail>(['video_time_2d_model', 'video_time_flexus_2d_model']);

/**
 * MetaStudio users for the default state: the same list on every run (a seeded generator, no run-time randomness),
 * with unlimited (`-1`) quotas here and there, fractional `video_time_*` minutes, and usage that sometimes reaches the quota.
 */
export function generateMetaStudioUsers(count: number, seed: number): { user_id: string; quota: QuotaDetail; usage: QuotaDetail }[] {
  const random = mulberry32(seed);
  const pick = <T>(choices: readonly T[]): T => choices[Math.floor(random() * choices.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const quota = {} as QuotaDetail;
    const usage = {} as QuotaDetail;
    for (const key of Object.keys(QUOTA_CHOICES) as (keyof QuotaDetail)[]) {
      quota[key] = pick(QUOTA_CHOICES[key]);
      usage[key] = usageFor(quota[key], FRACTIONAL_KEYS.has(key), random);
    }
    return { user_id: createHash('sha256').update(`metastudio-user-${seed}-${index}`).digest('hex').slice(0, 32), quota, usage };
  });
}

function usageFor(quota: number, fractional: boolean, random: () => number): number {
  // An unlimited quota still has usage; fractions are quarter minutes, as video lengths come out.
  const ceiling = quota === -1 ? 40 : quota;
  return fractional ? Math.round(random() * ceiling * 4) / 4 : Math.floor(random() * (ceiling + 1));
}

/** A small, well-known seeded generator of floats in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
