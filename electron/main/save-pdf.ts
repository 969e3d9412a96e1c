import type { Dispatch } from '../../src/services/dispatcher';
import type { ApiResponse } from '../../src/shared/api';
import { SaveReviewPdfArgs, type SaveReviewPdfResult } from '../../src/shared/api/review';
import { briefFileName } from '../../src/review/brief-html';
import { isTrustedSender, type SenderFrame } from './trusted-sender';

/** What saving needs from Electron, passed in so the steps can be checked without a window. */
export interface SavePdfDeps<Sender> {
  readonly dispatch: Dispatch;
  /** The window's page as printed (its print stylesheet shows the brief alone). */
  print(sender: Sender): Promise<Uint8Array>;
  /** The file the user picks in a save dialog, or null when they cancel. */
  chooseFile(sender: Sender, suggestedName: string): Promise<string | null>;
  write(path: string, bytes: Uint8Array): Promise<void>;
}

export interface SavePdfEvent<Sender> {
  readonly sender: Sender;
  readonly frame: SenderFrame | null;
}

/**
 * "Save as PDF" in the desktop app: only the app's own top frame may ask, the account is checked with
 * the API's schema and must exist, and nothing is written but the file the user chose.
 */
export function createSavePdfHandler<Sender>(deps: SavePdfDeps<Sender>) {
  return async (event: SavePdfEvent<Sender>, raw: unknown): Promise<SaveReviewPdfResult> => {
    if (!isTrustedSender(event.frame)) return { status: 'failed', message: 'Refused: the request did not come from the app.' };
    const args = SaveReviewPdfArgs.safeParse(raw);
    if (!args.success) return { status: 'failed', message: `Invalid arguments: ${args.error.issues.map((i) => `${i.path.join('.') || 'value'}: ${i.message}`).join('; ')}` };
    const brief = (await deps.dispatch('review/get', args.data)) as ApiResponse<'review/get'>;
    if (!brief.ok) return { status: 'failed', message: brief.error.message };
    const name = `${briefFileName(brief.data)}.pdf`;
    const chosen = await deps.chooseFile(event.sender, name);
    if (chosen === null) return { status: 'cancelled' };
    const path = /\.pdf$/i.test(chosen) ? chosen : `${chosen}.pdf`;
    try {
      await deps.write(path, await deps.print(event.sender));
    } catch (error) {
      return { status: 'failed', message: `The PDF could not be saved: ${(error as Error).message}` };
    }
    return { status: 'saved', path };
  };
}
