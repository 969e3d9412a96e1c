import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { beginUpload, type StagingUpload } from '../../src/services/staging';
import { STAGE_CHUNK_BYTES } from '../../src/shared/api/staging';
import { isTrustedSender } from './trusted-sender';

export const STAGE_CHANNELS = { begin: 'stage:begin', chunk: 'stage:chunk', finish: 'stage:finish', abort: 'stage:abort' } as const;

type Reply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };

const bad = (message: string): Reply => ({ ok: false, error: { code: 'bad_request', message } });

/**
 * Files for import arrive from the window as bytes, in chunks, into the staging folder beside the
 * database; the window never names a path. The same sender check as the API; every argument checked.
 */
export function registerStaging(dir: string): void {
  const uploads = new Map<string, StagingUpload>();
  const handle = (channel: string, handler: (...args: unknown[]) => Promise<Reply> | Reply): void => {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...args: unknown[]): Promise<Reply> => {
      if (!isTrustedSender(event.senderFrame ? { url: event.senderFrame.url, isMainFrame: event.senderFrame.parent === null } : null)) {
        return { ok: false, error: { code: 'unavailable', message: 'Refused: the call did not come from the app.' } };
      }
      try {
        return await handler(...args);
      } catch (error) {
        return bad((error as Error).message);
      }
    });
  };
  const take = (id: unknown): StagingUpload | undefined => (typeof id === 'string' ? uploads.get(id) : undefined);

  handle(STAGE_CHANNELS.begin, (name) => {
    if (typeof name !== 'string' || name === '' || name.length > 1000) return bad('A file name is required.');
    const upload = beginUpload(dir, name);
    uploads.set(upload.stagedId, upload);
    return { ok: true, data: { uploadId: upload.stagedId } };
  });
  handle(STAGE_CHANNELS.chunk, async (id, bytes) => {
    const upload = take(id);
    if (!upload) return bad('There is no such upload.');
    if (!(bytes instanceof Uint8Array) || bytes.byteLength > STAGE_CHUNK_BYTES) return bad('A chunk must be bytes, at most 4 MB.');
    try {
      await upload.write(bytes);
    } catch (error) {
      uploads.delete(upload.stagedId);
      throw error;
    }
    return { ok: true, data: null };
  });
  handle(STAGE_CHANNELS.finish, async (id) => {
    const upload = take(id);
    if (!upload) return bad('There is no such upload.');
    uploads.delete(upload.stagedId);
    return { ok: true, data: await upload.finish() };
  });
  handle(STAGE_CHANNELS.abort, (id) => {
    const upload = take(id);
    if (upload) {
      uploads.delete(upload.stagedId);
      upload.discard();
    }
    return { ok: true, data: null };
  });
}
