import { useMemo } from 'react';
import { Link } from 'wouter';
import type { PortfolioRow } from '../../../shared/account-types';
import { BAND_LABEL, BANDS, type Band } from '../../../shared/scoring-types';
import { paths } from '../../app/paths';
import { Change } from '../../components/Change';
import { formatInteger, formatScore, plural } from '../../components/format';
import { countTicks, pct, PlotArea, type Tick } from '../../components/Plot';
import { isSatisfiedNotLoyal, movers, SATISFIED_FROM } from './filters';

// The band colours come from the stylesheet, so both themes share one definition.
const bandColour = (band: Band): string => `var(--band-${band.replace('_', '-')})`;

const CHART_HEIGHT = 150;

export function BandDistribution({ rows, selected, onSelect }: { readonly rows: readonly PortfolioRow[]; readonly selected: readonly string[]; readonly onSelect: (band: Band) => void }) {
  const data = useMemo(() => BANDS.map((band) => ({ band, label: BAND_LABEL[band], count: rows.filter((r) => r.band === band).length })), [rows]);
  const unscored = rows.filter((r) => r.band === null).length;
  const counts = countTicks(Math.max(...data.map((d) => d.count)));
  const top = counts.at(-1)!;
  const slot = 100 / data.length;
  return (
    <figure className="card chart-card" aria-labelledby="bands-title">
      <figcaption id="bands-title" className="card-title">
        Accounts by loyalty band
      </figcaption>
      <div className="chart" role="img" aria-label={data.map((d) => `${d.label}: ${d.count}`).join('; ')}>
        <PlotArea
          height={CHART_HEIGHT}
          xTicks={data.map((d, i) => ({ at: (i + 0.5) * slot, label: d.label }))}
          yTicks={counts.map((v) => ({ at: (v / top) * 100, label: formatInteger(v) }))}
        >
          {data.map((d, i) => {
            const height = (d.count / top) * 100;
            return (
              <g key={d.band} className="plot-bar" onClick={() => onSelect(d.band)}>
                <title>{`${d.label}: ${plural(d.count, 'account')}`}</title>
                <rect className="plot-slot" x={pct(i * slot)} width={pct(slot)} y="0" height="100%" />
                <rect x={pct((i + 0.2) * slot)} width={pct(0.6 * slot)} y={pct(100 - height)} height={pct(height)} style={{ fill: bandColour(d.band) }} fillOpacity={selected.length === 0 || selected.includes(d.band) ? 1 : 0.35} />
              </g>
            );
          })}
        </PlotArea>
      </div>
      <div className="chart-keys" role="group" aria-label="Show only a band">
        {data.map((d) => (
          <button key={d.band} type="button" className={`key band-key ${selected.includes(d.band) ? 'on' : ''}`} aria-pressed={selected.includes(d.band)} onClick={() => onSelect(d.band)}>
            <span className={`swatch band-${d.band}`} aria-hidden="true" />
            {d.label} {formatInteger(d.count)}
          </button>
        ))}
        {unscored > 0 && <span className="muted-text">{plural(unscored, 'account')} without a score</span>}
      </div>
    </figure>
  );
}

interface Point {
  satisfaction: number;
  loyalty: number;
  count: number;
  band: Band;
  /** The middle of a cell of 5 × 5 points, holding `count` accounts. */
  cell: boolean;
}

