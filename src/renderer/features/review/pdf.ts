import type { ApiClient } from '../../../shared/api';
import type { ReviewPdfBridge, SaveReviewPdfResult } from '../../../shared/api/review';
import { request } from '../../api/client';

/** The desktop app's save-as-PDF (Electron's preload), or null in browser mode. */
export function desktopPdf(): ReviewPdfBridge | null {
  const api: (ApiClient & Partial<ReviewPdfBridge>) | undefined = window.api;
  if (!api?.saveReviewPdf) return null;
  const bridge = api as ApiClient & ReviewPdfBridge;
  return { saveReviewPdf: (args) => bridge.saveReviewPdf(args) };
}

/** Browser mode: the PDF printed by the machine's Chromium, handed to the browser as a download. */
export async function downloadPdf(api: ApiClient, accountId: string): Promise<SaveReviewPdfResult> {
  const pdf = await request(api, 'review/pdf', { accountId });
  if (pdf.pdfBase64 === null) {
    return { status: 'failed', message: `${pdf.problem ?? 'The PDF could not be printed.'} Print the brief instead and choose “Save as PDF” as the printer.` };
  }
  const binary = atob(pdf.pdfBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = pdf.fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { status: 'saved', path: pdf.fileName };
}
