import { openContext } from '../../services/context';
import { scoreAll } from '../../services/scores';
import { scoreOne } from '../../services/recompute';
import { checkWeights, type Weights } from '../../domain/scoring/profile';
import { BAND_LABEL, type LoyaltyScore } from '../../shared/scoring-types';
import type { ChecklistResult } from '../../shared/checklist-types';
import { EXIT, UsageError, type Output } from '../output';
import { isoDate, pairs, parse, requireString } from '../options';

function parseWeights(raw: string | boolean | string[] | undefined): Partial<Weights> | undefined {
  if (raw === undefined) return undefined;
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(pairs(raw, 'weights'))) {
    const n = Number(value);
    if (value === '' || !Number.isFinite(n)) throw new UsageError(`--weights: "${value}" is not a number (for ${key})`);
    out[key] = n;
  }
  const problem = checkWeights(out);
  if (problem) throw new UsageError(`--weights: ${problem}`);
  return out;
}

export function scoreJson(name: string, score: LoyaltyScore): Record<string, unknown> {
  return {
    account_id: score.accountId,
    name,
    as_of: score.asOf,
    loyalty: score.loyalty,
    band: score.band,
    satisfaction: score.satisfaction,
    confidence: score.confidence,
    confidence_reasons: score.confidenceReasons,
    profile: score.profile,
    components: score.components.map((c) => ({
      key: c.key,
      score: c.score,
      weight: c.weight,
      points: c.points,
      missing: c.missing,
      drivers: c.drivers.map((d) => ({ label: d.label, points: d.points, ref: d.ref })),
    })),
  };
}

export function scoresCommand(argv: string[], io: Output): number {
  const { values } = parse(argv, { db: { type: 'string' }, 'as-of': { type: 'string' }, weights: { type: 'string' }, json: { type: 'boolean' } });
  const dbPath = requireString(values, 'db');
  const asOf = isoDate(values['as-of'], 'as-of');
  const override = parseWeights(values['weights']);
  const ctx = openContext(dbPath, { singleConnection: true });
  try {
    const results = [...scoreAll(ctx, asOf, override)];
    if (values['json'] === true) {
      io.out(JSON.stringify(results.map((r) => scoreJson(r.account.name, r.scored.score)), null, 2));
      return EXIT.ok;
    }
    if (results.length === 0) {
      io.out('No accounts yet.');
      return EXIT.ok;
    }
    const sorted = [...results].sort((a, b) => (a.scored.score.loyalty ?? 999) - (b.scored.score.loyalty ?? 999));
    const rows = sorted.map(({ account, scored: { score } }) => [
      account.name,
      score.loyalty === null ? '—' : score.loyalty.toFixed(1),
      score.band ? BAND_LABEL[score.band] : 'no data',
      score.satisfaction === null ? '—' : score.satisfaction.toFixed(1),
      `${Math.round(score.confidence * 100)}%`,
      worstDriver(score),
    ]);
    io.out(`Loyalty as of ${results[0]!.scored.score.asOf}, lowest first:`);
    io.out(table([['account', 'loyalty', 'band', 'satisfaction', 'confidence', 'what costs most'], ...rows]));
    return EXIT.ok;
  } finally {
    ctx.close();
  }
}

function worstDriver(score: LoyaltyScore): string {
  const drivers = score.components.flatMap((c) => c.drivers).filter((d) => d.points < 0);
  const worst = drivers.sort((a, b) => a.points - b.points)[0];
  return worst ? `${worst.label} (${worst.points.toFixed(1)})` : '';
}

export function checklistCommand(argv: string[], io: Output): number {
  const { values } = parse(argv, { db: { type: 'string' }, account: { type: 'string' }, 'as-of': { type: 'string' }, json: { type: 'boolean' } });
  const dbPath = requireString(values, 'db');
  const accountId = requireString(values, 'account');
  const asOf = isoDate(values['as-of'], 'as-of');
  const ctx = openContext(dbPath, { singleConnection: true });
  try {
    const scored = scoreOne(ctx, accountId, asOf);
    if (!scored) {
      io.err(`error: there is no account "${accountId}"`);
      return EXIT.badInput;
    }
    if (values['json'] === true) {
      io.out(JSON.stringify(checklistJson(scored.checklist), null, 2));
      return EXIT.ok;
    }
    io.out(describeChecklist(scored.checklist));
    return EXIT.ok;
  } finally {
    ctx.close();
  }
}

export function checklistJson(c: ChecklistResult): Record<string, unknown> {
  return {
    account_id: c.accountId,
    template_version: c.templateVersion,
    as_of: c.asOf,
    items: c.items.map((i) => ({ id: i.id, group: i.group, text: i.text, kind: i.kind, status: i.status, evidence: i.evidence })),
  };
}

const MARK: Record<string, string> = { done: '[x]', open: '[ ]', expired: '[!]', not_applicable: '[-]' };

function describeChecklist(c: ChecklistResult): string {
  const lines = [`Partnership checklist of ${c.accountId} as of ${c.asOf} (template version ${c.templateVersion})`];
  let group = '';
  for (const item of c.items) {
    if (item.group !== group) {
      group = item.group;
      lines.push('', group);
    }
    lines.push(`  ${MARK[item.status]} ${item.text}${item.kind === 'derived' ? ' (from the data)' : ''}`);
    if (item.evidence && item.status !== 'open') lines.push(`      ${item.evidence.summary}`);
    else if (item.evidence && item.kind === 'derived') lines.push(`      ${item.evidence.summary}`);
  }
  lines.push('', '[x] done  [ ] open  [!] expired  [-] not applicable');
  return lines.join('\n');
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.min(i === 5 ? 90 : 40, Math.max(...rows.map((r) => r[i]!.length))));
  return rows.map((r) => r.map((cell, i) => ((i === 1 || i === 3 || i === 4 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)).slice(0, i === 5 ? 90 : 40))).join('  ').trimEnd()).join('\n');
}
