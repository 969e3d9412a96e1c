import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/temp';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** Runs the command line as a process whose reader closes the pipe after the first chunk. */
function runAndCloseEarly(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    child.on('exit', (code) => done({ code, stderr }));
  });
}

describe('the command line behind a pipe', () => {
  const t = useTempDir();

  it('finishes its work and exits cleanly when the reader stops early (`… | head`)', async () => {
    const db = join(t.dir(), 'portfolio.db');
    const demo = await runAndCloseEarly(['demo', '--db', db]);
    expect(demo.stderr).not.toMatch(/EPIPE|Unhandled/);
    const listed = await runAndCloseEarly(['alerts', '--db', db]);
    expect(listed).toMatchObject({ code: 0 });
    expect(listed.stderr).not.toMatch(/EPIPE|Unhandled/);
  }, 120_000);
});
