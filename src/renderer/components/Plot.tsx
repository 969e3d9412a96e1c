import type { ReactNode } from 'react';

/** A tick on an axis: where it sits, in per cent of the axis from its start, and what it says. */
export interface Tick {
  readonly at: number;
  readonly label: string;
  /** How the label lines up with its place; the axis' last label ends there, so it stays inside the box. */
  readonly anchor?: 'start' | 'middle' | 'end';
}

/** An SVG length in per cent of the plotting area. */
export const pct = (n: number): string => `${n}%`;

/**
 * A chart's plotting area, drawn by hand in per cent of its box: it takes the width the page gives
 * it without measuring anything, and the axes' labels sit in the box's padding. The portfolio's
 * overview charts and the account's trend are drawn this way because a charting library's render
 * of them (its store, its scales, measuring each label's text in the page) took longer than the
 * whole table's, and ran cold at every account opened.
 * Values run from 0 at the bottom (and left) to 100 at the top (and right).
 */
export function PlotArea({ height, xTicks, yTicks, verticalGrid = false, axes = false, children }: { readonly height: number; readonly xTicks: readonly Tick[]; readonly yTicks: readonly Tick[]; readonly verticalGrid?: boolean; readonly axes?: boolean; readonly children: ReactNode }) {
  return (
    <div className="plot" style={{ height }}>
      <svg className="plot-area" width="100%" height="100%" aria-hidden="true">
        <g className="plot-grid">
          {yTicks.map((t) => (
            <line key={`y${t.at}`} x1="0" x2="100%" y1={pct(100 - t.at)} y2={pct(100 - t.at)} />
          ))}
          {verticalGrid && xTicks.map((t) => <line key={`x${t.at}`} x1={pct(t.at)} x2={pct(t.at)} y1="0" y2="100%" />)}
        </g>
        {children}
        {axes && (
          <g className="plot-axes">
            <line x1="0" x2="0" y1="0" y2="100%" />
            <line x1="0" x2="100%" y1="100%" y2="100%" />
          </g>
        )}
        <g className="plot-ticks">
          {yTicks.map((t) => (
            <text key={`y${t.at}`} x="-6" y={pct(100 - t.at)} dy="0.32em" textAnchor="end">
              {t.label}
            </text>
          ))}
          {xTicks.map((t) => (
            <text key={`x${t.at}`} x={pct(t.at)} y="100%" dy="17" textAnchor={t.anchor ?? 'middle'}>
              {t.label}
            </text>
          ))}
        </g>
      </svg>
    </div>
  );
}

/** Round steps (1, 2 or 5 times a power of ten) from 0 to at or above `max`, about `count` of them: a count's axis. */
export function countTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.max(0, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let v = 0; v < max + step; v += step) ticks.push(v);
  return ticks;
}

/**
 * A line through values placed in per cent of the plotting area (0–100 across and up), drawn in a
 * stretched 100 × 100 box whose strokes keep their width in pixels.
 */
export function PlotLine({ points, className }: { readonly points: ReadonlyArray<readonly [number, number]>; readonly className: string }) {
  if (points.length === 0) return null;
  return (
    <svg className="plot-lines" x="0" y="0" width="100%" height="100%" viewBox="0 0 100 100" preserveAspectRatio="none">
      <polyline className={className} points={points.map(([x, y]) => `${x},${100 - y}`).join(' ')} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
