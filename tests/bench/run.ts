// The benchmark: a synthetic portfolio at scale through the real importer, the engine, the API and
// the interface, measured side by side with the limits of the machine in one run.
//   npm run bench                 10,000 accounts, 1,000,000 work orders (files cached in .bench/)
//   npm run bench -- --quick      a tenth of that (CI)
//   npm run bench -- --json       one JSON document on stdout
// Timings are reported, never asserted: a slow machine is not an error.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import Database from 'better-sqlite3';
import { FULL, QUICK, portfolioFiles, writeWorkOrders } from './portfolio';
import { TARGETS, judge, type Figures } from './targets';
import { formatReport } from './report';
import { watchPrivateMemory } from './private-memory';
import { WORK_ORDER_SCORING_COLUMNS } from '../../src/db/migrations/0006-work-orders-for-scoring';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const asJson = args.has('--json');
const withUi = !args.has('--no-ui');
const scale = quick ? QUICK : FULL;

const ROOT = resolve('.bench');
const BIN = join(ROOT, 'bin');
const RUN = join(ROOT, scale.name, 'run');
/** The bench's clock: the day after the synthetic data ends, so every run scores the same day. */
const AS_OF = '2026-11-23';
const NEXT_DAY = '2026-11-24';

const log = (line: string): void => void process.stderr.write(`${line}\n`);

/** The steps, bundled like the app's own build (one file each), so memory and speed are the shipped code's. */
async function bundleSteps(): Promise<void> {
  mkdirSync(BIN, { recursive: true });
  const steps = ['import', 'recompute', 'incremental', 'api'];
  await build({
    entryPoints: { ...Object.fromEntries(steps.map((s) => [s, `tests/bench/steps/${s}.ts`])), 'recompute-worker': 'src/services/recompute-worker.ts' },
    outdir: BIN,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    external: ['better-sqlite3'],
    // Bundled ESM has no require; better-sqlite3 is loaded through one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  // The recompute looks for its worker beside the bundle, under the name the app's build gives it.
  copyFileSync(join(BIN, 'recompute-worker.mjs'), join(BIN, 'recompute-worker.js'));
}

/** The interface step serves the built app: built now, so that it is the code at hand (and knows the database's schema). */
function buildApp(): void {
  log('building the app for the interface step');
  // Its output goes to stderr: with --json, stdout carries the figures alone.
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '-s', 'build'], { stdio: ['ignore', process.stderr, 'inherit'] });
}

/** What every step's figures carry besides its own: its peak private memory, sampled from here. */
type Stepped<T> = T & { peak_private_mb: number | null };

/** Runs one step in its own process and returns the JSON line it printed. */
function step<T>(name: string, stepArgs: string[]): Promise<Stepped<T>> {
  return new Promise((resolveStep, reject) => {
    const child = spawn(process.execPath, [join(BIN, `${name}.mjs`), ...stepArgs], { stdio: ['ignore', 'pipe', 'inherit'] });
    const memory = child.pid === undefined ? null : watchPrivateMemory(child.pid);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const peakPrivate = memory?.stop() ?? null;
      if (code !== 0) return reject(new Error(`bench step ${name} failed (exit ${code})`));
      try {
        resolveStep({ ...(JSON.parse(out.trim().split('\n').at(-1)!) as T), peak_private_mb: peakPrivate });
      } catch {
        reject(new Error(`bench step ${name} printed no result: ${out}`));
      }
    });
  });
}

interface ImportFigures {
  kind: string;
  rows: number;
  rejected: number;
  seconds: number;
  rows_per_s: number;
  peak_rss_mb: number;
}

const larger = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.max(a, b));

function fresh(path: string): string {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
  return path;
}

/**
 * The sqlite3 shell loading the same service file: into a bare table (no keys), and into a table
 * equivalent to ours (the same columns, the work order number unique, the index scoring reads).
 */
/** Our index for scoring, over the columns the file has (the shell's table has only those). */
function equivalentIndex(header: readonly string[]): string {
  const columns = ['account_id', 'opened_at', 'work_order_id', ...WORK_ORDER_SCORING_COLUMNS].filter((c) => header.includes(c));
  return `CREATE INDEX work_orders_for_scoring ON work_orders (${columns.join(', ')});`;
}

