import { defineConfig } from 'vitest/config';

// The long crash trials (npm run test:crash): processes killed mid-import, mid-rescoring and
// mid-migration. One file at a time: each trial already keeps both cores busy.
export default defineConfig({
  test: {
    include: ['tests/crash/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 600_000,
    hookTimeout: 300_000,
  },
});
