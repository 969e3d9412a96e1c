// The figures a run produces and the targets they are read against (reported, never asserted).

export interface Figures {
  scale: { name: string; accounts: number; assets: number; work_orders: number; surveys: number };
  machine: { cpu: string; cores: number; memory_gb: number; node: string; sqlite: string; sqlite_shell: string | null; load_avg_before: number; load_avg_after: number };
  import: {
    service_rows_per_s: number;
    sqlite_shell_rows_per_s: number | null;
    ratio: number | null;
    sqlite_shell_bare_rows_per_s: number | null;
    ratio_bare: number | null;
    peak_rss_mb: number;
    peak_rss_mb_2x: number;
    /** Anonymous memory only (RSS less the files mapped), sampled; null where /proc is absent. */
    peak_private_mb: number | null;
    peak_private_mb_2x: number | null;
    rows_2x: number;
    service_file_mb: number;
    kinds: Record<string, { rows: number; seconds: number; rows_per_s: number; peak_rss_mb: number; peak_private_mb: number | null }>;
  };
  recompute: {
    full_s: number;
    scan_s: number;
    ratio: number;
    incremental_ms: number;
    incremental_with_import_ms: number;
    /** The same import undone from the history, with the accounts it changed rescored (in the same process, after it). */
    undo_ms: number;
    first_with_history_s: number;
    /** The longest the main thread went without answering, in the full recompute and the first. */
    longest_stall_ms: number;
    first_longest_stall_ms: number;
    /** Alerts the full recompute changed (the next day's: what it had to write). */
    alerts_changed: number;
    threads: number;
    alerts: number;
    /** Includes the database file, which the scoring threads map to read it. */
    peak_rss_mb: number;
    peak_private_mb: number | null;
  };
  api: { list_p50_ms: number; list_p95_ms: number; account_p50_ms: number; account_p95_ms: number; list_bytes: number; /** The serving process's, over the calls. */ peak_private_mb: number | null };
  ui: { portfolio_ready_ms: number; portfolio_ready_first_ms: number; account_open_ms: number; longest_scroll_frame_ms: number; scroll_frames: number; rows_scrolled: number } | null;
  seconds: number;
}

export interface Target {
  readonly figure: string;
  readonly label: string;
  readonly read: (f: Figures) => number | null;
  readonly atMost?: number;
  readonly atLeast?: number;
  readonly unit: string;
}

export const TARGETS: readonly Target[] = [
  { figure: 'import.ratio', label: 'Import vs sqlite3 shell (equivalent table)', read: (f) => f.import.ratio, atLeast: 0.6, unit: '×' },
  { figure: 'import.peak_rss_mb', label: 'Import peak memory', read: (f) => f.import.peak_rss_mb, atMost: 300, unit: 'MB' },
  {
    figure: 'import.peak_rss_mb_2x',
    label: 'Import peak memory, file twice the size (≤ +10 %)',
    read: (f) => f.import.peak_rss_mb_2x,
    atMost: Number.NaN, // set from the 1× figure in judge()
    unit: 'MB',
  },
  { figure: 'recompute.full_s', label: 'Full recompute', read: (f) => f.recompute.full_s, atMost: 2, unit: 's' },
  { figure: 'recompute.ratio', label: 'Full recompute vs single-scan query', read: (f) => f.recompute.ratio, atMost: 3, unit: '×' },
  { figure: 'recompute.incremental_ms', label: 'Incremental recompute (100 accounts)', read: (f) => f.recompute.incremental_ms, atMost: 100, unit: 'ms' },
  { figure: 'api.list_p95_ms', label: 'accounts/list p95', read: (f) => f.api.list_p95_ms, atMost: 150, unit: 'ms' },
  { figure: 'api.account_p95_ms', label: 'account/get p95', read: (f) => f.api.account_p95_ms, atMost: 50, unit: 'ms' },
  { figure: 'ui.portfolio_ready_ms', label: 'Portfolio ready from navigation', read: (f) => f.ui?.portfolio_ready_ms ?? null, atMost: 1500, unit: 'ms' },
  { figure: 'ui.account_open_ms', label: 'Account open', read: (f) => f.ui?.account_open_ms ?? null, atMost: 300, unit: 'ms' },
  { figure: 'ui.longest_scroll_frame_ms', label: 'Longest frame scrolling the portfolio', read: (f) => f.ui?.longest_scroll_frame_ms ?? null, atMost: 50, unit: 'ms' },
];

export interface Verdict {
  figure: string;
  label: string;
  value: number | null;
  target: string;
  met: boolean | null;
}

export function judge(figures: Figures, targets: readonly Target[]): Verdict[] {
  return targets.map((t) => {
    const value = t.read(figures);
    const atMost = t.figure === 'import.peak_rss_mb_2x' ? Math.round(figures.import.peak_rss_mb * 1.1) : t.atMost;
    const target = atMost !== undefined ? `≤ ${atMost} ${t.unit}` : `≥ ${t.atLeast} ${t.unit}`;
    const met = value === null ? null : atMost !== undefined ? value <= atMost : value >= t.atLeast!;
    return { figure: t.figure, label: t.label, value, target, met };
  });
}
