import { ipcMain } from 'electron';
import type { Dispatch } from '../../src/services/dispatcher';
import { isTrustedSender } from './trusted-sender';

export const API_CHANNEL = 'api:call';

/** The API on IPC: only the app's own top frame may call it; the dispatcher validates every argument. */
export function registerApi(dispatch: Dispatch): void {
  ipcMain.handle(API_CHANNEL, async (event, method: unknown, args: unknown) => {
    if (!isTrustedSender(event.senderFrame ? { url: event.senderFrame.url, isMainFrame: event.senderFrame.parent === null } : null)) {
      return { ok: false, error: { code: 'unavailable', message: 'Refused: the call did not come from the app.' } };
    }
    return dispatch(method, args);
  });
}