function sqliteShell(file: string, rows: number): { bare: number; equivalent: number; version: string } | null {
  try {
    execFileSync('sqlite3', ['-version'], { stdio: 'ignore' });
  } catch {
    log('sqlite3 shell not found: install it (apt-get install sqlite3) for the baseline');
    return null;
  }
  const header = execFileSync('head', ['-1', file]).toString().trim().split(',');
  const columns = header.map((h) => `"${h}" TEXT`).join(', ');
  const load = (name: string, schema: string): number => {
    const db = fresh(join(RUN, `shell-${name}.db`));
    const script = `PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n${schema}\n.import --csv --skip 1 ${file} work_orders\n`;
    const started = performance.now();
    execFileSync('sqlite3', [db], { input: script, stdio: ['pipe', 'ignore', 'inherit'] });
    const seconds = (performance.now() - started) / 1000;
    fresh(db);
    return Math.round(rows / seconds);
  };
  const bare = load('bare', `CREATE TABLE work_orders (${columns});`);
  const equivalent = load(
    'equivalent',
    `CREATE TABLE work_orders (${columns.replace('"work_order_id" TEXT', '"work_order_id" TEXT PRIMARY KEY')});\n${equivalentIndex(header)}`,
  );
  return { bare, equivalent, version: execFileSync('sqlite3', ['-version']).toString().split(' ')[0]! };
}

