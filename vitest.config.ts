import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // A guard against a hang, not a measure of speed (the benchmark measures that): end-to-end
    // cases start billcheck processes, which a CI machine with two busy cores can slow several-fold.
    testTimeout: 60_000,
    // One test file per core, not one less (vitest's default): the end-to-end files spend most
    // of their time waiting for the billcheck processes they start.
    maxWorkers: availableParallelism(),
    // One module graph per worker, not one per test file: importing billcheck's sources again for
    // each of 135 files cost more CPU than half of the tests themselves (55 s of a 170 s run). No
    // module of billcheck keeps state between runs but caches of pure functions, and each test
    // makes its own files and inputs.
    isolate: false,
  },
});
