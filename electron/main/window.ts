import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { lockDown } from './harden';
import { APP_ORIGIN } from './trusted-sender';
import { loadWindowState, trackWindowState } from './window-state';

export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/**
 * The one window the app has, with Electron's security checklist written out in place (so a static
 * scanner reads the same options the window gets): isolated, sandboxed, no Node, web security on.
 */
export function createMainWindow(stateFile: string): BrowserWindow {
  const state = loadWindowState(stateFile);
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Account Health Console',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click would otherwise ask for a new window (denied anyway by the window-open handler).
      disableBlinkFeatures: 'Auxclick',
      preload: join(import.meta.dirname, '../preload/index.cjs'),
    },
  });
  if (state.maximized) window.maximize();
  lockDown(window.webContents);
  trackWindowState(window, stateFile);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY);
  return window;
}
