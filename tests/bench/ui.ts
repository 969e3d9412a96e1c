/// <reference lib="dom" />
// The interface step: the built renderer and core in Debian's Chromium through browser mode, on
// the benchmark's database. Timings come from the page's own clock (performance.now()).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from '@playwright/test';
import type { Figures } from './targets';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = resolve(ROOT, 'out', 'main', 'cli.js');
const CHROMIUM = '/usr/bin/chromium';

type Ui = NonNullable<Figures['ui']>;

/** The median of three for the two waits; every frame while scrolling. */
export async function measureUi(db: string, asOf: string, log: (line: string) => void): Promise<Ui> {
  if (!existsSync(CLI)) throw new Error('The interface step needs the built app: run `npm run build` first.');
  if (!existsSync(CHROMIUM)) throw new Error(`The interface step needs Chromium at ${CHROMIUM} (apt-get install -y chromium).`);
  const server = spawn(process.execPath, [CLI, 'serve', '--db', db, '--as-of', asOf], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  server.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  try {
    const url = await new Promise<string>((done, fail) => {
      createInterface({ input: server.stdout }).once('line', (line) => done(line.trim()));
      server.once('exit', (code) => fail(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const ready = [];
      const opens = [];
      for (let trial = 0; trial < 3; trial += 1) {
        // Navigation to a fresh document: the whole start-up, from request to the table's rows.
        await page.goto('about:blank');
        const started = Date.now();
        await page.goto(url);
        await page.waitForSelector('[data-app-state="ready"] [role=table][aria-label="Accounts"] [role=row][data-account-id]', { timeout: 60_000 });
        const sinceNavigation = await page.evaluate(() => performance.now());
        ready.push(Math.min(sinceNavigation, Date.now() - started));

        // Opening an account from the table, until its view has loaded.
        const first = page.locator('[role=row][data-account-id]').nth(trial);
        const id = await first.getAttribute('data-account-id');
        const t0 = await page.evaluate(() => performance.now());
        await first.locator('a').first().click();
        await page.waitForSelector(`[data-app-state="ready"] [data-view="account"][data-account-id="${id}"]`, { timeout: 30_000 });
        opens.push((await page.evaluate(() => performance.now())) - t0);
      }
      log(`  ready ${ready.map((v) => v.toFixed(0)).join(' / ')} ms; account ${opens.map((v) => v.toFixed(0)).join(' / ')} ms`);

      // Scrolling the whole table, top to bottom, a screenful per frame as a held-down Page Down would.
      await page.goto(url);
      await page.waitForSelector('[data-app-state="ready"] [data-scroll="portfolio"] [role=row][data-account-id]', { timeout: 60_000 });
      const scroll = await page.evaluate(async () => {
        const box = document.querySelector<HTMLElement>('[data-scroll="portfolio"]')!;
        const frames: number[] = [];
        let last = performance.now();
        const rows = new Set<string>();
        // (No helper functions in here: the page gets this code as written, without the bundler's helpers.)
        for (const row of box.querySelectorAll('[role=row][data-account-id]')) rows.add(row.getAttribute('data-account-id')!);
        while (box.scrollTop + box.clientHeight < box.scrollHeight - 1) {
          box.scrollTop += box.clientHeight;
          await new Promise<void>((done) => requestAnimationFrame(() => done()));
          const now = performance.now();
          frames.push(now - last);
          last = now;
          for (const row of box.querySelectorAll('[role=row][data-account-id]')) rows.add(row.getAttribute('data-account-id')!);
        }
        return { longest: Math.max(...frames), frames: frames.length, rows: rows.size, all: frames.map((f) => Math.round(f)) };
      });
      log(`  scrolled ${scroll.rows} rows in ${scroll.frames} frames, longest ${scroll.longest.toFixed(1)} ms`);
      if (process.env['BENCH_FRAMES']) log(`  frames: ${scroll.all.join(' ')}`);
      return {
        portfolio_ready_ms: Math.round(median(ready)),
        // The first navigation after the server starts: what a user waits for each time the app opens.
        portfolio_ready_first_ms: Math.round(ready[0]!),
        account_open_ms: Math.round(median(opens)),
        longest_scroll_frame_ms: Math.round(scroll.longest * 10) / 10,
        scroll_frames: scroll.frames,
        rows_scrolled: scroll.rows,
      };
    } finally {
      await browser.close();
    }
  } finally {
    server.kill('SIGTERM');
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
