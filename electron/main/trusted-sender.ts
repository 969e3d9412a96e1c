/** The app's pages are served from app://bundle/; nothing else may call the API. */
export const APP_ORIGIN = 'app://bundle';

export interface SenderFrame {
  readonly url: string;
  /** The frame is the window's top frame (no iframe, however it got there). */
  readonly isMainFrame: boolean;
}

export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || !frame.isMainFrame) return false;
  try {
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/** Links a user may follow out of the app, opened in the system browser. */
const EXTERNAL_ALLOW_LIST = [/^https:\/\/([a-z0-9-]+\.)*github\.com\//i];

export function isAllowedExternal(url: string): boolean {
  return EXTERNAL_ALLOW_LIST.some((pattern) => pattern.test(url));
}
