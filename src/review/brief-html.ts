import type { BriefKpis, BriefSite, CoffeeItem, ComponentMove, ReviewBrief } from '../shared/review-types';
import type { ChecklistItemResult } from '../shared/checklist-types';
import { BAND_LABEL, SATISFACTION_COLOUR_BAND, SATISFACTION_LABEL, satisfactionLevel, type Band, type Pulse } from '../shared/scoring-types';
import { spokenDate } from '../domain/dates';

// The account-review brief as one self-contained, printable HTML document: what an account manager
// takes into the meeting. Pure: printing it to PDF is the caller's business.

// ---------------------------------------------------------------------------------------------
// Safe HTML: every interpolated value is escaped unless it is already markup built here.

class SafeHtml {
  constructor(readonly html: string) {}
}

type Part = SafeHtml | string | number | null | undefined | false | readonly Part[];

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function render(part: Part): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.html;
  if (typeof part === 'object') return part.map(render).join('');
  return escapeHtml(String(part));
}

function h(strings: TemplateStringsArray, ...parts: Part[]): SafeHtml {
  let out = strings[0] ?? '';
  parts.forEach((part, i) => {
    out += render(part) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

// ---------------------------------------------------------------------------------------------
// Numbers and words: one decimal at most, a real minus sign, no dependence on the machine's locale.

const DASH = '—';
const MINUS = '−';

function oneDecimal(n: number): string {
  const fixed = (Math.round(n * 10) / 10).toFixed(1);
  return fixed === '-0.0' ? '0.0' : fixed.replace('-', MINUS);
}

const signed = (n: number): string => (oneDecimal(n) === '0.0' ? '0.0' : n > 0 ? `+${oneDecimal(n)}` : oneDecimal(n));
const wholeNumber = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const percent = (rate: number): string => `${oneDecimal(rate * 100)}%`;
const orDash = <T>(value: T | null, format: (v: T) => string): string => (value === null ? DASH : format(value));
const plural = (n: number, one: string, many = `${one}s`): string => `${wholeNumber(n)} ${n === 1 ? one : many}`;
const capitalised = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1).replace(/_/g, ' ');

const dayMs = (day: string): number => Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
const daysFrom = (from: string, to: string): number => Math.round((dayMs(to) - dayMs(from)) / 86_400_000);

/** Long evidence (a buying signal lists every machine) is cut at a word so the brief stays short. */
function clipped(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

const CONTRACT_WORDS: Record<string, string> = {
  full_service: 'Full-service contract',
  warranty: 'Warranty only, no service contract',
  time_and_materials: 'Time and materials, no service contract',
  none: 'No contract',
};

const SERVICED_BY_WORDS: Record<string, string> = {
  us: 'us',
  competitor: 'a competitor',
  third_party: 'a third party',
  self: 'their own staff',
  unknown: 'not known',
};

const PULSE_WORDS: Record<Pulse['rating'], string> = { good: 'Good', watch: 'Watch', concern: 'Concern' };

const SEVERITY_CLASS: Record<string, string> = { critical: 'sev-critical', high: 'sev-high' };

function bandChip(band: Band | null, emptyWords: string, words: string | null = null): SafeHtml {
  if (band === null) return h`<span class="band band-none">${emptyWords}</span>`;
  return h`<span class="band band-${band.replace('_', '-')}">${words ?? BAND_LABEL[band]}</span>`;
}

/** Past this many rows a section may break across pages: kept whole, it would leave a page half empty. */
const LONG_SECTION_ROWS = 8;

function section(id: string, title: string, body: SafeHtml | readonly SafeHtml[], options: { note?: string; rows?: number } = {}): SafeHtml {
  const long = (options.rows ?? 0) > LONG_SECTION_ROWS ? ' long' : '';
  return h`<section class="sec-${id}${long}"><h2>${title}${options.note ? h` <span class="h2-note">${options.note}</span>` : ''}</h2>${body}</section>`;
}

const empty = (text: string): SafeHtml => h`<p class="empty">${text}</p>`;

// ---------------------------------------------------------------------------------------------
// Header and the answer.

function masthead(brief: ReviewBrief): SafeHtml {
  const who = [brief.segment, brief.region, brief.owner].filter((part): part is string => part !== null && part !== '');
  const contract = brief.contractType ? (CONTRACT_WORDS[brief.contractType] ?? capitalised(brief.contractType)) : null;
  const renewal = brief.renewalDate ? renewalWords(brief.renewalDate, brief.asOf) : null;
  const terms = [contract, renewal].filter((part): part is string => part !== null);
  return h`<header class="masthead">
  <div class="title">
    <h1>${brief.accountName}</h1>
    <p class="who">${who.length > 0 ? who.join(' · ') : 'No segment, region or owner on record'}</p>
    ${terms.length > 0 ? h`<p class="terms">${terms.join(' · ')}</p>` : ''}
  </div>
  <div class="prepared">
    <p class="doc">Account review · ${brief.accountId}</p>
    <p>Prepared ${spokenDate(brief.asOf)} by ${brief.company}</p>
  </div>
</header>`;
}

function renewalWords(renewalDate: string, asOf: string): string {
  const days = daysFrom(asOf, renewalDate);
  if (days < 0) return `Renewal date ${spokenDate(renewalDate)} has passed`;
  return `Renews ${spokenDate(renewalDate)} (in ${plural(days, 'day')})`;
}

/** The answer in one line: where loyalty stands, where it is going, and what to raise. */
export function conclusion(brief: ReviewBrief): string {
  const { loyalty, band } = brief.score;
  const standing = loyalty === null || band === null ? 'No loyalty score yet: too little evidence' : `Loyalty ${oneDecimal(loyalty)}, ${BAND_LABEL[band]}`;
  const change = loyalty === null || brief.change30 === null ? '' : ` — ${changeWords(brief.change30)} in 30 days`;
  return `${standing}${change}; ${toRaise(brief.coffeeList)}`;
}

function changeWords(change: number): string {
  if (oneDecimal(change) === '0.0') return 'unchanged';
  return `${change > 0 ? 'up' : 'down'} ${oneDecimal(Math.abs(change))}`;
}

function toRaise(coffee: readonly CoffeeItem[]): string {
  if (coffee.length === 0) return 'no open recommendations to raise';
  const failed = coffee.filter((c) => c.failedOn !== null).length;
  const list = `${plural(coffee.length, 'open recommendation')} to raise`;
  if (failed === 0) return list;
  const which = coffee.length === 1 ? '' : failed === coffee.length ? (failed === 2 ? ' both' : ' all') : ` ${failed}`;
  return `${list},${which} on ${failed === 1 ? 'a machine that has' : 'machines that have'} since failed`;
}

// ---------------------------------------------------------------------------------------------
// Scores, pulse and trend.

function scoreBlocks(brief: ReviewBrief): SafeHtml {
  const { score } = brief;
  const level = score.satisfaction === null ? null : satisfactionLevel(score.satisfaction);
  const loyalty = h`<div class="score">
    <div class="score-label">Loyalty</div>
    <div class="score-value">${orDash(score.loyalty, oneDecimal)}</div>
    ${bandChip(score.band, 'No score yet')}
    ${score.loyalty !== null && brief.change30 !== null ? h`<div class="score-note">${signed(brief.change30)} in 30 days</div>` : ''}
  </div>`;
  const satisfaction = h`<div class="score">
    <div class="score-label">Satisfaction</div>
    <div class="score-value">${orDash(score.satisfaction, oneDecimal)}</div>
    ${bandChip(level && SATISFACTION_COLOUR_BAND[level], 'No surveys yet', level && SATISFACTION_LABEL[level])}
    <div class="score-note">From surveys alone</div>
  </div>`;
  return h`<div class="scores">${loyalty}${satisfaction}${confidenceNote(brief)}${brief.pulse ? pulseBlock(brief.pulse) : ''}</div>`;
}

/** Confidence is shown only when it is low enough to change how far the score can be leaned on. */
function confidenceNote(brief: ReviewBrief): SafeHtml | '' {
  const { loyalty, confidence, confidenceReasons } = brief.score;
  if (loyalty === null || confidence >= 0.8) return '';
  // One reason a line: wrapped mid-list, a leading "·" would read as a stray mark.
  const reasons =
    confidenceReasons.length > 0
      ? h`<div class="confidence-reasons">${confidenceReasons.map((r, i) => h`${i > 0 ? h`<span class="sep"> · </span>` : ''}<span class="reason">${r}</span>`)}</div>`
      : '';
  return h`<div class="confidence"><strong>Confidence ${Math.round(confidence * 100)}%</strong> in the loyalty score${reasons}</div>`;
}

function pulseBlock(pulse: Pulse): SafeHtml {
  const setBy = pulse.setBy ? ` by ${pulse.setBy}` : '';
  return h`<div class="pulse">
    <div><span class="score-label">Account manager's pulse</span> <strong>${PULSE_WORDS[pulse.rating]}</strong>${pulse.stale ? h` <span class="stale-mark">Stale: expired ${spokenDate(pulse.expiresOn)}</span>` : ''}</div>
    <div class="pulse-reason">${pulse.reason ? `“${pulse.reason}”` : 'No reason given'} <span class="muted">(set ${spokenDate(pulse.setOn)}${setBy})</span></div>
  </div>`;
}

interface ChartPoint {
  x: number;
  loyalty: number | null;
  satisfaction: number | null;
}

/** The drawing: a plot with the bands named on its left and the latest values named on its right. */
const CHART = { width: 320, height: 116, left: 54, right: 250, top: 6, bottom: 96 };
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const BAND_RANGES: ReadonlyArray<[Band, number, number]> = [
  ['loyal', 75, 100],
  ['satisfied', 60, 75],
  ['at_risk', 40, 60],
  ['critical', 0, 40],
];

interface YScale {
  low: number;
  high: number;
  y: (value: number) => number;
}

const fixed = (n: number): string => n.toFixed(1);

/** The values shown: the data with some air, in tens, at least 30 points tall so small wobbles stay small. */
function yScale(values: readonly number[]): YScale {
  let low = Math.max(0, Math.floor((Math.min(...values) - 5) / 10) * 10);
  let high = Math.min(100, Math.ceil((Math.max(...values) + 5) / 10) * 10);
  while (high - low < 30) {
    if (low > 0) low -= 10;
    if (high - low < 30 && high < 100) high += 10;
  }
  const y = (value: number): number => CHART.bottom - ((Math.max(low, Math.min(high, value)) - low) / (high - low)) * (CHART.bottom - CHART.top);
  return { low, high, y };
}

/** Loyalty and satisfaction over time as an inline SVG: a vector that prints crisply, nulls leave gaps. */
export function trendChart(trend: ReviewBrief['trend']): SafeHtml {
  const values = trend.flatMap((t) => [t.loyalty, t.satisfaction]).filter((v): v is number => v !== null);
  const firstDay = trend[0]?.asOf;
  const lastDay = trend[trend.length - 1]?.asOf;
  if (values.length === 0 || firstDay === undefined || lastDay === undefined) return empty('No score history yet.');
  const first = dayMs(firstDay);
  const span = dayMs(lastDay) - first;
  const xOf = (ms: number): number => (span === 0 ? CHART.right : CHART.left + ((ms - first) / span) * (CHART.right - CHART.left));
  const scale = yScale(values);
  const points: ChartPoint[] = trend.map((t) => ({ x: xOf(dayMs(t.asOf)), loyalty: t.loyalty, satisfaction: t.satisfaction }));
  const label = `Loyalty and satisfaction from ${spokenDate(firstDay)} to ${spokenDate(lastDay)}`;
  return h`<svg class="trend" viewBox="0 0 ${CHART.width} ${CHART.height}" role="img" aria-label="${label}">
  <title>${label}</title>
  ${bandBackdrop(scale)}
  ${timeAxis(firstDay, lastDay, xOf)}
  ${series(points, 'satisfaction', scale)}
  ${series(points, 'loyalty', scale)}
  ${endLabels(points, scale)}
</svg>`;
}

/** The bands as faint tints, named in words on the left; the values at their edges on the axis. */
function bandBackdrop(scale: YScale): SafeHtml[] {
  const tints = BAND_RANGES.flatMap(([band, floor, ceiling]) => {
    const from = Math.max(floor, scale.low);
    const to = Math.min(ceiling, scale.high);
    if (to <= from) return [];
    const top = scale.y(to);
    const height = scale.y(from) - top;
    const cls = band.replace('_', '-');
    const word = height >= 9 ? h`<text class="band-word fill-${cls}" x="2" y="${fixed(top + height / 2 + 2.5)}">${BAND_LABEL[band]}</text>` : '';
    return [h`<rect class="tint tint-${cls}" x="${CHART.left}" y="${fixed(top)}" width="${CHART.right - CHART.left}" height="${fixed(height)}"/>${word}`];
  });
  const thresholds = [40, 60, 75].filter((v) => v > scale.low && v < scale.high);
  const ends = [scale.low, scale.high].filter((v) => thresholds.every((t) => Math.abs(scale.y(t) - scale.y(v)) >= 12));
  const axis = [...ends, ...thresholds].map((v) => h`<text class="axis" x="${CHART.left - 3}" y="${fixed(scale.y(v) + 2.5)}" text-anchor="end">${v}</text>`);
  return [...tints, ...axis];
}

/** A tick at the first of each month, named by the month; a span under two months names its own ends. */
function timeAxis(firstDay: string, lastDay: string, xOf: (ms: number) => number): SafeHtml[] {
  const first = dayMs(firstDay);
  const last = dayMs(lastDay);
  const ticks: Array<{ ms: number; text: string }> = [];
  for (let year = Number(firstDay.slice(0, 4)), month = Number(firstDay.slice(5, 7)); ; ) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    const ms = Date.UTC(year, month - 1, 1);
    if (ms > last) break;
    ticks.push({ ms, text: MONTHS[month - 1]! + (month === 1 ? ` ${year}` : '') });
  }
  if (ticks.length < 2) {
    ticks.length = 0;
    ticks.push({ ms: first, text: spokenDate(firstDay).replace(/ \d{4}$/, '') });
    if (last > first) ticks.push({ ms: last, text: spokenDate(lastDay).replace(/ \d{4}$/, '') });
  }
  const baseline = h`<line class="baseline" x1="${CHART.left}" y1="${CHART.bottom}" x2="${CHART.right}" y2="${CHART.bottom}"/>`;
  return [
    baseline,
    ...ticks.map((t) => {
      const x = fixed(xOf(t.ms));
      return h`<line class="tick" x1="${x}" y1="${CHART.bottom}" x2="${x}" y2="${CHART.bottom + 3}"/><text class="axis" x="${x}" y="${CHART.bottom + 12}" text-anchor="middle">${t.text}</text>`;
    }),
  ];
}

function series(points: readonly ChartPoint[], key: 'loyalty' | 'satisfaction', scale: YScale): SafeHtml {
  let path = '';
  let drawing = false;
  for (const p of points) {
    const value = p[key];
    if (value === null) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${fixed(p.x)} ${fixed(scale.y(value))}`;
    drawing = true;
  }
  const dots = points.flatMap((p) => {
    const value = p[key];
    return value === null ? [] : [h`<circle class="dot-${key}" cx="${fixed(p.x)}" cy="${fixed(scale.y(value))}" r="${key === 'loyalty' ? 2.2 : 1.8}"/>`];
  });
  return h`<g>${path.includes('L') ? h`<path class="line-${key}" d="${path}"/>` : ''}${dots}</g>`;
}

/** The latest value of each line, named beside it so no legend is needed; kept apart when close. */
function endLabels(points: readonly ChartPoint[], scale: YScale): SafeHtml {
  const latest = (key: 'loyalty' | 'satisfaction'): number | null => [...points].reverse().find((p) => p[key] !== null)?.[key] ?? null;
  const labels = [
    { key: 'loyalty', value: latest('loyalty'), text: 'Loyalty' },
    { key: 'satisfaction', value: latest('satisfaction'), text: 'Satisfaction' },
  ].flatMap((l) => (l.value === null ? [] : [{ ...l, value: l.value, y: scale.y(l.value) + 2.5 }]));
  const [a, b] = labels;
  if (a && b && Math.abs(a.y - b.y) < 10) {
    const middle = (a.y + b.y) / 2;
    const upper = a.value >= b.value ? a : b;
    const lower = upper === a ? b : a;
    upper.y = middle - 5;
    lower.y = middle + 5;
  }
  return h`${labels.map((l) => h`<text class="end-label end-${l.key}" x="${CHART.right + 5}" y="${fixed(l.y)}">${l.text} <tspan class="end-value">${oneDecimal(l.value)}</tspan></text>`)}`;
}

// ---------------------------------------------------------------------------------------------
// What to raise: talking points, the cup-of-coffee list, open alerts.

/**
 * The talking points as printed. A point about an open recommendation repeats its row in the list just
 * below: the first (the most urgent) is kept in full, the others become one line pointing to the list.
 */
export function shownTalkingPoints(brief: Pick<ReviewBrief, 'talkingPoints' | 'coffeeList'>): string[] {
  const listed = new Set(brief.coffeeList.map((c) => c.recommendationId));
  const aboutListed = (p: ReviewBrief['talkingPoints'][number]): boolean => p.refs.length > 0 && p.refs.every((r) => r.type === 'recommendation' && listed.has(r.id));
  const folded = brief.talkingPoints.filter(aboutListed).slice(1);
  if (folded.length < 2) return brief.talkingPoints.map((p) => p.text);
  const foldedSet = new Set(folded);
  const others = `Raise the other ${plural(folded.length, 'open recommendation')} in the list below and ask for a decision on each.`;
  const out: string[] = [];
  for (const p of brief.talkingPoints) {
    if (!foldedSet.has(p)) out.push(p.text);
    else if (p === folded[0]) out.push(others);
  }
  return out;
}

function talkingPointsSection(brief: ReviewBrief): SafeHtml {
  const points = shownTalkingPoints(brief);
  const body = points.length === 0 ? empty('No talking points: nothing in the evidence stands out.') : h`<ol class="points">${points.map((p) => h`<li>${p}</li>`)}</ol>`;
  return section('talking-points', 'Talking points', body, { rows: points.length });
}

type BriefAlert = ReviewBrief['alerts'][number];

/**
 * The alert raised about an open recommendation, found by the recommendation's id at the end of the
 * alert's id: the cup-of-coffee list shows it on the recommendation's row instead of a second time below.
 */
function alertAbout(item: CoffeeItem, alerts: readonly BriefAlert[]): BriefAlert | undefined {
  return alerts.find((a) => a.rule === 'unaddressed_recommendation' && a.id.endsWith(`:${item.recommendationId}`));
}

const severityWord = (a: BriefAlert): SafeHtml => h`<span class="severity ${SEVERITY_CLASS[a.severity] ?? ''}">${capitalised(a.severity)}</span>`;

function coffeeSection(coffee: readonly CoffeeItem[], alerts: readonly BriefAlert[]): SafeHtml {
  if (coffee.length === 0) return section('coffee', 'Open recommendations to raise', empty('No open recommendations.'));
  const rows = coffee.map((c) => {
    const alert = alertAbout(c, alerts);
    const about = [c.assetId, c.severity ? `${capitalised(c.severity)} severity` : null].filter((part): part is string => part !== null).join(' · ');
    return h`<tr>
      <td>${c.text}<div class="sub">${about}${alert ? h`${about ? ' · ' : ''}${severityWord(alert)} alert` : ''}</div></td>
      <td class="nowrap">${spokenDate(c.madeOn)}<div class="sub">${c.madeBy ?? 'Technician not recorded'}</div></td>
      <td class="num">${wholeNumber(c.daysOpen)}</td>
      <td class="num">${wholeNumber(c.revisitsWithoutReminder)}</td>
      <td>${c.failedOn ? h`<span class="failed">Failed ${spokenDate(c.failedOn)}</span>` : h`<span class="muted">No</span>`}</td>
    </tr>`;
  });
  const table = h`<table>
    <colgroup><col><col class="w-made"><col class="w-n"><col class="w-n"><col class="w-failed"></colgroup>
    <thead><tr><th>Recommendation</th><th>Made</th><th class="num">Days open</th><th class="num">Visits since, not reminded</th><th>Failed while open</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>`;
  return section('coffee', 'Open recommendations to raise', table, { note: 'the cup-of-coffee list: raise each, ask for a decision', rows: coffee.length });
}

function alertsSection(alerts: readonly BriefAlert[], coffee: readonly CoffeeItem[]): SafeHtml {
  const shownAbove = new Set(coffee.flatMap((c) => alertAbout(c, alerts) ?? []));
  const rest = alerts.filter((a) => !shownAbove.has(a));
  const above = shownAbove.size > 0 ? h`<p class="above">${plural(shownAbove.size, 'alert')} about open recommendations ${shownAbove.size === 1 ? 'is' : 'are'} marked in the list above.</p>` : '';
  if (rest.length === 0) return section('alerts', 'Open alerts', h`${shownAbove.size === 0 ? empty('No open alerts.') : ''}${above}`);
  const rows = rest.map(
    (a) => h`<tr>
      <td class="nowrap">${severityWord(a)}</td>
      <td>${a.title}</td>
      <td class="nowrap num">${spokenDate(a.raisedAt)}${a.status !== 'open' ? h`<div class="sub">${capitalised(a.status)}</div>` : ''}</td>
    </tr>`,
  );
  return section(
    'alerts',
    'Open alerts',
    h`<table><colgroup><col class="w-sev"><col><col class="w-date"></colgroup><thead><tr><th>Severity</th><th>Alert</th><th class="num">Raised</th></tr></thead><tbody>${rows}</tbody></table>${above}`,
    { rows: rest.length * 2 },
  );
}

// ---------------------------------------------------------------------------------------------
// The evidence: what moved the score, service, installed base, checklist, comments.

function movesSection(brief: ReviewBrief, layout: BriefLayout): SafeHtml {
  return section('moves', 'What moved the score', h`<div class="two-col">${movesTable(brief)}${driversTable(brief, layout)}</div>`, { note: 'since 30 days ago, in loyalty points' });
}

function movesTable(brief: ReviewBrief): SafeHtml {
  const { loyalty } = brief.score;
  const before = loyalty !== null && brief.change30 !== null ? loyalty - brief.change30 : null;
  const compared = brief.moves.some((m) => m.before !== null);
  const row = (m: ComponentMove): SafeHtml =>
    h`<tr><td>${m.label}</td><td class="num">${orDash(m.now, oneDecimal)}</td><td class="num">${orDash(m.before, oneDecimal)}</td><td class="num">${orDash(m.pointsChange, signed)}</td></tr>`;
  return h`<div>
    <table class="moves">
      <thead><tr><th>Component</th><th class="num">Now</th><th class="num">30 days ago</th><th class="num">Points</th></tr></thead>
      <tbody>${brief.moves.map(row)}</tbody>
      <tfoot><tr><td>Loyalty</td><td class="num">${orDash(loyalty, oneDecimal)}</td><td class="num">${orDash(before, oneDecimal)}</td><td class="num">${orDash(brief.change30, signed)}</td></tr></tfoot>
    </table>
    ${compared ? '' : empty('No score 30 days ago to compare with.')}
  </div>`;
}

function driversTable(brief: ReviewBrief, layout: BriefLayout): SafeHtml {
  if (brief.topDrivers.length === 0) return h`<div><h3>What costs the most now</h3>${empty('Nothing costs loyalty points at the moment.')}</div>`;
  const component = (key: string): string => brief.moves.find((m) => m.key === key)?.label ?? capitalised(key);
  const rows = brief.topDrivers.slice(0, layout.drivers).map((d) => h`<tr><td>${clipped(d.label, 120)}<div class="sub">${component(d.component)}</div></td><td class="num">${signed(d.points)}</td></tr>`);
  return h`<div><table class="drivers"><thead><tr><th>What costs the most now</th><th class="num">Points</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

interface KpiRow {
  label: string;
  value: (k: BriefKpis) => string;
}

const KPI_ROWS: readonly KpiRow[] = [
  { label: 'Visits', value: (k) => wholeNumber(k.visits) },
  { label: 'Break-fix calls', value: (k) => wholeNumber(k.breakFixCalls) },
  { label: 'First-time fix', value: (k) => orDash(k.firstTimeFixRate, percent) },
  { label: 'On-time arrival', value: (k) => orDash(k.onTimeArrivalRate, percent) },
  { label: 'Repeat calls', value: (k) => orDash(k.repeatCallRate, percent) },
  { label: 'Mean time between failures', value: (k) => orDash(k.mtbfDays, (d) => `${wholeNumber(d)} days`) },
  { label: 'Mean time to repair', value: (k) => orDash(k.mttrHours, (hours) => `${oneDecimal(hours)} h`) },
  { label: 'Follow-up within one business day', value: (k) => orDash(k.followUpRate, percent) },
  { label: 'Visits that went wrong', value: (k) => wholeNumber(k.badCalls) },
  { label: 'Complaints', value: (k) => wholeNumber(k.complaints) },
  { label: 'Commendations', value: (k) => wholeNumber(k.commendations) },
];

function kpiSection(brief: ReviewBrief): SafeHtml {
  const rows = KPI_ROWS.map((r) => h`<tr><td>${r.label}</td><td class="num">${r.value(brief.kpis)}</td><td class="num muted-num">${r.value(brief.kpisYearBefore)}</td></tr>`);
  return section(
    'kpis',
    'Service',
    h`<table><thead><tr><th>Measure</th><th class="num">This year</th><th class="num">Year before</th></tr></thead><tbody>${rows}</tbody></table>`,
    { note: `this year: the 12 months to ${spokenDate(brief.asOf)}` },
  );
}

function installedBaseSection(sites: readonly BriefSite[]): SafeHtml {
  if (sites.length === 0) return section('installed-base', 'Installed base', empty('No installed base on record.'));
  const total = sites.reduce((n, s) => n + s.total, 0);
  const ours = sites.reduce((n, s) => n + s.ours, 0);
  const share = total > 0 ? ` (${Math.round((ours / total) * 100)}%)` : '';
  const rows = sites.map((site) => [
    h`<tr class="site"><td>${site.site}</td><td class="muted">${wholeNumber(site.ours)} of ${wholeNumber(site.total)} by us</td><td class="num">${wholeNumber(site.total)}</td></tr>`,
    ...site.vendors.map(
      (v) =>
        h`<tr class="vendor"><td>${v.vendor}${v.locations.length > 0 ? h` <span class="where">${clipped(v.locations.join(', '), 48)}</span>` : ''}</td><td class="${v.servicedBy === 'us' ? '' : 'others'}">${SERVICED_BY_WORDS[v.servicedBy] ?? v.servicedBy}</td><td class="num">${wholeNumber(v.quantity)}</td></tr>`,
    ),
  ]);
  return section(
    'installed-base',
    'Installed base',
    h`<table><colgroup><col><col class="w-by"><col class="w-n"></colgroup><thead><tr><th>Site · vendor and where</th><th>Serviced by</th><th class="num">Machines</th></tr></thead><tbody>${rows}</tbody></table>`,
    { note: `we service ${wholeNumber(ours)} of ${plural(total, 'machine')}${share}`, rows: rows.flat().length },
  );
}

function checklistSection(brief: ReviewBrief): SafeHtml {
  const done = `${wholeNumber(brief.checklistDone)} of ${wholeNumber(brief.checklistApplicable)} applicable items done`;
  if (brief.checklistGaps.length === 0) return section('checklist', 'Checklist gaps', empty('No checklist gaps.'), { note: done });
  // Manual items nobody has confirmed carry no evidence yet: one line names them all.
  const unconfirmed = brief.checklistGaps.filter(isUnconfirmed);
  const withEvidence = brief.checklistGaps.filter((g) => !isUnconfirmed(g));
  const rows = withEvidence.map(
    (g) => h`<tr><td>${g.text}<div class="sub">${g.group}</div></td><td class="nowrap">${g.status === 'expired' ? h`<span class="expired">Expired</span>` : 'Open'}</td><td class="sub-cell">${g.evidence?.summary ?? 'No evidence recorded'}</td></tr>`,
  );
  const table = rows.length > 0 ? h`<table><colgroup><col class="w-item"><col class="w-status"><col></colgroup><thead><tr><th>Item</th><th>Status</th><th>Evidence</th></tr></thead><tbody>${rows}</tbody></table>` : '';
  const list = unconfirmed.length > 0 ? h`<p class="unconfirmed"><strong>Not confirmed yet (${unconfirmed.length}):</strong> ${unconfirmedWords(unconfirmed)}</p>` : '';
  return section('checklist', 'Checklist gaps', h`${table}${list}`, { note: done, rows: withEvidence.length + 1 });
}

/** A few unconfirmed items are named; a checklist never worked is summed up by group, the app has the rest. */
const UNCONFIRMED_NAMED = 4;

function unconfirmedWords(items: readonly ChecklistItemResult[]): string {
  if (items.length <= UNCONFIRMED_NAMED) return items.map((g) => g.text).join(' · ');
  const byGroup = new Map<string, number>();
  for (const item of items) byGroup.set(item.group, (byGroup.get(item.group) ?? 0) + 1);
  return [...byGroup].map(([group, n]) => `${group} ${wholeNumber(n)}`).join(' · ');
}

const isUnconfirmed = (g: ChecklistItemResult): boolean => g.kind === 'manual' && g.status === 'open' && (g.evidence === null || g.evidence.refs.length === 0) && !g.evidence?.doneOn;

function commentsSection(all: ReviewBrief['recentComments'], layout: BriefLayout): SafeHtml {
  if (all.length === 0) return section('comments', 'Recent comments', empty('No survey comments in the last 12 months.'));
  const comments = all.slice(0, layout.comments);
  const items = comments.map(
    (c) => h`<li><q>${c.comment}</q> <span class="said-by">${[c.contact ?? 'Anonymous', spokenDate(c.respondedAt), c.score].join(' · ')}</span></li>`,
  );
  return section('comments', 'Recent comments', h`<ul class="comment-list">${items}</ul>`, { rows: comments.length * 2 });
}

// ---------------------------------------------------------------------------------------------
// The document.

// Rough heights in millimetres of the printed content, enough to choose where the pages break.
const PAGE_MM = 247; // Letter, the shorter of A4 and Letter, less the margins
const LINE_MM = 4.1;
const SECTION_MM = 15; // the gap above, the heading and the table's head
const linesMm = (text: string, charsPerLine: number): number => Math.ceil(text.length / charsPerLine) * LINE_MM;

export function meetingHalfMm(brief: ReviewBrief, layout: BriefLayout = FULL): number {
  const top = 62 + (brief.score.confidence < 0.8 ? 4 + 4 * brief.score.confidenceReasons.length : 0) + (brief.pulse ? 14 : 0);
  const points = shownTalkingPoints(brief).reduce((mm, p) => mm + linesMm(p, 115) + 0.7, 0);
  const coffee = brief.coffeeList.reduce((mm, c) => mm + Math.max(9, linesMm(c.text, 55) + 4.5), 0);
  const listed = new Set(brief.coffeeList.flatMap((c) => alertAbout(c, brief.alerts) ?? []));
  const alerts = brief.alerts.filter((a) => !listed.has(a)).reduce((mm, a) => mm + linesMm(a.title, 95) + 1.6, listed.size > 0 ? 5 : 0);
  const comments = brief.recentComments.slice(0, layout.comments).reduce((mm, c) => mm + linesMm(`${c.comment} ${c.contact ?? ''} ${c.score} 10 Nov 2026`, 140) + 1.2, 0);
  return top + 4 * SECTION_MM + points + coffee + alerts + comments;
}

export function evidenceHalfMm(brief: ReviewBrief, layout: BriefLayout = FULL): number {
  const drivers = brief.topDrivers.slice(0, layout.drivers).reduce((mm, d) => mm + linesMm(clipped(d.label, 120), 60) + 3.5, 0);
  const baseRows = brief.installedBase.reduce((n, s) => n + 1 + s.vendors.length, 0);
  const gaps = brief.checklistGaps.filter((g) => !isUnconfirmed(g));
  const checklist = gaps.reduce((mm, g) => mm + Math.max(linesMm(g.text, 45) + 3, linesMm(g.evidence?.summary ?? '', 90)) + 1.5, 0) + (gaps.length < brief.checklistGaps.length ? 8 : 0);
  return 8 + 3 * SECTION_MM + Math.max(38, drivers) + Math.max(66, baseRows * 6) + checklist;
}

/** The estimates run short on some fonts: the evidence is given a page of its own only with room to spare. */
const ESTIMATE_MARGIN = 1.08;

export interface BriefLayout {
  /** Smaller type and spacing, fewer drivers and comments: a busy account still fits on two pages. */
  readonly compact: boolean;
  /** The evidence starts page two. */
  readonly evidenceNewPage: boolean;
  readonly drivers: number;
  readonly comments: number;
}

const FULL: BriefLayout = { compact: false, evidenceNewPage: false, drivers: 6, comments: 5 };
const COMPACT: BriefLayout = { compact: true, evidenceNewPage: false, drivers: 4, comments: 3 };
/** How much shorter the compact type and spacing set the same content. */
const COMPACT_SCALE = 0.88;

/**
 * Page one is the meeting (the answer, the scores, what to raise); the evidence follows, on a page of its
 * own when the whole does not fit on one page but the meeting surely does. What would run to a third
 * page is set compact.
 */
export function briefLayout(brief: ReviewBrief): BriefLayout {
  const full = { meeting: meetingHalfMm(brief), evidence: evidenceHalfMm(brief) };
  const tooLong = (full.meeting + full.evidence) * ESTIMATE_MARGIN > 2 * PAGE_MM || full.evidence * ESTIMATE_MARGIN > PAGE_MM;
  const base = tooLong ? COMPACT : FULL;
  const scale = tooLong ? COMPACT_SCALE : 1;
  const meeting = (tooLong ? meetingHalfMm(brief, base) : full.meeting) * scale;
  const evidence = (tooLong ? evidenceHalfMm(brief, base) : full.evidence) * scale;
  return { ...base, evidenceNewPage: meeting * ESTIMATE_MARGIN <= PAGE_MM && meeting + evidence > PAGE_MM };
}

/** A CSS string literal: hex escapes keep quotes, backslashes, line breaks and "</style>" out of it. */
const cssString = (text: string): string => `"${text.replace(/[\\"'<>\r\n]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

function pageFooter(brief: Pick<ReviewBrief, 'accountName' | 'asOf'>): string {
  const name = cssString(`${brief.accountName} · account review · ${spokenDate(brief.asOf)}`);
  return `@page {
  @bottom-left { content: ${name}; font: 7pt ${FONT}; color: #55554f; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7pt ${FONT}; color: #55554f; }
}`;
}

const FONT = `-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', system-ui, sans-serif`;

/** The page box: used by the printed document and by the app's own print of the brief. */
export const BRIEF_PAGE_MARGINS = '16mm 14mm';

/**
 * The brief's own style. Everything hangs from .brief, so the same sheet styles the standalone document
 * and the brief shown inside the app (in a shadow root, where :root and body do not exist).
 */
export const BRIEF_STYLE = `
* { box-sizing: border-box; }
html { color-scheme: light; }
body { margin: 0; background: #fff; }
.brief {
  --text: #1d1d1b; --text-2: #55554f; --border: #dcdcd6; --rule: #ebebe6;
  --band-loyal: #1e7b4a; --band-satisfied: #2a6db0; --band-at-risk: #a86400; --band-critical: #b3261e;
  color-scheme: light; -webkit-print-color-adjust: exact; print-color-adjust: exact;
  background: #fff; color: var(--text);
  font: 8.5pt/1.35 ${FONT};
  font-variant-numeric: tabular-nums;
  text-align: left;
}
@media screen {
  body { background: #f0f0ed; padding: 24px 0; }
  .brief { max-width: 210mm; margin: 0 auto; padding: 16mm 14mm; border: 1px solid var(--border); }
}
.brief.compact { font-size: 8pt; line-height: 1.3; }
.compact section { margin-top: 10px; }
.compact .overview { margin-top: 6px; }
.compact td { padding-top: 2px; padding-bottom: 2px; }
.compact .points li { margin-bottom: 1px; }
.confidence-reasons .sep { display: none; }
.confidence-reasons .reason { display: block; }
h1 { font-size: 16pt; line-height: 1.2; margin: 0; font-weight: 700; }
h2 { font-size: 9.5pt; margin: 0 0 2px; padding-bottom: 2px; border-bottom: 1px solid var(--text); font-weight: 700; break-after: avoid; }
.h2-note { font-weight: 400; color: var(--text-2); font-size: 7.5pt; margin-left: 8px; }
p { margin: 0; }
section { margin-top: 16px; break-inside: avoid; }
section.long { break-inside: auto; }
.evidence-half.new-page { break-before: page; }
.evidence-half.new-page > section:first-child { margin-top: 0; }
.masthead { display: flex; justify-content: space-between; align-items: flex-start; gap: 16px; padding-bottom: 8px; border-bottom: 2px solid var(--text); }
.masthead .who { margin-top: 2px; font-size: 9.5pt; }
.masthead .terms { color: var(--text-2); }
.prepared { text-align: right; color: var(--text-2); font-size: 7.5pt; white-space: nowrap; }
.prepared .doc { text-transform: uppercase; letter-spacing: 0.06em; font-weight: 700; color: var(--text); }
.conclusion { font-size: 11pt; font-weight: 600; margin-top: 8px; }
.overview { display: grid; grid-template-columns: 1fr 1.3fr; gap: 24px; margin-top: 8px; break-inside: avoid; align-items: start; }
.scores { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 16px; align-content: start; }
.score { border-top: 1px solid var(--border); padding-top: 4px; }
.score-label { color: var(--text-2); font-size: 7pt; text-transform: uppercase; letter-spacing: 0.06em; font-weight: 700; }
.score-value { font-size: 22pt; line-height: 1.1; font-weight: 600; }
.score-note { color: var(--text-2); font-size: 7.5pt; margin-top: 2px; }
.confidence { grid-column: 1 / -1; font-size: 7.5pt; color: var(--text-2); }
.confidence strong { color: var(--text); font-weight: 700; }
.confidence-reasons { margin-top: 1px; }
.pulse { grid-column: 1 / -1; border-top: 1px solid var(--border); padding-top: 4px; }
.pulse .score-label { margin-right: 8px; }
.pulse-reason { margin-top: 2px; }
.stale-mark { white-space: nowrap; font-size: 7.5pt; font-weight: 700; color: var(--band-at-risk); border: 1px solid currentColor; border-radius: 3px; padding: 0 4px; margin-left: 4px; }
.band { display: inline-block; font-weight: 700; font-size: 9pt; }
.band::before { content: ''; display: inline-block; width: 8px; height: 8px; border-radius: 2px; background: currentColor; margin-right: 4px; }
.band-loyal { color: var(--band-loyal); } .band-satisfied { color: var(--band-satisfied); }
.band-at-risk { color: var(--band-at-risk); } .band-critical { color: var(--band-critical); }
.band-none { color: var(--text-2); font-weight: 400; } .band-none::before { background: transparent; border: 1px solid currentColor; }
.trend { width: 100%; height: auto; display: block; }
.trend .tint { opacity: 0.08; } .trend .tint-loyal { fill: var(--band-loyal); } .trend .tint-satisfied { fill: var(--band-satisfied); }
.trend .tint-at-risk { fill: var(--band-at-risk); } .trend .tint-critical { fill: var(--band-critical); }
.trend .band-word { font-size: 7.5px; font-weight: 600; }
.trend .fill-loyal { fill: var(--band-loyal); } .trend .fill-satisfied { fill: var(--band-satisfied); }
.trend .fill-at-risk { fill: var(--band-at-risk); } .trend .fill-critical { fill: var(--band-critical); }
.trend .axis { font-size: 7px; fill: var(--text-2); }
.trend .baseline, .trend .tick { stroke: var(--text-2); stroke-width: 0.6; }
.trend .line-loyalty { fill: none; stroke: var(--text); stroke-width: 1.6; stroke-linejoin: round; }
.trend .line-satisfaction { fill: none; stroke: var(--text-2); stroke-width: 1.1; stroke-dasharray: 3.5 2.2; stroke-linejoin: round; }
.trend .dot-loyalty { fill: var(--text); }
.trend .dot-satisfaction { fill: #fff; stroke: var(--text-2); stroke-width: 1; }
.trend .end-label { font-size: 7.5px; fill: var(--text-2); }
.trend .end-loyalty { fill: var(--text); }
.trend .end-value { font-weight: 700; }
table { width: 100%; border-collapse: collapse; }
th { text-align: left; font-weight: 600; font-size: 7pt; color: var(--text-2); padding: 2px 8px 2px 0; vertical-align: bottom; border-bottom: 1px solid var(--border); }
td { padding: 3px 8px 3px 0; vertical-align: top; border-bottom: 1px solid var(--rule); }
th:last-child, td:last-child { padding-right: 0; }
tr { break-inside: avoid; }
.num { text-align: right; white-space: nowrap; }
.nowrap { white-space: nowrap; }
tfoot td { font-weight: 700; border-top: 1px solid var(--border); border-bottom: none; }
.sub { font-size: 7pt; color: var(--text-2); margin-top: 1px; }
.sub-cell { font-size: 7.5pt; color: var(--text-2); }
.muted, .muted-num { color: var(--text-2); }
.empty { color: var(--text-2); font-style: italic; padding: 4px 0; }
.two-col { display: grid; grid-template-columns: 5fr 7fr; gap: 24px; align-items: start; }
.evidence-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 24px; align-items: start; }
.points { margin: 4px 0 0; padding-left: 16px; }
.points li { margin-bottom: 2px; padding-left: 2px; }
.failed { color: var(--band-critical); font-weight: 700; white-space: nowrap; }
.failed::before { content: '▲ '; font-size: 6.5pt; }
.severity { font-weight: 700; }
.sev-critical { color: var(--band-critical); } .sev-high { color: var(--band-at-risk); }
.expired { color: var(--band-at-risk); font-weight: 700; }
col.w-made { width: 23mm; } col.w-n { width: 15mm; } col.w-failed { width: 27mm; }
col.w-sev { width: 14mm; } col.w-date { width: 19mm; } col.w-item { width: 38%; } col.w-status { width: 13mm; } col.w-by { width: 24mm; }
tr.site td { font-weight: 600; padding-top: 6px; }
tr.site td.muted { font-weight: 400; font-size: 7.5pt; }
tr.vendor td:first-child { padding-left: 8px; }
tr.vendor .where { font-size: 7pt; color: var(--text-2); margin-left: 4px; }
tr.vendor .others { font-weight: 600; }
.above { font-size: 7.5pt; color: var(--text-2); margin-top: 4px; }
.unconfirmed { font-size: 7.5pt; color: var(--text-2); margin-top: 4px; }
.unconfirmed strong { color: var(--text); font-weight: 600; }
.comment-list { list-style: none; margin: 0; padding: 0; }
.comment-list li { padding: 3px 0; border-bottom: 1px solid var(--rule); }
.comment-list .said-by { font-size: 7pt; color: var(--text-2); margin-left: 4px; }
.comment-list q { quotes: '\\201C' '\\201D'; }
`;

/** The brief itself, without a document around it: what the app shows and what is printed. */
export function renderBriefBody(brief: ReviewBrief): string {
  const layout = briefLayout(brief);
  const evidenceClass = layout.evidenceNewPage ? 'evidence-half new-page' : 'evidence-half';
  return h`<article class="brief${layout.compact ? ' compact' : ''}" aria-label="Account review brief: ${brief.accountName}">
${masthead(brief)}
<p class="conclusion">${conclusion(brief)}</p>
<div class="overview">${scoreBlocks(brief)}<div class="trend-box">${trendChart(brief.trend)}</div></div>
${talkingPointsSection(brief)}
${coffeeSection(brief.coffeeList, brief.alerts)}
${alertsSection(brief.alerts, brief.coffeeList)}
${commentsSection(brief.recentComments, layout)}
<div class="${evidenceClass}">
${movesSection(brief, layout)}
<div class="evidence-grid">${kpiSection(brief)}${installedBaseSection(brief.installedBase)}</div>
${checklistSection(brief)}
</div>
</article>`.html;
}

/** The printed page: its size and margins, the account and the page number at the foot of each page. */
export function briefPageStyle(brief: Pick<ReviewBrief, 'accountName' | 'asOf'>): string {
  return `@page { size: auto; margin: ${BRIEF_PAGE_MARGINS}; }\n${pageFooter(brief)}`;
}

/** The brief as one self-contained HTML document: no scripts, no external resources. */
export function renderBriefHtml(brief: ReviewBrief): string {
  const title = `Account review: ${brief.accountName}, ${spokenDate(brief.asOf)}`;
  const doc = h`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${new SafeHtml(BRIEF_STYLE)}${new SafeHtml(briefPageStyle(brief))}</style>
</head>
<body>
<main>
${new SafeHtml(renderBriefBody(brief))}
</main>
</body>
</html>
`;
  return doc.html;
}

/** A file name for the brief without its extension, e.g. "review-C0004-2026-11-23". */
export function briefFileName(brief: Pick<ReviewBrief, 'accountId' | 'asOf'>): string {
  const id = brief.accountId.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || 'account';
  return `review-${id}-${brief.asOf.slice(0, 10)}`;
}
