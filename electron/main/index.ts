import { app, BrowserWindow, dialog, Menu } from 'electron';
import { join } from 'node:path';
import { openContext } from '../../src/services/context';
import { startHealthCheck } from '../../src/services/health';
import { createHandlers } from '../../src/services/handlers';
import { createDispatcher } from '../../src/services/dispatcher';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { denyPermissions } from './harden';
import { registerApi } from './ipc';
import { registerSavePdf } from './save-pdf-ipc';
import { registerStaging } from './staging-ipc';
import { stagingDir } from '../../src/services/staging';
import { createMainWindow } from './window';
import { buildMenu } from './menu';

registerAppScheme();

// One window, one process touching the data file.
if (!app.requestSingleInstanceLock()) app.quit();

/** Where the data lives: the user's data folder, or AHC_DATA_DIR (tests, portable use). */
function dataFile(): string {
  const dir = process.env['AHC_DATA_DIR'] ?? join(app.getPath('userData'), 'data');
  return join(dir, 'account-health.db');
}

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});

app.on('window-all-closed', () => app.quit());

void app.whenReady().then(() => {
  denyPermissions();
  let ctx: ReturnType<typeof openContext>;
  try {
    ctx = openContext(dataFile());
  } catch (error) {
    dialog.showErrorBox('The data cannot be opened', (error as Error).message);
    app.quit();
    return;
  }
  app.on('will-quit', () => ctx.close());
  // The data file's check runs on its own thread while the window opens.
  void startHealthCheck(ctx);
  const dispatch = createDispatcher(createHandlers(ctx), { onInternalError: (error, method) => console.error(`error in ${method}`, error) });
  registerApi(dispatch);
  registerSavePdf(dispatch);
  registerStaging(stagingDir(ctx.dataFile));
  serveRenderer(join(import.meta.dirname, '../renderer'));
  Menu.setApplicationMenu(buildMenu());
  createMainWindow(join(app.getPath('userData'), 'window-state.json'));
});
