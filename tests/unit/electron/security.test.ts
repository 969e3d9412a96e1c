import { beforeEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { mkdtempSync } from 'node:fs';

// Electron's security checklist, checked against the configuration the app really uses: the main
// process modules run here against a stand-in for the electron module (no Electron binary needed),
// and every option, handler and IPC channel they register is inspected.

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    windows: [] as unknown[],
    ipc: new Map<string, (...args: unknown[]) => unknown>(),
    permissionRequest: null as null | ((...args: unknown[]) => unknown),
    permissionCheck: null as null | ((...args: unknown[]) => unknown),
    devicePermission: null as null | ((...args: unknown[]) => unknown),
    beforeRequest: null as null | ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void),
    protocol: null as null | ((request: { url: string }) => Promise<Response>),
    privileged: [] as unknown[],
    opened: [] as string[],
    fetched: [] as string[],
  };
  return state;
});

vi.mock('electron', () => {
  class WebContents {
    listeners = new Map<string, (...args: unknown[]) => unknown>();
    openHandler: ((details: { url: string }) => unknown) | null = null;
    on(event: string, listener: (...args: unknown[]) => unknown) {
      this.listeners.set(event, listener);
      return this;
    }
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      this.openHandler = handler;
    }
  }
  class BrowserWindow {
    webContents = new WebContents();
    url: string | null = null;
    constructor(readonly options: Record<string, unknown>) {
      fake.windows.push(this);
    }
    maximize() {}
    on() {}
    once() {}
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
    static fromWebContents() {
      return null;
    }
  }
  const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
  return {
    BrowserWindow,
    ipcMain: { handle: (channel: string, listener: (...args: unknown[]) => unknown) => fake.ipc.set(channel, listener) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: never) => (fake.permissionRequest = h),
        setPermissionCheckHandler: (h: never) => (fake.permissionCheck = h),
        setDevicePermissionHandler: (h: never) => (fake.devicePermission = h),
        webRequest: { onBeforeRequest: (h: never) => (fake.beforeRequest = h) },
      },
    },
    shell: { openExternal: (url: string) => (fake.opened.push(url), Promise.resolve()) },
    screen: { getAllDisplays: () => [{ workArea }], getPrimaryDisplay: () => ({ workArea }) },
    protocol: { registerSchemesAsPrivileged: (s: unknown[]) => fake.privileged.push(...s), handle: (_scheme: string, h: never) => (fake.protocol = h) },
    net: { fetch: (url: string) => (fake.fetched.push(url), Promise.resolve(new Response('<!doctype html>', { status: 200, headers: { 'Content-Type': 'text/html' } }))) },
    app: { getPath: () => tmpdir() },
    dialog: { showSaveDialog: () => Promise.resolve({ canceled: true }) },
  };
});

const { createMainWindow, APP_ENTRY } = await import('../../../electron/main/window');
const { denyPermissions, lockDown } = await import('../../../electron/main/harden');
const { registerApi, API_CHANNEL } = await import('../../../electron/main/ipc');
const { registerSavePdf } = await import('../../../electron/main/save-pdf-ipc');
const { registerStaging } = await import('../../../electron/main/staging-ipc');
const { registerAppScheme, serveRenderer } = await import('../../../electron/main/app-protocol');
const { createSavePdfHandler } = await import('../../../electron/main/save-pdf');
const { CONTENT_SECURITY_POLICY } = await import('../../../src/shared/csp');

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
const TOP = { url: 'app://bundle/index.html#/accounts/C1/review', isMainFrame: true };

function event(url: string, isMainFrame: boolean) {
  return { sender: {}, senderFrame: { url, parent: isMainFrame ? null : {} } };
}

function prevented(listener: Listener | undefined, ...args: unknown[]): boolean {
  let stopped = false;
  const evt = { preventDefault: () => (stopped = true), url: args[0] };
  listener?.(evt, ...args);
  return stopped;
}

beforeEach(() => {
  fake.windows.length = 0;
  fake.ipc.clear();
  fake.opened.length = 0;
});

