import { app, BrowserWindow, dialog, ipcMain, type WebContents } from 'electron';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dispatch } from '../../src/services/dispatcher';
import { SAVE_REVIEW_PDF_CHANNEL } from '../../src/shared/api/review';
import { createSavePdfHandler } from './save-pdf';

/** "Save as PDF" of the review brief on IPC: the window's own print of the brief, behind a save dialog. */
export function registerSavePdf(dispatch: Dispatch): void {
  const savePdf = createSavePdfHandler<WebContents>({
    dispatch,
    print: (sender) => sender.printToPDF({ printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true }),
    chooseFile: async (sender, suggestedName) => {
      const owner = BrowserWindow.fromWebContents(sender);
      const options = { title: 'Save the review brief', defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: 'PDF document', extensions: ['pdf'] }] };
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    write: (path, bytes) => writeFile(path, bytes),
  });
  ipcMain.handle(SAVE_REVIEW_PDF_CHANNEL, (event, args: unknown) =>
    savePdf({ sender: event.sender, frame: event.senderFrame ? { url: event.senderFrame.url, isMainFrame: event.senderFrame.parent === null } : null }, args),
  );
}
