import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/hermetic-env.ts'],
    globalSetup: ['test/support/build-once.ts'],
    testTimeout: 30_000,
  },
});
