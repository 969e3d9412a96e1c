import { existsSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { openContext } from '../../services/context';
import { buildReviewBrief } from '../../services/review';
import { findChromium, printHtmlToPdf, PdfPrintError } from '../../services/review-pdf';
import { NotFoundError } from '../../services/dispatcher';
import { renderBriefHtml } from '../../review/brief-html';
import { EXIT, UsageError, type Output } from '../output';
import { isoDate, parse, requireString } from '../options';

export const NO_CHROMIUM = 'Chromium is needed to write a PDF and was not found; write --out brief.html and print it, or install chromium';

type BriefFormat = 'html' | 'pdf';

interface ReviewOptions {
  dbPath: string;
  accountId: string;
  asOf: string | undefined;
  outFile: string;
  format: BriefFormat;
}

function reviewOptions(argv: string[]): ReviewOptions {
  const { values } = parse(argv, { db: { type: 'string' }, account: { type: 'string' }, 'as-of': { type: 'string' }, out: { type: 'string' } });
  const outFile = resolve(requireString(values, 'out'));
  return {
    dbPath: requireString(values, 'db'),
    accountId: requireString(values, 'account'),
    asOf: isoDate(values['as-of'], 'as-of'),
    outFile,
    format: formatOf(outFile),
  };
}

function formatOf(outFile: string): BriefFormat {
  const ext = extname(outFile).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.pdf') return 'pdf';
  throw new UsageError(`--out must name a .html or .pdf file, got "${outFile}"`);
}

/** Why the brief cannot be written where asked, found before any work is done; null when it can. */
function cannotWrite(outFile: string, format: BriefFormat): string | null {
  if (!existsSync(dirname(outFile))) return `cannot write ${outFile}: the folder ${dirname(outFile)} does not exist`;
  if (format === 'pdf' && findChromium() === null) return NO_CHROMIUM;
  return null;
}

/** review --db PATH --account ID [--as-of DATE] --out FILE.html|FILE.pdf: the account-review brief. */
export async function reviewCommand(argv: string[], io: Output): Promise<number> {
  const { dbPath, accountId, asOf, outFile, format } = reviewOptions(argv);
  const problem = cannotWrite(outFile, format);
  if (problem) {
    io.err(`error: ${problem}`);
    return EXIT.failed;
  }
  const html = briefHtml(dbPath, accountId, asOf);
  if (html === null) {
    io.err(`error: there is no account "${accountId}"`);
    return EXIT.badInput;
  }
  try {
    if (format === 'pdf') await printHtmlToPdf(html, outFile);
    else writeFileSync(outFile, html, 'utf8');
  } catch (error) {
    const reason = error instanceof PdfPrintError ? error.message : `cannot write ${outFile}: ${(error as Error).message}`;
    io.err(`error: ${reason}`);
    return EXIT.failed;
  }
  io.out(outFile);
  return EXIT.ok;
}

/** The brief as HTML, or null when there is no such account. */
function briefHtml(dbPath: string, accountId: string, asOf: string | undefined): string | null {
  const ctx = openContext(dbPath, { singleConnection: true });
  try {
    return renderBriefHtml(buildReviewBrief(ctx, accountId, asOf));
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  } finally {
    ctx.close();
  }
}
