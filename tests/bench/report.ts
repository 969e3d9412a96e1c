import type { Figures, Verdict } from './targets';

const privately = (mb: number | null): string => (mb === null ? '' : ` (${mb} MB private)`);

/** The run as a person reads it: what was measured, on what, against which target. */
export function formatReport(f: Figures, verdicts: readonly Verdict[]): string {
  const lines: string[] = [];
  const m = f.machine;
  lines.push('', `Machine: ${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB; Node ${m.node}; SQLite ${m.sqlite} (shell ${m.sqlite_shell ?? 'absent'}); load average ${m.load_avg_before} before, ${m.load_avg_after} after`);
  lines.push(`Scale: ${f.scale.name} — ${f.scale.accounts} accounts, ${f.scale.assets} installed-base rows, ${f.scale.work_orders} work orders, ${f.scale.surveys} survey responses`, '');
  lines.push('Import (rows/s, peak memory: resident, and private where the system says):');
  for (const [kind, k] of Object.entries(f.import.kinds)) lines.push(`  ${kind.padEnd(10)} ${String(k.rows).padStart(9)} rows  ${String(k.rows_per_s).padStart(7)} rows/s  ${String(k.seconds).padStart(6)} s  ${k.peak_rss_mb} MB${privately(k.peak_private_mb)}`);
  lines.push(`  sqlite3 shell .import, same service file: ${f.import.sqlite_shell_rows_per_s ?? '—'} rows/s into an equivalent table, ${f.import.sqlite_shell_bare_rows_per_s ?? '—'} rows/s into a bare one`);
  lines.push(`  ${f.import.rows_2x}-row service file: peak ${f.import.peak_rss_mb_2x} MB${privately(f.import.peak_private_mb_2x)}`, '');
  lines.push('Engine:');
  lines.push(`  full recompute ${f.recompute.full_s} s on ${f.recompute.threads} threads (first, with history: ${f.recompute.first_with_history_s} s); single-scan query ${f.recompute.scan_s} s`);
  lines.push(`  main thread's longest stall ${f.recompute.longest_stall_ms} ms (first: ${f.recompute.first_longest_stall_ms} ms); ${f.recompute.alerts_changed} alerts changed the next day`);
  lines.push(`  peak memory ${f.recompute.peak_rss_mb} MB resident, the database file mapped for reading included${privately(f.recompute.peak_private_mb)}`);
  lines.push(`  incremental, 100 accounts: ${f.recompute.incremental_ms} ms (${f.recompute.incremental_with_import_ms} ms with the import); the import undone, rescored: ${f.recompute.undo_ms} ms`, '');
  lines.push('API:');
  lines.push(`  accounts/list p50 ${f.api.list_p50_ms} ms, p95 ${f.api.list_p95_ms} ms (${Math.round(f.api.list_bytes / 1024)} KiB); account/get p50 ${f.api.account_p50_ms} ms, p95 ${f.api.account_p95_ms} ms`, '');
  if (f.ui) {
    lines.push('Interface (Chromium, browser mode):');
    lines.push(`  portfolio ready ${f.ui.portfolio_ready_ms} ms (${f.ui.portfolio_ready_first_ms} ms the first time after the server starts); account open ${f.ui.account_open_ms} ms; longest frame scrolling ${f.ui.rows_scrolled} rows ${f.ui.longest_scroll_frame_ms} ms (${f.ui.scroll_frames} frames)`, '');
  }
  lines.push('Targets:');
  for (const v of verdicts) lines.push(`  ${v.met === null ? '·' : v.met ? '✓' : '✗'} ${v.label.padEnd(52)} ${String(v.value ?? '—').padStart(8)}  (${v.target})`);
  lines.push('', `Run took ${f.seconds} s.`, '');
  return lines.join('\n');
}
