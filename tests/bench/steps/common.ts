// What every benchmark step shares. A step runs in its own process (its peak memory is its own)
// and prints one JSON line on stdout; progress goes to stderr.

export function options(): Map<string, string> {
  const args = process.argv.slice(2);
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const key = args[i]!;
    if (!key.startsWith('--')) throw new Error(`unexpected argument ${key}`);
    const next = args[i + 1];
    if (next === undefined || next.startsWith('--')) out.set(key.slice(2), 'true');
    else {
      out.set(key.slice(2), next);
      i++;
    }
  }
  return out;
}

export function required(opts: Map<string, string>, key: string): string {
  const value = opts.get(key);
  if (value === undefined) throw new Error(`--${key} is required`);
  return value;
}

export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

export function emit(figures: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

/** The value below which `q` of the sorted samples fall (nearest rank). */
export function percentile(samples: readonly number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export const round = (n: number, digits = 1): number => Number(n.toFixed(digits));
