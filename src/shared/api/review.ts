import { z } from 'zod';
import { day, id, objectWith, type ContractArea } from './common';
import type { ReviewBrief } from '../review-types';

const briefArgs = z.object({ accountId: id, asOf: day.optional() }).strict();

/** The brief printed to PDF by the machine's Chromium (browser mode); `problem` says why there is none. */
export interface ReviewPdf {
  fileName: string;
  /** The PDF, base64-encoded; null when it could not be printed. */
  pdfBase64: string | null;
  problem: string | null;
}

export const reviewContract = {
  'review/get': {
    readOnly: true,
    args: briefArgs,
    result: objectWith<ReviewBrief>('talkingPoints'),
  },
  'review/pdf': {
    readOnly: true,
    args: briefArgs,
    result: objectWith<ReviewPdf>('fileName'),
  },
} as const satisfies ContractArea;

// The desktop app saves the brief as the window prints it (Electron's printToPDF) behind a save dialog:
// one IPC channel beside the API call, its argument checked with the same schema.

export const SAVE_REVIEW_PDF_CHANNEL = 'review:save-pdf';
export const SaveReviewPdfArgs = briefArgs;
export type SaveReviewPdfArgs = z.input<typeof briefArgs>;

export type SaveReviewPdfResult = { status: 'saved'; path: string } | { status: 'cancelled' } | { status: 'failed'; message: string };

/** What the Electron preload adds to window.api; absent in browser mode. */
export interface ReviewPdfBridge {
  saveReviewPdf(args: SaveReviewPdfArgs): Promise<SaveReviewPdfResult>;
}
