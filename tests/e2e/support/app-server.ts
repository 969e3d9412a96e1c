import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
export const BUILT_CLI = join(ROOT, 'out', 'main', 'cli.js');

export interface AppServer {
  readonly url: string;
  readonly dataDir: string;
  readonly dbPath: string;
  stop(): Promise<void>;
}

/** Runs the built command line's `serve` on a fresh data folder and waits for its address. */
export async function startAppServer(prepare?: (dbPath: string) => Promise<void> | void): Promise<AppServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ahc-e2e-'));
  const dbPath = join(dataDir, 'app.db');
  if (prepare) await prepare(dbPath);
  const child: ChildProcess = spawn(process.execPath, [BUILT_CLI, 'serve', '--db', dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolveUrl(line.trim()));
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    dataDir,
    dbPath,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs the built command line to completion (to prepare data). */
export function runBuiltCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BUILT_CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => done({ code: code ?? 1, stdout, stderr }));
  });
}
