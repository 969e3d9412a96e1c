import { afterEach, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { startServer, TOKEN_HEADER, type RunningServer } from '../../../src/server/server';
import { useTempDir } from '../../support/temp';
import { testApp } from '../../support/context';

const t = useTempDir();
const running: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const r of running.splice(0)) await r.close();
});

async function serve(): Promise<RunningServer> {
  const { ctx, dispatch } = testApp(t.dir());
  running.push(ctx);
  const staticDir = join(t.dir(), 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(t.dir(), 'secret.txt'), 'do not serve');
  const server = await startServer({ dispatch, staticDir });
  running.push(server);
  return server;
}

/** A raw request, so Host and Origin can be anything a hostile page might send. */
function raw(server: RunningServer, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path: options.path, method: options.method ?? 'GET', headers: options.headers, setHost: !options.headers?.['Host'] }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const call = (server: RunningServer, body: unknown, headers: Record<string, string> = {}) =>
  raw(server, { path: '/api/call', method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token, ...headers }, body: JSON.stringify(body) });

describe('browser mode server', () => {
  it('listens on the loopback address and prints its address with a token', async () => {
    const server = await serve();
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{32}$`));
  });

  it('answers API calls that carry the token', async () => {
    const server = await serve();
    const res = await call(server, { method: 'app/info', args: {} });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { empty: true } });
  });

  it('refuses API calls without the token, or with a wrong one', async () => {
    const server = await serve();
    expect((await raw(server, { path: '/api/call', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await call(server, { method: 'app/info', args: {} }, { [TOKEN_HEADER]: 'x'.repeat(32) })).status).toBe(401);
  });

  it('refuses requests for another host name (DNS rebinding)', async () => {
    const server = await serve();
    const res = await raw(server, { path: '/api/call', method: 'POST', headers: { Host: `evil.example:${server.port}`, 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token }, body: '{"method":"app/info"}' });
    expect(res.status).toBe(421);
    expect((await raw(server, { path: '/', headers: { Host: 'attacker.test' } })).status).toBe(421);
  });

  it('refuses requests from another origin, and sends no CORS headers', async () => {
    const server = await serve();
    const res = await call(server, { method: 'app/info', args: {} }, { Origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    const preflight = await raw(server, { path: '/api/call', method: 'OPTIONS', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(403);
    const same = await call(server, { method: 'app/info', args: {} }, { Origin: `http://127.0.0.1:${server.port}` });
    expect(same.status).toBe(200);
    for (const r of [res, preflight, same]) expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('answers malformed bodies with an error, never a crash', async () => {
    const server = await serve();
    expect((await raw(server, { path: '/api/call', method: 'POST', headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token }, body: '{nope' })).status).toBe(400);
    expect((await raw(server, { path: '/api/call', method: 'POST', headers: { 'Content-Type': 'text/plain', [TOKEN_HEADER]: server.token }, body: 'x' })).status).toBe(415);
    expect(JSON.parse((await call(server, { method: 'accounts/list', args: { limit: 'all' } })).body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('serves the app with a strict CSP and never a file outside its folder', async () => {
    const server = await serve();
    const page = await raw(server, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-eval|unsafe-inline|http/);
    expect((await raw(server, { path: '/assets/app.js' })).status).toBe(200);
    expect((await raw(server, { path: '/../secret.txt' })).status).toBe(404);
    expect((await raw(server, { path: '/%2e%2e/secret.txt' })).status).toBe(404);
    expect((await raw(server, { path: '/assets/%2e%2e%2f%2e%2e%2fsecret.txt' })).status).toBe(404);
    expect((await raw(server, { path: '/', method: 'POST' })).status).toBe(405);
  });
});

describe('browser mode server: every refusal', () => {
  it('listens on 127.0.0.1 only: another address of this machine gets no answer', async () => {
    const server = await serve();
    const other = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
    const reached = (host: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host, port: server.port });
        socket.once('connect', () => (socket.destroy(), resolve(true)));
        socket.once('error', () => resolve(false));
      });
    expect(await reached('127.0.0.1')).toBe(true);
    // A machine with only the loopback interface has no other address to try.
    if (other) expect(await reached(other)).toBe(false);
  });

  it('refuses every Host that is not its own loopback address and port', async () => {
    const server = await serve();
    for (const host of [`127.0.0.1:${server.port + 1}`, `127.0.0.1`, `localhost.evil.example:${server.port}`, `127.0.0.1.nip.example:${server.port}`, `[::1]:${server.port}`]) {
      const page = await raw(server, { path: '/', headers: { Host: host } });
      expect(page.status, `Host "${host}"`).toBe(421);
      const api = await raw(server, { path: '/api/call', method: 'POST', headers: { Host: host, 'Content-Type': 'application/json', [TOKEN_HEADER]: server.token }, body: '{"method":"app/info","args":{}}' });
      expect(api.status, `Host "${host}"`).toBe(421);
      expect(api.body).not.toContain('"ok":true');
    }
    expect((await raw(server, { path: '/', headers: { Host: `localhost:${server.port}` } })).status).toBe(200);
    // No Host at all (HTTP/1.0 allows it): refused as well.
    const bare = await new Promise<string>((resolve, reject) => {
      const socket = connect({ host: '127.0.0.1', port: server.port }, () => socket.end('GET / HTTP/1.0\r\n\r\n'));
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(bare).toMatch(/^HTTP\/1\.[01] (400|421) /);
  });

  it('refuses every Origin that is not its own, on pages and on the API', async () => {
    const server = await serve();
    for (const origin of ['null', 'https://evil.example', `https://127.0.0.1:${server.port}`, `http://127.0.0.1:${server.port + 1}`, `http://localhost.evil.example:${server.port}`, 'file://']) {
      expect((await call(server, { method: 'app/info', args: {} }, { Origin: origin })).status, `Origin ${origin}`).toBe(403);
      expect((await raw(server, { path: '/', headers: { Origin: origin } })).status, `Origin ${origin}`).toBe(403);
    }
  });

  it('takes the token only from its header, never from the address', async () => {
    const server = await serve();
    const res = await raw(server, { path: `/api/call?token=${server.token}`, method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"method":"app/info","args":{}}' });
    expect(res.status).toBe(401);
    expect((await call(server, { method: 'app/info', args: {} }, { [TOKEN_HEADER]: `${server.token}x` })).status).toBe(401);
    expect((await call(server, { method: 'app/info', args: {} }, { [TOKEN_HEADER]: '' })).status).toBe(401);
    expect((await raw(server, { path: '/api/other', method: 'GET', headers: { [TOKEN_HEADER]: server.token } })).status).toBe(404);
  });

  it('sends no CORS header on any answer, refused or not', async () => {
    const server = await serve();
    const answers = await Promise.all([
      raw(server, { path: '/' }),
      raw(server, { path: '/assets/app.js', headers: { Origin: `http://127.0.0.1:${server.port}` } }),
      raw(server, { path: '/api/call', method: 'OPTIONS', headers: { Origin: `http://127.0.0.1:${server.port}`, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': TOKEN_HEADER } }),
      raw(server, { path: '/api/call', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
      call(server, { method: 'app/info', args: {} }),
      raw(server, { path: '/', headers: { Host: 'evil.example' } }),
    ]);
    for (const answer of answers) expect(Object.keys(answer.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });
});
