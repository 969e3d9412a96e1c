import { test as base, chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { runBuiltCli, startAppServer, type AppServer } from './app-server';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

// As root Chromium needs --no-sandbox; the background-networking switches keep it from calling
// home on a machine with no network.
const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
];

interface Fixtures {
  /** A fresh app (its own data folder) served in browser mode. */
  app: AppServer;
}
interface WorkerFixtures {
  chromiumBrowser: Browser;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  chromiumBrowser: [
    async ({}, use) => {
      if (!existsSync(CHROMIUM)) throw new Error(`Debian's Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium).`);
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  browser: async ({ chromiumBrowser }, use) => use(chromiumBrowser),
  app: async ({}, use) => {
    const app = await startAppServer();
    await use(app);
    await app.stop();
  },
});

export { expect } from '@playwright/test';

/** A fresh app already holding the built-in demo portfolio (loaded through the command line). */
export const demoTest = test.extend<{ demo: AppServer }>({
  demo: async ({}, use) => {
    const app = await startAppServer(async (dbPath) => {
      const result = await runBuiltCli('demo', '--db', dbPath);
      if (result.code !== 0) throw new Error(`demo failed: ${result.stderr}`);
    });
    await use(app);
    await app.stop();
  },
});
