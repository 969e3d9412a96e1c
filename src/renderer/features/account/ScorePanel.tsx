import { useState } from 'react';
import type { AccountView } from '../../../shared/account-types';
import { useApiMutation } from '../../api/queries';
import { LoyaltyScore, SatisfactionScore } from '../../components/Band';
import { Change } from '../../components/Change';
import { Dialog } from '../../components/Dialog';
import { pct, PlotArea, PlotLine, type Tick } from '../../components/Plot';
import { formatDay, formatPercent, formatScore, formatShortDay } from '../../components/format';

const PULSE_LABEL = { good: 'Good', watch: 'Watch', concern: 'Concern' } as const;

/** Loyalty and satisfaction side by side, never blended; the account manager's pulse beside them; the trend. */
export function ScorePanel({ view }: { readonly view: AccountView }) {
  const s = view.score;
  return (
    <div className="score-panel">
      <section className="card score-card" aria-labelledby="loyalty-title">
        <h2 id="loyalty-title" className="card-title">
          Loyalty
        </h2>
        <p className="big-score">
          <LoyaltyScore loyalty={s.loyalty} band={s.band} />
        </p>
        <p className="card-line">
          <Change value={view.change30} /> in 30 days
        </p>
        <p className="card-line" title={s.confidenceReasons.join('\n') || undefined}>
          Confidence {formatPercent(s.confidence)}
          {s.confidenceReasons.length > 0 && <span className="muted-text"> — {s.confidenceReasons[0]}</span>}
        </p>
      </section>
      <section className="card score-card" aria-labelledby="satisfaction-title">
        <h2 id="satisfaction-title" className="card-title">
          Satisfaction
        </h2>
        <p className="big-score">
          <SatisfactionScore satisfaction={s.satisfaction} />
        </p>
        <p className="card-line muted-text">From surveys alone: what customers say, beside what they do.</p>
      </section>
      <PulseCard view={view} />
      <TrendChart view={view} />
    </div>
  );
}

function PulseCard({ view }: { readonly view: AccountView }) {
  const [editing, setEditing] = useState(false);
  const [rating, setRating] = useState<'good' | 'watch' | 'concern'>(view.pulse?.rating ?? 'good');
  const [reason, setReason] = useState('');
  const set = useApiMutation('pulse/set');
  const pulse = view.pulse;
  return (
    <section className="card score-card" aria-labelledby="pulse-title">
      <h2 id="pulse-title" className="card-title">
        Your pulse
      </h2>
      {pulse ? (
        <>
          <p className="big-score">
            <span className={`chip pulse-${pulse.rating}`}>{PULSE_LABEL[pulse.rating]}</span>
            {pulse.stale && <span className="chip muted">out of date</span>}
          </p>
          <p className="card-line ellipsis-2" title={pulse.reason}>
            “{pulse.reason}”
          </p>
          <p className="card-line muted-text">
            {pulse.setBy ?? 'Set'} on {formatDay(pulse.setOn)}, {pulse.stale ? 'expired' : 'until'} {formatDay(pulse.expiresOn)}
          </p>
        </>
      ) : (
        <p className="card-line muted-text">Not set: how does the account feel to you? Shown beside the score, never blended into it.</p>
      )}
      <button
        type="button"
        onClick={() => {
          setRating(pulse?.rating ?? 'good');
          setReason('');
          set.reset();
          setEditing(true);
        }}
      >
        {pulse ? 'Update pulse' : 'Set pulse'}
      </button>
      <Dialog
        open={editing}
        title={`Your pulse on ${view.account.name}`}
        submitLabel="Save pulse"
        busy={set.isPending}
        error={set.error?.message}
        onClose={() => setEditing(false)}
        onSubmit={() => set.mutate({ accountId: view.account.id, rating, reason: reason.trim() }, { onSuccess: () => setEditing(false) })}
      >
        <fieldset className="radio-row">
          <legend>How does the account feel?</legend>
          {(['good', 'watch', 'concern'] as const).map((r) => (
            <label key={r}>
              <input type="radio" name="pulse" value={r} checked={rating === r} onChange={() => setRating(r)} /> {PULSE_LABEL[r]}
            </label>
          ))}
        </fieldset>
        <label className="field">
          Why (required)
          <textarea required value={reason} onChange={(e) => setReason(e.target.value)} rows={3} placeholder="New facilities manager is reviewing all suppliers" />
        </label>
      </Dialog>
    </section>
  );
}

