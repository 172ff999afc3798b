import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** `npm run test:faults`: faults injected into a real cluster behind HAProxy (tests/faults). */
export default defineConfig({
  resolve: {
    alias: {
      '~': fileURLToPath(new URL('./src', import.meta.url)),
      '~worker': fileURLToPath(new URL('./worker', import.meta.url)),
    },
  },
  test: {
    include: ['tests/faults/**/*.test.ts'],
    globalSetup: ['tests/faults/setup.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
