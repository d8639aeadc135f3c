import { startEmulator, type EmulatorOptions, type RequestCounts, type RunningEmulator } from '../../../provider/emulator';
import { reliabilityState } from './reliability-state';

/**
 * Runs `use` against an emulator of its own (the recognisable-secrets state unless told otherwise), on 127.0.0.1 and a
 * free port, and stops it afterwards whatever happens. Safe in concurrent tests, unlike a shared afterEach.
 */
export async function withEmulator<T>(options: EmulatorOptions, use: (emulator: RunningEmulator) => Promise<T>): Promise<T> {
  const emulator = await startEmulator({ state: reliabilityState(), ...options });
  try {
    return await use(emulator);
  } finally {
    await emulator.stop();
  }
}

/** Requests per API since now: `since()` gives the counts that arrived after this call. */
export function requestCounter(emulator: RunningEmulator): { since(): RequestCounts } {
  const before = { ...emulator.requests };
  return {
    since: () => Object.fromEntries(Object.entries(emulator.requests).map(([route, count]) => [route, count - (before[route as keyof RequestCounts] ?? 0)])) as RequestCounts,
  };
}
