import type { AccountEvidence } from '../evidence';
import { daysBetween, spokenDate } from '../dates';
import type { ScoringSettings } from './profile';
import { servicer } from './footprint';
import { noData, scored, type Loss, type RawComponent } from './component';

const CONTRACT_LOSS: Record<string, { amount: number; label: string }> = {
  full_service: { amount: 0, label: '' },
  warranty: { amount: 15, label: 'Covered by warranty only, no service contract' },
  time_and_materials: { amount: 40, label: 'Pays time and materials: no service contract' },
  none: { amount: 55, label: 'No contract with us' },
};

/**
 * Commercial: how the relationship is covered (contract, warranty, time and materials, none), a
 * renewal coming up, and our machines off warranty without a contract.
 */
export function commercialComponent(evidence: AccountEvidence, asOf: string, settings: ScoringSettings & { ownVendor?: string | null }): RawComponent {
  const account = evidence.account;
  const ours = evidence.assets.filter((a) => servicer(a, settings.ownVendor ?? null) === 'us');
  const withCoverage = ours.filter((a) => a.coverage !== null);
  if (account.contractType === null && account.renewalDate === null && withCoverage.length === 0) {
    return noData('commercial', 'No contract or coverage on record');
  }
  const losses: Loss[] = [];
  const accountRef = { type: 'account' as const, id: account.id };
  if (account.contractType !== null) {
    const c = CONTRACT_LOSS[account.contractType];
    if (c && c.amount > 0) losses.push({ label: c.label, amount: c.amount, ref: accountRef });
  } else if (withCoverage.length > 0) {
    const total = withCoverage.reduce((s, a) => s + a.quantity, 0);
    const uncovered = withCoverage.filter((a) => a.coverage === 'time_and_materials' || a.coverage === 'none').reduce((s, a) => s + a.quantity, 0);
    if (uncovered > 0) losses.push({ label: `${uncovered} of ${total} of our machines on time and materials or uncovered`, amount: (40 * uncovered) / total, ref: null });
  }
  if (account.renewalDate !== null) {
    const days = daysBetween(asOf, account.renewalDate);
    if (days >= 0 && days <= settings.renewalWindowDays) {
      losses.push({ label: `Contract renewal due in ${Math.round(days)} days (${spokenDate(account.renewalDate)})`, amount: 10 + 10 * (1 - days / settings.renewalWindowDays), ref: accountRef });
    } else if (days < 0 && days > -180 && account.contractType !== 'full_service') {
      losses.push({ label: `Contract renewal date passed on ${spokenDate(account.renewalDate)}`, amount: 15, ref: accountRef });
    }
  }
  const offWarranty = ours.filter((a) => a.warrantyEnd !== null && a.warrantyEnd < asOf && (a.coverage === 'none' || a.coverage === 'time_and_materials'));
  if (offWarranty.length > 0) {
    const total = ours.reduce((s, a) => s + a.quantity, 0) || 1;
    const quantity = offWarranty.reduce((s, a) => s + a.quantity, 0);
    losses.push({
      label: `${quantity} of our machines off warranty without a contract${quantity <= 3 ? ` (${offWarranty.map((a) => a.id).join(', ')})` : ''}`,
      amount: Math.min(25, (25 * quantity) / total),
      ref: { type: 'asset', id: offWarranty[0]!.id },
    });
  }
  return scored('commercial', losses);
}