describe('the window', () => {
  it('is isolated, sandboxed, without Node, with web security, and loads the app from its own scheme', () => {
    const window = createMainWindow(join(tmpdir(), 'no-such-window-state.json')) as unknown as { options: { webPreferences: Record<string, unknown> }; url: string };
    const prefs = window.options.webPreferences;
    expect(prefs).toMatchObject({
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
    });
    expect(prefs['enableBlinkFeatures']).toBeUndefined();
    expect(String(prefs['preload'])).toMatch(/preload[\\/]index\.cjs$/);
    expect(window.url).toBe('app://bundle/index.html');
    expect(APP_ENTRY.startsWith('file:')).toBe(false);
  });

  it('never navigates away from the app, opens no windows and sends only allow-listed links to the browser', () => {
    createMainWindow(join(tmpdir(), 'no-such-window-state.json'));
    const contents = (fake.windows[0] as { webContents: { listeners: Map<string, Listener>; openHandler: (d: { url: string }) => { action: string } } }).webContents;
    for (const name of ['will-navigate', 'will-redirect']) {
      expect(prevented(contents.listeners.get(name), 'https://evil.example/')).toBe(true);
      expect(prevented(contents.listeners.get(name), 'file:///etc/passwd')).toBe(true);
      expect(prevented(contents.listeners.get(name), 'app://bundle.evil/index.html')).toBe(true);
      expect(prevented(contents.listeners.get(name), 'app://bundle/index.html#/alerts')).toBe(false);
    }
    expect(prevented(contents.listeners.get('will-frame-navigate'), 'https://evil.example/')).toBe(true);
    expect(prevented(contents.listeners.get('will-attach-webview'))).toBe(true);
    expect(contents.openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler({ url: 'https://github.com/example/account-health/issues' })).toEqual({ action: 'deny' });
    expect(contents.openHandler({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' });
    expect(fake.opened).toEqual(['https://github.com/example/account-health/issues']);
  });

  it('lockDown is what the window gets (the same handlers on any contents)', () => {
    const contents = { listeners: new Map<string, Listener>(), on(name: string, l: Listener) { this.listeners.set(name, l); }, openHandler: null as null | Listener, setWindowOpenHandler(h: Listener) { this.openHandler = h; } };
    lockDown(contents as never);
    expect([...contents.listeners.keys()].sort()).toEqual(['will-attach-webview', 'will-frame-navigate', 'will-navigate', 'will-redirect']);
    expect(contents.openHandler).not.toBeNull();
  });
});

describe('the session', () => {
  it('grants no permission and loads nothing but the app bundle', () => {
    denyPermissions();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | null = null;
      fake.permissionRequest!({}, permission, (answer: boolean) => (granted = answer));
      expect(granted).toBe(false);
      expect(fake.permissionCheck!({}, permission, 'app://bundle')).toBe(false);
    }
    expect(fake.devicePermission!({})).toBe(false);
    const cancelled = (url: string): boolean => {
      let cancel: boolean | null = null;
      fake.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel!;
    };
    expect(cancelled('app://bundle/assets/index.js')).toBe(false);
    expect(cancelled('https://fonts.example/font.woff2')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled('app://elsewhere/x.js')).toBe(true);
  });
});

describe('IPC', () => {
  function registerAll(dispatch = vi.fn(() => Promise.resolve({ ok: true, data: null } as never))) {
    registerApi(dispatch);
    registerSavePdf(dispatch);
    registerStaging(mkdtempSync(join(tmpdir(), 'ahc-staging-')));
    return dispatch;
  }

  it('answers only the app top frame on every channel', async () => {
    const dispatch = registerAll();
    expect([...fake.ipc.keys()]).toEqual(expect.arrayContaining([API_CHANNEL, 'review:save-pdf', 'stage:begin']));
    for (const [channel, handler] of fake.ipc) {
      for (const foreign of [event('app://bundle/index.html', false), event('https://evil.example/', true), event('file:///app/index.html', true), { sender: {}, senderFrame: null }]) {
        const answer = (await handler(foreign, 'app/info', {})) as { ok?: boolean; status?: string; error?: { message: string }; message?: string };
        expect(answer.ok === false || answer.status === 'failed', `${channel} refuses ${JSON.stringify(foreign.senderFrame)}`).toBe(true);
        expect(answer.error?.message ?? answer.message).toMatch(/^Refused/);
      }
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('passes API calls to the dispatcher, which validates every argument', async () => {
    const dispatch = registerAll();
    await fake.ipc.get(API_CHANNEL)!(event(TOP.url, true), 'accounts/list', { limit: 'all' });
    expect(dispatch).toHaveBeenCalledWith('accounts/list', { limit: 'all' });
  });

  it('saves the PDF only for valid arguments of an account that exists, where the user chose', async () => {
    const written: Array<[string, number]> = [];
    const dispatch = vi.fn((_m: unknown, args: unknown) =>
      Promise.resolve(
        (args as { accountId: string }).accountId === 'C0001' ? ({ ok: true, data: { accountId: 'C0001', asOf: '2026-11-23' } } as never) : ({ ok: false, error: { code: 'not_found', message: 'There is no account "X".' } } as never),
      ),
    );
    let choice: string | null = '/home/me/brief';
    const save = createSavePdfHandler<object>({
      dispatch,
      print: () => Promise.resolve(new Uint8Array([37, 80, 68, 70])),
      chooseFile: (_s, name) => (expect(name).toBe('review-C0001-2026-11-23.pdf'), Promise.resolve(choice)),
      write: (path, bytes) => (written.push([path, bytes.length]), Promise.resolve()),
    });
    const from = { sender: {}, frame: TOP };
    expect(await save(from, { accountId: 'C0001', extra: 1 })).toMatchObject({ status: 'failed', message: expect.stringMatching(/^Invalid arguments/) });
    expect(await save(from, { accountId: '' })).toMatchObject({ status: 'failed' });
    expect(await save(from, 'C0001')).toMatchObject({ status: 'failed' });
    expect(await save(from, { accountId: 'C0001', asOf: 'yesterday' })).toMatchObject({ status: 'failed' });
    expect(dispatch).not.toHaveBeenCalled();
    expect(await save(from, { accountId: 'X' })).toEqual({ status: 'failed', message: 'There is no account "X".' });
    expect(await save({ sender: {}, frame: { url: TOP.url, isMainFrame: false } }, { accountId: 'C0001' })).toMatchObject({ status: 'failed' });
    expect(await save(from, { accountId: 'C0001' })).toEqual({ status: 'saved', path: '/home/me/brief.pdf' });
    choice = null;
    expect(await save(from, { accountId: 'C0001' })).toEqual({ status: 'cancelled' });
    expect(written).toEqual([['/home/me/brief.pdf', 4]]);
  });
});

describe('the app:// scheme', () => {
  it('is a standard secure scheme that serves only files of the bundle, with the CSP', async () => {
    registerAppScheme();
    expect(fake.privileged).toContainEqual({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) });
    const dir = mkdtempSync(join(tmpdir(), 'ahc-bundle-'));
    mkdirSync(join(dir, 'renderer'));
    writeFileSync(join(dir, 'renderer', 'index.html'), '<!doctype html>');
    serveRenderer(join(dir, 'renderer'));
    fake.fetched.length = 0;
    const ok = await fake.protocol!({ url: 'app://bundle/index.html' });
    expect(ok.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect((await fake.protocol!({ url: 'app://bundle/..%2f..%2fetc%2fpasswd' })).status).toBe(404);
    expect((await fake.protocol!({ url: 'app://other/index.html' })).status).toBe(404);
    expect(fake.fetched).toHaveLength(1);
  });
});

describe('the Content-Security-Policy', () => {
  const directives = (policy: string) => new Map(policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0]!, d.split(/\s+/).slice(1).join(' ')]));

  it('allows only the app itself: no eval, no inline code, no remote sources', () => {
    const policy = directives(CONTENT_SECURITY_POLICY);
    expect(policy.get('default-src')).toBe("'none'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*|data:.*script|blob:/i);
  });

  it('is the same in the renderer page (a meta tag, where frame-ancestors does not apply)', () => {
    const html = readFileSync(join(ROOT, 'src', 'renderer', 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBeDefined();
    const expected = directives(CONTENT_SECURITY_POLICY);
    expected.delete('frame-ancestors');
    expect(directives(meta!)).toEqual(expected);
  });
});

describe('nothing remote in the renderer', () => {
  // Strings in the bundle that look like addresses but are never fetched: XML namespaces, JSON Schema
  // identifiers, zod's IPv6 check (it parses "http://[address]" with URL), and the links libraries
  // print in their error messages.
  const NOT_FETCHED = [/^http:\/\/www\.w3\.org\//, /^https?:\/\/json-schema\.org\/draft[-/][\w/-]+schema#?$/, /^http:\/\/\[\$\{\w+\}\]$/, /^https:\/\/react\.dev\/errors\//, /^https:\/\/(redux|redux-toolkit)\.js\.org\/Errors/, /^https:\/\/bit\.ly\/3cXEKWf$/];

  it('the page loads no script, style, font or image from elsewhere', () => {
    const html = readFileSync(join(ROOT, 'src', 'renderer', 'index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/https?:\/\//i);
  });

  const built = join(ROOT, 'out', 'renderer');
  it.skipIf(!existsSync(join(built, 'index.html')))('the built bundle holds no address it could load (skipped until `npm run build`)', () => {
    const assets = readdirSync(join(built, 'assets')).filter((f) => /\.(js|css|html)$/.test(f));
    const found = [readFileSync(join(built, 'index.html'), 'utf8'), ...assets.map((f) => readFileSync(join(built, 'assets', f), 'utf8'))].flatMap((text) => text.match(/https?:\/\/[^\s"'`)<>]+/g) ?? []);
    expect(found.filter((url) => !NOT_FETCHED.some((p) => p.test(url)))).toEqual([]);
    for (const f of assets.filter((a) => a.endsWith('.css'))) expect(readFileSync(join(built, 'assets', f), 'utf8')).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//);
  });
});

describe('the packaged app', () => {
  const yml = readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?:[ \t]+.*\n)+)/m.exec(yml)?.[1] ?? '';
  const fuses: Record<string, boolean> = Object.fromEntries([...block.matchAll(/^\s+(\w+):\s*(true|false)\s*$/gm)].map((m): [string, boolean] => [m[1]!, m[2] === 'true']));

  it('sets Electron fuses that close Node-as-app, inspector and unpacked-code doors', () => {
    expect(fuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('names each fuse as the installed electron-builder spells it', () => {
    const scheme = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8')) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(Object.keys(fuses).filter((k) => !known.includes(k))).toEqual([]);
  });
});