/** Up to a few hundred accounts are drawn one by one; more are gathered into cells of 5 × 5 points. */
function points(rows: readonly PortfolioRow[]): Point[] {
  const scored = rows.filter((r) => r.satisfaction !== null && r.loyalty !== null && r.band !== null);
  if (scored.length <= 600) return scored.map((r) => ({ satisfaction: r.satisfaction!, loyalty: r.loyalty!, count: 1, band: r.band!, cell: false }));
  const cells = new Map<string, Point>();
  for (const r of scored) {
    const s = Math.min(97.5, Math.floor(r.satisfaction! / 5) * 5 + 2.5);
    const l = Math.min(97.5, Math.floor(r.loyalty! / 5) * 5 + 2.5);
    const key = `${s}:${l}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { satisfaction: s, loyalty: l, count: 1, band: r.band!, cell: true });
  }
  return [...cells.values()];
}

/** A point's radius: its area grows with the accounts it holds, from 10 to 160 square pixels; single accounts all 14. */
function radii(data: readonly Point[]): (count: number) => number {
  const counts = data.map((p) => p.count);
  const low = Math.min(...counts);
  const high = Math.max(...counts);
  if (!(high > low)) return () => Math.sqrt(14 / Math.PI);
  return (count) => Math.sqrt((10 + ((count - low) / (high - low)) * 150) / Math.PI);
}

function pointTitle(p: Point): string {
  if (!p.cell) return `${BAND_LABEL[p.band]}: satisfaction ${formatScore(p.satisfaction)}, loyalty ${formatScore(p.loyalty)}`;
  const range = (mid: number): string => `${mid - 2.5}–${mid + 2.5}`;
  return `${plural(p.count, 'account')} with satisfaction ${range(p.satisfaction)} and loyalty ${range(p.loyalty)} (${BAND_LABEL[p.band]})`;
}

const SCORE_TICKS: readonly Tick[] = [0, 40, 60, 75, 100].map((v) => ({ at: v, label: String(v) }));

export function SatisfactionLoyaltyMap({ rows, active, onQuadrant }: { readonly rows: readonly PortfolioRow[]; readonly active: boolean; readonly onQuadrant: () => void }) {
  const data = useMemo(() => points(rows), [rows]);
  const inQuadrant = useMemo(() => rows.filter(isSatisfiedNotLoyal).length, [rows]);
  const radius = radii(data);
  return (
    <figure className="card chart-card" aria-labelledby="map-title">
      <figcaption id="map-title" className="card-title">
        Satisfaction against loyalty
      </figcaption>
      <div className="chart" role="img" aria-label={`Each account by survey satisfaction (across) and loyalty (up). ${inQuadrant} are satisfied but not loyal.`}>
        <PlotArea height={CHART_HEIGHT} xTicks={SCORE_TICKS} yTicks={SCORE_TICKS} verticalGrid axes>
          <rect
            className={`plot-quadrant ${active ? 'on' : ''}`}
            x={pct(SATISFIED_FROM)}
            width={pct(100 - SATISFIED_FROM)}
            y={pct(100 - SATISFIED_FROM)}
            height={pct(SATISFIED_FROM)}
            onClick={onQuadrant}
          />
          {data.map((p, i) => (
            <circle key={i} cx={pct(p.satisfaction)} cy={pct(100 - p.loyalty)} r={radius(p.count)} style={{ fill: bandColour(p.band) }} fillOpacity={0.75}>
              <title>{pointTitle(p)}</title>
            </circle>
          ))}
        </PlotArea>
      </div>
      <div className="chart-keys">
        <button type="button" className={`key quadrant-key ${active ? 'on' : ''}`} aria-pressed={active} onClick={onQuadrant}>
          Satisfied but not loyal: {formatInteger(inQuadrant)}
        </button>
        <span className="muted-text">shaded: surveys say satisfied, loyalty says at risk</span>
      </div>
    </figure>
  );
}

export function Movers({ rows }: { readonly rows: readonly PortfolioRow[] }) {
  const { fallers, risers } = useMemo(() => movers(rows, 5), [rows]);
  const list = (items: PortfolioRow[], empty: string) =>
    items.length === 0 ? (
      <p className="muted-text">{empty}</p>
    ) : (
      <ol className="movers-list">
        {items.map((r) => (
          <li key={r.accountId}>
            <Link href={paths.account(r.accountId)} className="ellipsis" title={r.name}>
              {r.name}
            </Link>
            <Change value={r.change30} />
          </li>
        ))}
      </ol>
    );
  return (
    <section className="card movers" aria-labelledby="movers-title">
      <h2 id="movers-title" className="card-title">
        Biggest movers in 30 days
      </h2>
      <div className="movers-columns">
        <div>
          <h3>Fell</h3>
          {list(fallers, 'No account fell.')}
        </div>
        <div>
          <h3>Rose</h3>
          {list(risers, 'No account rose.')}
        </div>
      </div>
    </section>
  );
}
