import { expect, it } from 'vitest';

// Run only by vitest-fails-on-unhandled-rejection.test.ts, through its own config: a test that passes while a promise
// it made is rejected with no handler (when RELIABILITY_FIXTURE_REJECT is set).

it('passes, but leaves a rejection unhandled', async () => {
  if (process.env.RELIABILITY_FIXTURE_REJECT) void Promise.reject(new Error('left unhandled on purpose'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(true).toBe(true);
});
