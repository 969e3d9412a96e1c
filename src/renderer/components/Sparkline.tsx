/** A small line of a score over time: drawn by hand, as thousands of rows may each carry one. */
export function Sparkline({ values, label, width = 72, height = 20 }: { readonly values: readonly number[]; readonly label: string; readonly width?: number; readonly height?: number }) {
  if (values.length < 2) return <span className="spark-empty" aria-label={`${label}: not enough history`} role="img" />;
  // Scaled to the values, at least ten points tall, so a slide of a few points shows.
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max(0, 10 - (high - low)) / 2;
  const min = low - pad;
  const max = high + pad;
  const x = (i: number): number => (i / (values.length - 1)) * (width - 2) + 1;
  const y = (v: number): number => height - 1 - ((v - min) / (max - min || 1)) * (height - 2);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = values.at(-1)!;
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
      <circle cx={x(values.length - 1)} cy={y(last)} r="2" fill="currentColor" />
    </svg>
  );
}
