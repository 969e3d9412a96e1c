import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../../support/cli';
import type * as ReviewPdf from '../../../src/services/review-pdf';

// Lets one test see a machine without Chromium; every other test finds the real one.
const chromium = vi.hoisted(() => ({ missing: false }));
vi.mock('../../../src/services/review-pdf', async (importOriginal) => {
  const real = await importOriginal<typeof ReviewPdf>();
  return { ...real, findChromium: () => (chromium.missing ? null : real.findChromium()) };
});

const AS_OF = '2026-11-23';
const HAS_CHROMIUM = existsSync('/usr/bin/chromium');

// The demo portfolio takes a few seconds to write: one database for the whole file, only read here.
let dir = '';
const db = (): string => join(dir, 'demo.db');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ahc-review-'));
  const demo = await cli('demo', '--db', db(), '--as-of', AS_OF);
  expect(demo.code).toBe(0);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const accountName = async (id: string): Promise<string> => {
  const scores = JSON.parse((await cli('scores', '--db', db(), '--as-of', AS_OF, '--json')).stdout) as Array<{ account_id: string; name: string }>;
  return scores.find((s) => s.account_id === id)?.name ?? '';
};

describe('review', () => {
  it('writes the brief of an account as HTML and prints the path', async () => {
    const out = join(dir, 'brief.html');
    const res = await cli('review', '--db', db(), '--account', 'C0004', '--as-of', AS_OF, '--out', out);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout.trim()).toBe(out);
    const html = readFileSync(out, 'utf8');
    const name = await accountName('C0004');
    expect(name).not.toBe('');
    expect(html).toContain(name);
    expect(html).toContain('Prepared 23 Nov 2026');
    expect(html).not.toMatch(/<script/i);
  });

  const pdfTitle = HAS_CHROMIUM ? 'prints the brief to PDF through Chromium' : 'prints the brief to PDF (skipped: no Chromium at /usr/bin/chromium)';
  it.skipIf(!HAS_CHROMIUM)(pdfTitle, async () => {
    const out = join(dir, 'brief.pdf');
    const res = await cli('review', '--db', db(), '--account', 'C0004', '--as-of', AS_OF, '--out', out);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('says how to get a brief when Chromium is not installed, with exit status 1', async () => {
    chromium.missing = true;
    try {
      const out = join(dir, 'none.pdf');
      const res = await cli('review', '--db', db(), '--account', 'C0004', '--as-of', AS_OF, '--out', out);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain('Chromium is needed to write a PDF and was not found; write --out brief.html and print it, or install chromium');
      expect(existsSync(out)).toBe(false);
    } finally {
      chromium.missing = false;
    }
  });

  it('exits 2 on an unknown account and writes nothing', async () => {
    const out = join(dir, 'nobody.html');
    const res = await cli('review', '--db', db(), '--account', 'C9999', '--as-of', AS_OF, '--out', out);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('there is no account "C9999"');
    expect(existsSync(out)).toBe(false);
  });

  it('treats a missing option or an --out that is neither .html nor .pdf as a usage error', async () => {
    const wrong = await cli('review', '--db', db(), '--account', 'C0004', '--out', join(dir, 'brief.docx'));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--out must name a .html or .pdf file');
    const missing = await cli('review', '--db', db(), '--account', 'C0004');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--out is required');
  });

  it('says clearly when the file cannot be written', async () => {
    const res = await cli('review', '--db', db(), '--account', 'C0004', '--as-of', AS_OF, '--out', join(dir, 'no-such-folder', 'brief.html'));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^error: cannot write .*brief\.html: the folder .*no-such-folder does not exist/);
  });

  it('is listed in the help', async () => {
    expect((await cli('help')).stdout).toContain('review    --db PATH --account ID [--as-of DATE] --out FILE.html|FILE.pdf');
  });
});

describe('printing through Chromium', () => {
  const fakeChromium = (name: string, script: string): string => {
    const file = join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${script}\n`);
    chmodSync(file, 0o755);
    return file;
  };

  it('looks at CHROMIUM_PATH first and passes over one that is not there', async () => {
    const { findChromium } = await vi.importActual<typeof ReviewPdf>('../../../src/services/review-pdf');
    const mine = fakeChromium('my-chromium', 'exit 0');
    expect(findChromium({ CHROMIUM_PATH: mine, PATH: '' })).toBe(mine);
    expect(findChromium({ CHROMIUM_PATH: join(dir, 'not-there'), PATH: '' })).not.toBe(join(dir, 'not-there'));
  });

  it('says why when Chromium fails, and when it hangs', async () => {
    const { printHtmlToPdf } = await vi.importActual<typeof ReviewPdf>('../../../src/services/review-pdf');
    const out = join(dir, 'failed.pdf');
    const failing = fakeChromium('failing-chromium', 'echo "cannot open display" >&2; exit 3');
    await expect(printHtmlToPdf('<p>x</p>', out, { chromium: failing })).rejects.toThrow(/Chromium failed to print .*exit status 3\)\.\ncannot open display/);
    const silent = fakeChromium('silent-chromium', 'exit 0');
    await expect(printHtmlToPdf('<p>x</p>', out, { chromium: silent })).rejects.toThrow('Chromium finished but wrote no PDF.');
    const hanging = fakeChromium('hanging-chromium', 'exec sleep 30');
    await expect(printHtmlToPdf('<p>x</p>', out, { chromium: hanging, timeoutMs: 300 })).rejects.toThrow('Chromium did not finish printing within 0.3 seconds');
    expect(existsSync(out)).toBe(false);
  });
});
