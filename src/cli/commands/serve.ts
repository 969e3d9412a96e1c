import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { openContext } from '../../services/context';
import { startHealthCheck } from '../../services/health';
import { createHandlers } from '../../services/handlers';
import { createDispatcher } from '../../services/dispatcher';
import { startServer } from '../../server/server';
import { stageStream, stagingDir } from '../../services/staging';
import { EXIT, UsageError, type Output } from '../output';
import { isoDate, parse, requireString } from '../options';

/** The built renderer: out/renderer beside the built command line, or under the project root. */
export function findRendererDir(from = import.meta.dirname): string | null {
  const override = process.env['AHC_RENDERER_DIR'];
  if (override) return existsSync(join(override, 'index.html')) ? resolve(override) : null;
  for (let dir = from; ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'renderer'), join(dir, 'out', 'renderer')]) {
      if (existsSync(join(candidate, 'index.html'))) return candidate;
    }
    if (dirname(dir) === dir) return null;
  }
}

export async function serveCommand(argv: string[], io: Output): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' }, port: { type: 'string' }, 'as-of': { type: 'string' } });
  // A fixed day makes a served portfolio reproducible (demonstrations, benchmarks); the default is today.
  const asOf = isoDate(values['as-of'], 'as-of');
  const dbPath = requireString(values, 'db');
  const port = values['port'] === undefined ? 0 : Number(values['port']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port expects a number from 0 to 65535');
  const staticDir = findRendererDir();
  if (!staticDir) {
    io.err('error: the app is not built; run `npm run build` first (or `npm run serve -- --db PATH`, which builds it).');
    return EXIT.failed;
  }
  const ctx = openContext(dbPath, asOf ? { now: () => new Date(`${asOf}T12:00:00Z`) } : {});
  void startHealthCheck(ctx);
  const dispatch = createDispatcher(createHandlers(ctx), { onInternalError: (error, method) => io.err(`error in ${method}: ${(error as Error).stack ?? String(error)}`) });
  const server = await startServer({ dispatch, staticDir, port, stage: (name, body) => stageStream(stagingDir(dbPath), name, body) });
  io.out(server.url);
  io.err(`Browser mode: serving ${dbPath} on the loopback address only. Press Ctrl+C to stop.`);
  await new Promise<void>((done) => {
    const stop = (): void => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  ctx.close();
  return EXIT.ok;
}
