import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    // One test file per core, not one less (vitest's default): the end-to-end files spend most
    // of their time waiting for the billcheck processes they start.
    maxWorkers: availableParallelism(),
  },
});
