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
    // each of 135 files cost more CPU than half of the tests themselves (55 s of a 170 s run).
    // billcheck's modules keep nothing between runs but caches of pure functions and the PDF
    // reader's worker (made again when a run asks for other limits); test helpers' state is reset
    // before every test by the setup file, which vitest runs for every file.
    isolate: false,
    setupFiles: ['test/setup.ts'],
  },
});