async function main(): Promise<void> {
  const began = performance.now();
  // Other work on the machine slows every figure; the load average says how quiet it was.
  const loadBefore = Math.round(loadavg()[0]! * 100) / 100;
  log(`Account Health Console benchmark — ${scale.name} scale: ${scale.accounts} accounts, ${scale.assets} installed-base rows, ${scale.workOrders} work orders, ${scale.surveys} survey responses`);
  const files = await portfolioFiles(ROOT, scale, log);
  const doubled = join(files.dir, 'service-2x.csv');
  if (!existsSync(doubled)) {
    log(`writing ${doubled}`);
    await writeWorkOrders(doubled, scale, scale.workOrders * 2, 23);
  }
  await bundleSteps();
  if (withUi) buildApp();
  mkdirSync(RUN, { recursive: true });

  // 1. Import: every kind into one database, in the order a user would import them.
  const db = fresh(join(RUN, 'portfolio.db'));
  const imports: Record<string, Stepped<ImportFigures>> = {};
  const importKind = async (kind: string, file: string, into = db): Promise<Stepped<ImportFigures>> => {
    log(`import ${kind}: ${file}`);
    const figures = await step<ImportFigures>('import', ['--db', into, '--kind', kind, '--file', file]);
    if (figures.rejected > 0) throw new Error(`the ${kind} import rejected ${figures.rejected} rows of the synthetic file`);
    log(`  ${figures.rows} rows in ${figures.seconds} s: ${figures.rows_per_s} rows/s, peak ${figures.peak_rss_mb} MB`);
    return figures;
  };
  imports.accounts = await importKind('accounts', files.accounts);
  imports.assets = await importKind('assets', files.assets);
  // The doubled file goes into a copy of the database as it stands before the service import.
  const before = fresh(join(RUN, 'before-service.db'));
  copyFileSync(db, before);
  imports.service = await importKind('service', files.service);
  imports.surveys = await importKind('surveys', files.surveys);
  const doubledImport = await importKind('service', doubled, before);
  fresh(before);

  log('sqlite3 shell .import of the same service file');
  const shell = sqliteShell(files.service, imports.service.rows);

  // 2. Scoring: the first recompute after the import (history filled in), then the next day's.
  log('recompute: first, with six months of history');
  const first = await step<{ seconds: number; threads: number; alerts_raised: number; history_snapshots: number; longest_stall_ms: number; peak_rss_mb: number }>('recompute', ['--db', db, '--as-of', AS_OF, '--history']);
  log(`  ${first.seconds} s on ${first.threads} threads; ${first.history_snapshots} history snapshots, ${first.alerts_raised} alerts raised; main thread's longest stall ${first.longest_stall_ms} ms`);
  log('recompute: the next day, every account rescored; and the single-scan floor');
  const full = await step<{ seconds: number; threads: number; alerts_changed: number; scan_s: number; longest_stall_ms: number; peak_rss_mb: number }>('recompute', ['--db', db, '--as-of', NEXT_DAY, '--scan']);
  log(`  ${full.seconds} s on ${full.threads} threads, ${full.alerts_changed} alerts changed; main thread's longest stall ${full.longest_stall_ms} ms; scan floor ${full.scan_s} s`);
  log('incremental: 1,000 new work orders on 100 accounts');
  const incremental = await step<{ recompute_ms: number; import_and_recompute_ms: number; undo_ms: number }>('incremental', ['--db', db, '--as-of', NEXT_DAY, '--accounts', String(scale.accounts), '--dir', RUN]);
  log(`  rescored in ${incremental.recompute_ms} ms (${incremental.import_and_recompute_ms} ms with the import); undone and rescored in ${incremental.undo_ms} ms`);

  // 3. API: the calls the portfolio and the account view make.
  log('api: 200 calls each');
  const api = await step<Omit<Figures['api'], 'peak_private_mb'>>('api', ['--db', db, '--as-of', NEXT_DAY, '--calls', '200']);
  log(`  accounts/list p95 ${api.list_p95_ms} ms; account/get p95 ${api.account_p95_ms} ms`);

  // 4. Interface: the real renderer in Chromium over browser mode.
  let ui: Figures['ui'] = null;
  if (withUi) {
    const { measureUi } = await import('./ui');
    log('interface: Chromium through browser mode');
    ui = await measureUi(db, NEXT_DAY, log);
  }

  const figures: Figures = {
    scale: { name: scale.name, accounts: scale.accounts, assets: scale.assets, work_orders: scale.workOrders, surveys: scale.surveys },
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      memory_gb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      sqlite: (new Database(':memory:').prepare('SELECT sqlite_version()').pluck().get() as string) ?? 'unknown',
      sqlite_shell: shell?.version ?? null,
      load_avg_before: loadBefore,
      load_avg_after: Math.round(loadavg()[0]! * 100) / 100,
    },
    import: {
      service_rows_per_s: imports.service.rows_per_s,
      sqlite_shell_rows_per_s: shell?.equivalent ?? null,
      ratio: shell ? Number((imports.service.rows_per_s / shell.equivalent).toFixed(2)) : null,
      sqlite_shell_bare_rows_per_s: shell?.bare ?? null,
      ratio_bare: shell ? Number((imports.service.rows_per_s / shell.bare).toFixed(2)) : null,
      peak_rss_mb: imports.service.peak_rss_mb,
      peak_rss_mb_2x: doubledImport.peak_rss_mb,
      peak_private_mb: imports.service.peak_private_mb,
      peak_private_mb_2x: doubledImport.peak_private_mb,
      rows_2x: doubledImport.rows,
      service_file_mb: Math.round(statSync(files.service).size / 2 ** 20),
      kinds: Object.fromEntries(Object.entries(imports).map(([k, f]) => [k, { rows: f.rows, seconds: f.seconds, rows_per_s: f.rows_per_s, peak_rss_mb: f.peak_rss_mb, peak_private_mb: f.peak_private_mb }])),
    },
    recompute: {
      full_s: full.seconds,
      scan_s: full.scan_s,
      ratio: Number((full.seconds / full.scan_s).toFixed(1)),
      incremental_ms: incremental.recompute_ms,
      incremental_with_import_ms: incremental.import_and_recompute_ms,
      undo_ms: incremental.undo_ms,
      first_with_history_s: first.seconds,
      longest_stall_ms: full.longest_stall_ms,
      first_longest_stall_ms: first.longest_stall_ms,
      alerts_changed: full.alerts_changed,
      threads: full.threads,
      alerts: first.alerts_raised,
      peak_rss_mb: Math.max(first.peak_rss_mb, full.peak_rss_mb),
      peak_private_mb: larger(first.peak_private_mb, full.peak_private_mb),
    },
    api,
    ui,
    seconds: Math.round((performance.now() - began) / 1000),
  };
  const verdicts = judge(figures, TARGETS);
  if (asJson) process.stdout.write(`${JSON.stringify({ ...figures, targets: verdicts }, null, 2)}\n`);
  else process.stdout.write(formatReport(figures, verdicts));
}

await main();
