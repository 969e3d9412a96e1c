import { asOfView, currentPulse, type AccountEvidence } from '../evidence';
import { evaluateChecklist } from '../checklist/evaluate';
import type { ChecklistResult, ChecklistTemplate } from '../../shared/checklist-types';
import {
  bandOf,
  COMPONENT_KEYS,
  COMPONENT_LABEL,
  type ComponentKey,
  type ComponentScore,
  type Driver,
  type LoyaltyScore,
  type Pulse,
} from '../../shared/scoring-types';
import { weightsFor, type ScoringSettings, type Weights } from './profile';
import { apportion, round1 } from './apportion';
import type { RawComponent } from './component';
import { serviceComponent } from './service';
import { satisfactionComponent } from './satisfaction';
import { footprintComponent } from './footprint';
import { partnershipComponent } from './partnership';
import { commercialComponent } from './commercial';

export interface EngineSettings extends ScoringSettings {
  /** Our brand, to recognise our own machines where a file does not say who services them. */
  readonly ownVendor: string | null;
}

export interface ScoredAccount {
  readonly score: LoyaltyScore;
  readonly checklist: ChecklistResult;
  readonly pulse: Pulse | null;
  /** The evidence as it could be known on the as-of date (what the score read). */
  readonly view: AccountEvidence;
}

const FULL_MARKS: Record<ComponentKey, string> = {
  service: 'Full marks for service: every visit on time and fixed first time',
  satisfaction: 'Full marks for satisfaction: every response a 10',
  footprint: 'Full marks for footprint: we service the whole installed base',
  partnership: 'Full marks for partnership: the whole checklist done',
  commercial: 'Full marks commercially: a full-service contract, no renewal pending',
};

/**
 * The loyalty score of one account on a date. Deterministic for the same evidence, settings and
 * as-of date. Each component is 100 less its named losses; missing components' weights are shared
 * out among the others (never filled with an invented value) and lower the confidence.
 */
export function scoreAccount(
  evidence: AccountEvidence,
  asOf: string,
  settings: EngineSettings,
  template: ChecklistTemplate,
  override?: Partial<Weights>,
): ScoredAccount {
  const view = asOfView(evidence, asOf);
  const checklist = evaluateChecklist(template, view, asOf, settings.visits);
  const raw: Record<ComponentKey, RawComponent> = {
    service: serviceComponent(view, asOf, settings),
    satisfaction: satisfactionComponent(view, asOf, settings),
    footprint: footprintComponent(view, asOf, settings),
    partnership: partnershipComponent(view, asOf, checklist),
    commercial: commercialComponent(view, asOf, settings),
  };
  const { profile, weights } = weightsFor(settings, evidence.account.segment, override);
  const score = combine(evidence.account.id, asOf, profile, weights, raw, settings.loyalFootprintShare);
  const pulseFacts = currentPulse(evidence, asOf);
  const pulse: Pulse | null = pulseFacts
    ? { rating: pulseFacts.rating, reason: pulseFacts.reason, setOn: pulseFacts.setOn, expiresOn: pulseFacts.expiresOn, setBy: pulseFacts.by, stale: pulseFacts.stale }
    : null;
  return { score, checklist, pulse, view };
}

/** Evidence about the customer itself; without one of these there is no loyalty score to give. */
const EVIDENCE_KEYS: readonly ComponentKey[] = ['service', 'satisfaction', 'footprint'];

/** The highest loyalty of an account held below the Loyal band. */
const BELOW_LOYAL = 74.9;

