import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const BUILD_LOCK = '/tmp/ahc-build.lock';

export interface CliRunner {
  /** How the command line is started: node and its first arguments. */
  readonly command: readonly string[];
  /** Which command line runs: the built bundle or the TypeScript sources through tsx. */
  readonly kind: 'built' | 'source';
  dispose(): void;
}

/**
 * The command line for child processes. The built bundle when there is one, copied out of `out/`
 * under the build lock so a rebuild during the trials cannot swap files under a running process;
 * otherwise the sources through tsx.
 */
export function commandLine(): CliRunner {
  const built = join(ROOT, 'out', 'main', 'cli.js');
  if (existsSync(built) && process.env['CRASH_CLI'] !== 'source') {
    const dir = mkdtempSync(join(tmpdir(), 'ahc-crash-cli-'));
    const locked = spawnSync('flock', ['-s', BUILD_LOCK, 'cp', '-r', join(ROOT, 'out', 'main'), join(dir, 'main')], { stdio: 'ignore' });
    if (locked.status !== 0 || !existsSync(join(dir, 'main', 'cli.js'))) cpSync(join(ROOT, 'out', 'main'), join(dir, 'main'), { recursive: true });
    // The bundle is ESM and imports better-sqlite3 from the project's node_modules.
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    return { command: [process.execPath, join(dir, 'main', 'cli.js')], kind: 'built', dispose: () => rmSync(dir, { recursive: true, force: true }) };
  }
  return { command: [process.execPath, '--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')], kind: 'source', dispose: () => undefined };
}

export interface RunOutcome {
  /** True when the process was killed; false when it ended on its own first. */
  readonly killed: boolean;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * Runs the command line and SIGKILLs it `killAfterMs` after it started (never when null). While it
 * runs, `watch` is called every `watchEveryMs`; a watch that returns true kills it there and then.
 */
export function run(cli: CliRunner, args: readonly string[], killAfterMs: number | null, watch?: { everyMs: number; check: () => boolean }): Promise<RunOutcome> {
  const [node, ...first] = cli.command;
  const started = performance.now();
  const child = spawn(node!, [...first, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let killed = false;
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) {
      killed = true;
      child.kill('SIGKILL');
    }
  };
  const timer = killAfterMs === null ? null : setTimeout(kill, killAfterMs);
  const poll = watch
    ? setInterval(() => {
        if (watch.check()) kill();
      }, watch.everyMs)
    : null;
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (poll) clearInterval(poll);
      resolvePromise({ killed: killed && signal === 'SIGKILL', code, stdout, stderr, ms: Math.round(performance.now() - started) });
    });
  });
}
