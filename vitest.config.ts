import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '~': fileURLToPath(new URL('./src', import.meta.url)),
      '~worker': fileURLToPath(new URL('./worker', import.meta.url)),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // The fault suite runs a whole cluster: npm run test:faults (vitest.faults.config.ts).
    exclude: ['tests/faults/**', '**/node_modules/**'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    // Integration tests start real processes (Redis, web, worker); run files one at a
    // time so that a 2-core machine does not starve the processes under test.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
