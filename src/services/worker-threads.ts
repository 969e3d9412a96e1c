import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The worker scripts the build emits beside the bundle (electron.vite.config.ts). */
export type WorkerName = 'recompute-worker' | 'import-worker' | 'check-worker';

/**
 * Starts a worker thread: the built script beside the bundle, or, running from source (tests,
 * `npm run cli`), a bootstrap that registers tsx in the new thread before loading the TypeScript
 * entry (a worker does not take --import). Null where neither is possible.
 */
export function startWorker(name: WorkerName): Worker | null {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    let api: string;
    try {
      // The ESM entry of tsx's API (require.resolve would give its CommonJS one).
      api = pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
    } catch {
      return null;
    }
    const entry = new URL(`./${name}.ts`, here).href;
    return new Worker(`import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`, { eval: true });
  }
  for (const relative of [`./${name}.js`, `../${name}.js`]) {
    const url = new URL(relative, here);
    if (existsSync(fileURLToPath(url))) return new Worker(url);
  }
  return null;
}
