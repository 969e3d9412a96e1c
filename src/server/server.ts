import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../services/dispatcher';
import { CONTENT_SECURITY_POLICY } from '../shared/csp';
import { packRecords } from '../shared/packed-records';
import { readStatic } from './static-files';
import { STAGE_PATH } from '../shared/api/staging';

export interface ServerOptions {
  readonly dispatch: Dispatch;
  /** The built renderer; null serves the API only. */
  readonly staticDir: string | null;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly token?: string;
  /** Receives a file the window uploads for import (POST /api/stage?name=…); absent: no uploads. */
  readonly stage?: (name: string, body: IncomingMessage) => Promise<unknown>;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export const TOKEN_HEADER = 'x-ahc-token';
const HOST = '127.0.0.1';
const MAX_BODY = 16 * 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Browser mode: the app and its API over HTTP on the loopback address only. Every API call carries
 * the per-launch token; a request whose Host or Origin is not this loopback address is refused,
 * which defeats DNS rebinding; no CORS headers are ever sent.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  let allowedHosts = new Set<string>();

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { error: 'internal', message: (error as Error).message });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, { error: 'wrong_host', message: 'This server answers only on its loopback address.' });
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) {
      return send(res, 403, { error: 'wrong_origin', message: 'Requests from other sites are refused.' });
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) {
      if (!authorised(req)) return send(res, 401, { error: 'unauthorised', message: 'A valid token is required.' });
      if (url.pathname === '/api/call' && req.method === 'POST') return call(req, res);
      if (url.pathname === STAGE_PATH && req.method === 'POST' && options.stage) return stage(req, res, url);
      return send(res, 404, { error: 'not_found', message: 'No such API route.' });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method_not_allowed', message: 'Only GET is served here.' });
    if (!options.staticDir) return send(res, 404, { error: 'not_found', message: 'The app is not built.' });
    const file = await readStatic(options.staticDir, url.pathname);
    if (!file) return send(res, 404, { error: 'not_found', message: 'Not found.' });
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.type,
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  function authorised(req: IncomingMessage): boolean {
    const given = req.headers[TOKEN_HEADER];
    if (typeof given !== 'string') return false;
    const bytes = Buffer.from(given);
    return bytes.length === expected.length && timingSafeEqual(bytes, expected);
  }

  async function call(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return send(res, 415, { error: 'unsupported_media_type', message: 'Send JSON.' });
    }
    let body: unknown;
    try {
      body = JSON.parse(await readBody(req));
    } catch (error) {
      return send(res, 400, { ok: false, error: { code: 'bad_request', message: `The request is not valid JSON: ${(error as Error).message}` } });
    }
    const { method, args } = (body ?? {}) as { method?: unknown; args?: unknown };
    // Lists of records go with their field names once; the page's client unpacks them.
    send(res, 200, packRecords(await options.dispatch(method, args)));
  }

  // The body is streamed to disk by options.stage, which limits its size; only raw bytes are taken,
  // so a page elsewhere cannot send one without a preflight.
  async function stage(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
      return send(res, 415, { ok: false, error: { code: 'bad_request', message: 'Send the file as application/octet-stream.' } });
    }
    const name = url.searchParams.get('name') ?? '';
    if (name === '' || name.length > 1000) return send(res, 400, { ok: false, error: { code: 'bad_request', message: 'Give the file name as ?name=.' } });
    try {
      send(res, 200, { ok: true, data: await options.stage!(name, req) });
    } catch (error) {
      const tooLarge = (error as { code?: unknown }).code === 'too_large';
      send(res, tooLarge ? 413 : 400, { ok: false, error: { code: 'bad_request', message: (error as Error).message } });
      if (tooLarge) req.destroy();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);
  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('the request is too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
