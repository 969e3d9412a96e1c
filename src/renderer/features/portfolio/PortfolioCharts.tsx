import { useMemo } from 'react';
import { Link } from 'wouter';
import { Bar, BarChart, CartesianGrid, Cell, ReferenceArea, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis, ZAxis } from 'recharts';
import type { PortfolioRow } from '../../../shared/account-types';
import { BAND_LABEL, BANDS, type Band } from '../../../shared/scoring-types';
import { paths } from '../../app/paths';
import { Change } from '../../components/Change';
import { formatInteger, formatScore, plural } from '../../components/format';
import { isSatisfiedNotLoyal, movers, SATISFIED_FROM } from './filters';

// The band colours come from the stylesheet, so both themes share one definition.
const bandColour = (band: Band): string => `var(--band-${band.replace('_', '-')})`;

export function BandDistribution({ rows, selected, onSelect }: { readonly rows: readonly PortfolioRow[]; readonly selected: readonly string[]; readonly onSelect: (band: Band) => void }) {
  const data = useMemo(() => BANDS.map((band) => ({ band, label: BAND_LABEL[band], count: rows.filter((r) => r.band === band).length })), [rows]);
  const unscored = rows.filter((r) => r.band === null).length;
  return (
    <figure className="card chart-card" aria-labelledby="bands-title">
      <figcaption id="bands-title" className="card-title">
        Accounts by loyalty band
      </figcaption>
      <div className="chart" role="img" aria-label={data.map((d) => `${d.label}: ${d.count}`).join('; ')}>
        <ResponsiveContainer width="100%" height={150}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid vertical={false} stroke="var(--border)" />
            <XAxis dataKey="label" tick={{ fill: 'var(--text-2)', fontSize: 12 }} axisLine={false} tickLine={false} />
            <YAxis allowDecimals={false} tick={{ fill: 'var(--text-2)', fontSize: 12 }} axisLine={false} tickLine={false} />
            <Tooltip cursor={{ fill: 'var(--surface-2)' }} contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }} formatter={(v) => [formatInteger(Number(v)), 'Accounts']} />
            <Bar dataKey="count" isAnimationActive={false} onClick={(d: { payload?: { band: Band } }) => d.payload && onSelect(d.payload.band)} cursor="pointer">
              {data.map((d) => (
                <Cell key={d.band} fill={bandColour(d.band)} fillOpacity={selected.length === 0 || selected.includes(d.band) ? 1 : 0.35} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
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
}

/** Up to a few hundred accounts are drawn one by one; more are gathered into cells of 5 × 5 points. */
function points(rows: readonly PortfolioRow[]): Point[] {
  const scored = rows.filter((r) => r.satisfaction !== null && r.loyalty !== null && r.band !== null);
  if (scored.length <= 600) return scored.map((r) => ({ satisfaction: r.satisfaction!, loyalty: r.loyalty!, count: 1, band: r.band! }));
  const cells = new Map<string, Point & { sum: number }>();
  for (const r of scored) {
    const s = Math.min(97.5, Math.floor(r.satisfaction! / 5) * 5 + 2.5);
    const l = Math.min(97.5, Math.floor(r.loyalty! / 5) * 5 + 2.5);
    const key = `${s}:${l}`;
    const cell = cells.get(key);
    if (cell) cell.count++;
    else cells.set(key, { satisfaction: s, loyalty: l, count: 1, band: r.band!, sum: 0 });
  }
  return [...cells.values()];
}

export function SatisfactionLoyaltyMap({ rows, active, onQuadrant }: { readonly rows: readonly PortfolioRow[]; readonly active: boolean; readonly onQuadrant: () => void }) {
  const data = useMemo(() => points(rows), [rows]);
  const inQuadrant = useMemo(() => rows.filter(isSatisfiedNotLoyal).length, [rows]);
  const byBand = BANDS.map((band) => ({ band, data: data.filter((p) => p.band === band) }));
  return (
    <figure className="card chart-card" aria-labelledby="map-title">
      <figcaption id="map-title" className="card-title">
        Satisfaction against loyalty
      </figcaption>
      <div className="chart" role="img" aria-label={`Each account by survey satisfaction (across) and loyalty (up). ${inQuadrant} are satisfied but not loyal.`}>
        <ResponsiveContainer width="100%" height={150}>
          <ScatterChart margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid stroke="var(--border)" />
            <ReferenceArea
              x1={SATISFIED_FROM}
              x2={100}
              y1={0}
              y2={SATISFIED_FROM}
              fill="var(--band-at-risk)"
              fillOpacity={active ? 0.22 : 0.1}
              stroke={active ? 'var(--band-at-risk)' : 'none'}
              onClick={onQuadrant}
              cursor="pointer"
              ifOverflow="hidden"
            />
            <XAxis type="number" dataKey="satisfaction" domain={[0, 100]} ticks={[0, 40, 60, 75, 100]} tick={{ fill: 'var(--text-2)', fontSize: 12 }} name="Satisfaction" />
            <YAxis type="number" dataKey="loyalty" domain={[0, 100]} ticks={[0, 40, 60, 75, 100]} tick={{ fill: 'var(--text-2)', fontSize: 12 }} name="Loyalty" />
            <ZAxis type="number" dataKey="count" range={data.length > 0 && data[0]!.count === 1 && data.every((p) => p.count === 1) ? [14, 14] : [10, 160]} />
            <Tooltip
              cursor={false}
              contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)' }}
              formatter={(v, name) => [formatScore(Number(v)), String(name)]}
            />
            {byBand.map(({ band, data: bandPoints }) => (
              <Scatter key={band} data={bandPoints} fill={bandColour(band)} fillOpacity={0.75} isAnimationActive={false} name={BAND_LABEL[band]} />
            ))}
          </ScatterChart>
        </ResponsiveContainer>
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