function TrendChart({ view }: { readonly view: AccountView }) {
  const data = view.trend.map((p) => ({ day: p.asOf, loyalty: p.loyalty, satisfaction: p.satisfaction }));
  const described = data.filter((d) => d.loyalty !== null);
  const summary =
    described.length >= 2
      ? `Loyalty from ${formatScore(described[0]!.loyalty)} on ${formatDay(described[0]!.day)} to ${formatScore(described.at(-1)!.loyalty)} on ${formatDay(described.at(-1)!.day)}`
      : 'Not enough kept scores for a trend yet';
  const { domain, ticks } = scoreScale(data.flatMap((d) => [d.loyalty, d.satisfaction]));
  const [low, high] = domain;
  const up = (v: number): number => ((v - low) / (high - low)) * 100;
  const across = (i: number): number => (data.length > 1 ? (i / (data.length - 1)) * 100 : 50);
  const line = (of: 'loyalty' | 'satisfaction'): Array<[number, number]> => data.flatMap((d, i) => (d[of] === null ? [] : [[across(i), up(d[of])] as [number, number]]));
  return (
    <figure className="card trend-card" aria-labelledby="trend-title">
      <figcaption id="trend-title" className="card-title">
        Over the last year
      </figcaption>
      <div className="chart" role="img" aria-label={summary}>
        <PlotArea height={108} xTicks={dayTicks(data.map((d) => d.day), across)} yTicks={ticks.map((t) => ({ at: up(t), label: String(t) }))}>
          {[40, 60, 75]
            .filter((b) => b > low && b < high)
            .map((b) => (
              <line key={b} className="plot-reference" x1="0" x2="100%" y1={pct(100 - up(b))} y2={pct(100 - up(b))} />
            ))}
          {data.map((d, i) => {
            // Each kept day answers the pointer over its stretch of the chart with its two scores.
            const from = i === 0 ? 0 : (across(i - 1) + across(i)) / 2;
            const to = i === data.length - 1 ? 100 : (across(i) + across(i + 1)) / 2;
            return (
              <rect key={d.day} className="plot-hover" x={pct(from)} width={pct(to - from)} y="0" height="100%">
                <title>{`${formatDay(d.day)}: loyalty ${formatScore(d.loyalty)}, satisfaction ${formatScore(d.satisfaction)}`}</title>
              </rect>
            );
          })}
          <PlotLine className="plot-line-satisfaction" points={line('satisfaction')} />
          <PlotLine className="plot-line-loyalty" points={line('loyalty')} />
        </PlotArea>
        <p className="plot-legend" aria-hidden="true">
          <span className="legend-line loyalty" /> Loyalty
          <span className="legend-line satisfaction" /> Satisfaction
        </p>
      </div>
    </figure>
  );
}

/** Up to five days labelled, evenly spread, the latest always among them (ending at the right edge). */
function dayTicks(days: readonly string[], across: (i: number) => number): Tick[] {
  if (days.length === 0) return [];
  const last = days.length - 1;
  const step = Math.max(1, Math.ceil(last / 4));
  const shown = new Set<number>([last]);
  for (let i = 0; i <= last - step; i += step) shown.add(i);
  return [...shown]
    .sort((a, b) => a - b)
    .map((i) => ({ at: across(i), label: formatShortDay(days[i]!), anchor: days.length > 1 && i === last ? 'end' : days.length > 1 && i === 0 ? 'start' : 'middle' }));
}

/**
 * A vertical scale fitted to the scores shown (at least 20 points tall, within 0–100), so a move of
 * a few points is visible; the band thresholds inside it are the ticks.
 */
function scoreScale(values: ReadonlyArray<number | null>): { domain: [number, number]; ticks: number[] } {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return { domain: [0, 100], ticks: [0, 40, 60, 75, 100] };
  let low = Math.floor((Math.min(...present) - 5) / 5) * 5;
  let high = Math.ceil((Math.max(...present) + 5) / 5) * 5;
  if (high - low < 20) {
    const middle = (low + high) / 2;
    low = Math.round(middle - 10);
    high = Math.round(middle + 10);
  }
  low = Math.max(0, low);
  high = Math.min(100, high);
  const ticks = [...new Set([low, ...[40, 60, 75].filter((b) => b > low && b < high), high])];
  return { domain: [low, high], ticks };
}
