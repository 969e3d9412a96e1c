import { defineConfig } from '@playwright/test';

// End-to-end tests drive the real renderer and the real core in Debian's Chromium, through the
// app's loopback browser mode (see tests/e2e/support/fixtures.ts). Never downloads a browser.
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    viewport: { width: 1366, height: 768 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
