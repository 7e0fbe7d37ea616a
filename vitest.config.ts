import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // wink-nlp model loading takes ~1 s per worker; two workers match the 2-core CI machine.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    // Setup hooks start the pipeline and, for the report test, a browser: slow on a loaded 2-core machine.
    hookTimeout: 120_000,
    // On CI also write a JSON report, from which .ci/run prints a plain "N passed, N failed" line.
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'tests/.tmp/vitest-report.json' }]] : ['default'],
  },
});
