// A full recompute (scores, snapshots, alerts of every account) as the app runs it, and the floor
// to compare it with: one aggregate query scanning the work orders once, on the same kind of
// read connection the recompute reads through.
//   node recompute.mjs --db FILE.db --as-of DATE [--history] [--scan]
import { openContext } from '../../../src/services/context';
import { recomputeAll } from '../../../src/services/recompute';
import { emit, options, peakRssMb, required, round } from './common';

const opts = options();
const asOf = required(opts, 'as-of');
const ctx = openContext(required(opts, 'db'), { now: () => new Date(`${asOf}T07:00:00Z`) });

// The longest the main thread went without turning (the app's window gets no answer meanwhile).
let longestStall = 0;
let lastTick = performance.now();
const ticker = setInterval(() => {
  const now = performance.now();
  longestStall = Math.max(longestStall, now - lastTick);
  lastTick = now;
}, 10);
const started = performance.now();
const result = await recomputeAll(ctx, { asOf, history: opts.has('history') });
const seconds = (performance.now() - started) / 1000;
clearInterval(ticker);
longestStall = Math.max(longestStall, performance.now() - lastTick);

let scanSeconds: number | null = null;
if (opts.has('scan')) {
  // The best of three, each on a fresh connection (as the recompute opens its own).
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) {
    const reader = ctx.openReader();
    const t = performance.now();
    reader.prepare('SELECT account_id, count(*), sum(fixed_first_time), max(opened_at) FROM work_orders GROUP BY account_id').raw().all();
    runs.push((performance.now() - t) / 1000);
    reader.close();
  }
  scanSeconds = Math.min(...runs);
}
ctx.close();
emit({
  seconds: round(seconds, 2),
  accounts: result.accounts,
  threads: result.threads,
  snapshots: result.snapshots,
  history_snapshots: result.historySnapshots,
  alerts_raised: result.alertsRaised,
  alerts_changed: result.alertsChanged,
  scan_s: scanSeconds === null ? null : round(scanSeconds, 2),
  longest_stall_ms: Math.round(longestStall),
  peak_rss_mb: peakRssMb(),
});