export function combine(
  accountId: string,
  asOf: string,
  profile: string,
  weights: Weights,
  raw: Record<ComponentKey, RawComponent>,
  loyalFootprintShare = 0,
): LoyaltyScore {
  const grounded = EVIDENCE_KEYS.some((k) => raw[k].score !== null);
  const present = grounded ? COMPONENT_KEYS.filter((k) => raw[k].score !== null && weights[k] > 0) : [];
  const presentWeight = present.reduce((s, k) => s + weights[k], 0);
  const allWeight = COMPONENT_KEYS.reduce((s, k) => s + weights[k], 0);

  const exact = COMPONENT_KEYS.map((k) => (present.includes(k) ? (weights[k] / presentWeight) * raw[k].score! : 0));
  // Satisfaction is not loyalty: a customer whose other floors run others' machines is held below
  // Loyal. The points it costs are a driver of the footprint, so the explanation stays exact.
  const share = raw.footprint.ourShare;
  const uncapped = exact.reduce((a, b) => a + b, 0);
  const held = present.includes('footprint') && share !== undefined && share < loyalFootprintShare && uncapped > BELOW_LOYAL ? uncapped - BELOW_LOYAL : 0;
  const footprintIndex = COMPONENT_KEYS.indexOf('footprint');
  if (held > 0) exact[footprintIndex] = exact[footprintIndex]! - held;
  const loyaltyExact = uncapped - held;
  const loyalty = present.length ? round1(loyaltyExact) : null;
  const shownPoints = present.length ? apportion(exact, loyaltyExact) : exact.map(() => 0);

  const components: ComponentScore[] = COMPONENT_KEYS.map((key, i) => {
    const r = raw[key];
    const weight = present.includes(key) ? weights[key] / presentWeight : 0;
    const points = shownPoints[i]!;
    return {
      key,
      label: COMPONENT_LABEL[key],
      score: r.score === null ? null : round1(r.score),
      weight: Math.round(weight * 1000) / 1000,
      baseWeight: weights[key],
      points,
      drivers: weight > 0 ? drivers(key, r, weight, points, key === 'footprint' && held > 0 ? { share: share!, held } : null) : [],
      missing: r.score === null ? r.missing : weights[key] === 0 ? 'Weighted 0 in this scoring profile' : null,
    };
  });

  const reasons: string[] = grounded ? [] : ['No visits, survey responses or installed base on record: not enough to score loyalty'];
  for (const key of COMPONENT_KEYS) {
    if (raw[key].score === null && weights[key] > 0) reasons.push(`${raw[key].missing}: ${COMPONENT_LABEL[key].toLowerCase()} not scored, its weight shared out`);
  }
  const caveats = present.flatMap((k) => raw[k].caveats);
  reasons.push(...caveats);
  const coverage = allWeight > 0 ? presentWeight / allWeight : 0;
  const confidence = Math.round(coverage * Math.pow(0.9, Math.min(caveats.length, 4)) * 100) / 100;

  return {
    accountId,
    asOf,
    loyalty,
    band: loyalty === null ? null : bandOf(loyalty),
    satisfaction: raw.satisfaction.score === null ? null : round1(raw.satisfaction.score),
    confidence,
    confidenceReasons: reasons,
    components,
    profile,
  };
}

/** Full marks, less each loss, in loyalty points; shown to a tenth, adding up exactly to the component's points. */
function drivers(key: ComponentKey, r: RawComponent, weight: number, points: number, hold: { share: number; held: number } | null): Driver[] {
  const list: Array<{ label: string; exact: number; ref: Driver['ref'] }> = [{ label: FULL_MARKS[key], exact: 100 * weight, ref: null }];
  for (const loss of r.losses) list.push({ label: loss.label, exact: -loss.amount * weight, ref: loss.ref });
  if (hold) {
    list.push({ label: `We service ${Math.round(hold.share * 100)}% of the installed base: held below Loyal until we service most of it`, exact: -hold.held, ref: null });
  }
  const lost = r.losses.reduce((s, l) => s + l.amount, 0);
  // A component cannot fall below 0: whatever the losses take beyond that is given back.
  if (lost > 100) list.push({ label: 'A component cannot fall below 0', exact: (lost - 100) * weight, ref: null });
  const shown = apportion(
    list.map((d) => d.exact),
    points,
  );
  return list.map((d, i) => ({ label: d.label, points: shown[i]!, ref: d.ref }));
}
