import { _electron as electron } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { test, expect } from '@playwright/test';

// The desktop app itself, driven through Playwright's Electron support. The Electron binary is
// downloaded on first `npm start`; where it is absent (no internet access) this test skips.
const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override ? join(override, relative) : join(electronDir, 'dist', relative);
  return existsSync(binary) ? binary : null;
}

function electronBuildOfSqlite(): boolean {
  return existsSync(join(dirname(require.resolve('better-sqlite3/package.json')), 'build-electron', 'better_sqlite3.node'));
}

const binary = electronBinary();

test.describe('the Electron app', () => {
  test.skip(!binary, 'the Electron binary is absent (it is downloaded by the first `npm start`, which needs internet access)');
  test.skip(!electronBuildOfSqlite(), 'better-sqlite3 is not built for Electron yet (`npm start` builds it)');

  test('opens a secure window that lists accounts through IPC', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ahc-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [resolve(import.meta.dirname, '..', '..')],
      env: { ...process.env, AHC_DATA_DIR: dataDir },
    });
    try {
      const window = await app.firstWindow();
      await window.locator('#root[data-app-state="ready"]').waitFor();
      expect(window.url()).toBe('app://bundle/index.html');
      // No Node in the page, and the preload's bridge offers one typed call, saving the review brief and staging import files, nothing else.
      expect(await window.evaluate(() => [typeof (globalThis as { require?: unknown }).require, typeof (globalThis as { process?: unknown }).process])).toEqual(['undefined', 'undefined']);
      expect(await window.evaluate(() => Object.keys((globalThis as unknown as { api: object }).api))).toEqual(['call', 'saveReviewPdf', 'stageBegin', 'stageChunk', 'stageFinish', 'stageAbort']);
      await window.getByRole('button', { name: 'Explore the demo portfolio' }).click();
      await expect(window.getByRole('table', { name: 'Accounts' }).locator('[role=row][data-account-id]')).not.toHaveCount(0);
    } finally {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
