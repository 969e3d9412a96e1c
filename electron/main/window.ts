import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { lockDown } from './harden';
import { APP_ORIGIN } from './trusted-sender';
import { loadWindowState, trackWindowState } from './window-state';

/** Electron's security checklist, applied to the one window the app has. */
export const SECURE_WEB_PREFERENCES = {
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
} as const;

export function createMainWindow(stateFile: string): BrowserWindow {
  const state = loadWindowState(stateFile);
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Account Health Console',
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(import.meta.dirname, '../preload/index.cjs') },
  });
  if (state.maximized) window.maximize();
  lockDown(window.webContents);
  trackWindowState(window, stateFile);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
