import type { AppContext } from '../context';
import type { HandlersOf } from '../dispatcher';
import type { reviewContract, ReviewPdf } from '../../shared/api/review';
import { buildReviewBrief } from '../review';
import { briefFileName, renderBriefHtml } from '../../review/brief-html';
import { PdfPrintError, printHtmlToPdfBytes } from '../review-pdf';

export interface ReviewHandlerOptions {
  /** Prints the brief's HTML to PDF bytes (the machine's Chromium unless a test says otherwise). */
  readonly printPdf?: (html: string) => Promise<Buffer>;
}

export function reviewHandlers(ctx: AppContext, options: ReviewHandlerOptions = {}): HandlersOf<typeof reviewContract> {
  const printPdf = options.printPdf ?? ((html: string) => printHtmlToPdfBytes(html));
  return {
    'review/get': ({ accountId, asOf }) => buildReviewBrief(ctx, accountId, asOf),
    // Browser mode's "Save as PDF": the same document the command line prints, returned for download.
    'review/pdf': async ({ accountId, asOf }): Promise<ReviewPdf> => {
      const brief = buildReviewBrief(ctx, accountId, asOf);
      const fileName = `${briefFileName(brief)}.pdf`;
      try {
        const bytes = await printPdf(renderBriefHtml(brief));
        return { fileName, pdfBase64: bytes.toString('base64'), problem: null };
      } catch (error) {
        if (error instanceof PdfPrintError) return { fileName, pdfBase64: null, problem: error.message };
        throw error;
      }
    },
  };
}
