import { spawn } from 'node:child_process';
import { accessSync, closeSync, constants, mkdtempSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// Printing the review brief to PDF through a Chromium installed on the machine: the browser's own
// print engine lays out the HTML exactly as it prints from the app, with vector charts and page breaks.

const KNOWN_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const ON_PATH = ['chromium', 'google-chrome'];
const PRINT_TIMEOUT_MS = 60_000;

const isExecutable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

/** The Chromium to print with: $CHROMIUM_PATH, the usual install places, then the PATH; null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env['CHROMIUM_PATH'];
  if (chosen && isExecutable(chosen)) return chosen;
  for (const path of KNOWN_PATHS) if (isExecutable(path)) return path;
  for (const name of ON_PATH) {
    const found = onPath(name, env);
    if (found) return found;
  }
  return null;
}

export class PdfPrintError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfPrintError';
  }
}

function chromiumArgs(htmlFile: string, pdfFile: string, profileDir: string): string[] {
  // Chromium refuses to start its sandbox as root (containers, CI): only then run without it.
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return [
    '--headless',
    '--disable-gpu',
    ...(asRoot ? ['--no-sandbox'] : []),
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--no-first-run',
    '--no-default-browser-check',
    `--user-data-dir=${profileDir}`,
    '--no-pdf-header-footer',
    // The older name of the same switch, for Chromium before version 120.
    '--print-to-pdf-no-header',
    `--print-to-pdf=${pdfFile}`,
    pathToFileURL(htmlFile).href,
  ];
}

function runChromium(executable: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new PdfPrintError(`Chromium did not finish printing within ${timeoutMs / 1000} seconds (${executable}).`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new PdfPrintError(`Chromium could not be started (${executable}): ${error.message}`));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise();
      else reject(new PdfPrintError(`Chromium failed to print (${executable}, ${signal ? `signal ${signal}` : `exit status ${String(code)}`}).${lastLines(stderr)}`));
    });
  });
}

const lastLines = (text: string): string => {
  const lines = text.trim().split('\n').slice(-5).join('\n');
  return lines ? `\n${lines}` : '';
};

function startsWithPdfMagic(file: string): boolean {
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.alloc(5);
    readSync(fd, head, 0, 5, 0);
    return head.toString('latin1') === '%PDF-';
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Prints an HTML document to PDF bytes with headless Chromium; throws PdfPrintError saying why when it cannot. */
export async function printHtmlToPdfBytes(html: string, options: { chromium?: string; timeoutMs?: number } = {}): Promise<Buffer> {
  const executable = options.chromium ?? findChromium();
  if (!executable) throw new PdfPrintError('Chromium is needed to write a PDF and was not found.');
  const work = mkdtempSync(join(tmpdir(), 'ahc-brief-'));
  try {
    const htmlFile = join(work, 'brief.html');
    const printed = join(work, 'brief.pdf');
    writeFileSync(htmlFile, html, 'utf8');
    await runChromium(executable, chromiumArgs(htmlFile, printed, join(work, 'profile')), options.timeoutMs ?? PRINT_TIMEOUT_MS);
    if (!startsWithPdfMagic(printed)) throw new PdfPrintError('Chromium finished but wrote no PDF.');
    return readFileSync(printed);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Prints an HTML document to a PDF file; the file appears only once the PDF is whole. */
export async function printHtmlToPdf(html: string, outFile: string, options: { chromium?: string; timeoutMs?: number } = {}): Promise<void> {
  const bytes = await printHtmlToPdfBytes(html, options);
  const target = resolve(outFile);
  const partial = `${target}.part`;
  writeFileSync(partial, bytes);
  renameSync(partial, target);
}
