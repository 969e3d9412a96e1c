import type { AccountEvidence, AssetFacts } from '../evidence';
import { daysBetween, spokenDate } from '../dates';
import type { ServicedBy } from '../../shared/kinds';
import type { ScoringSettings } from './profile';
import { noData, scored, type Loss, type RawComponent } from './component';

/** Who services a machine: as the file says, else us for our own brand, else not known. */
export function servicer(asset: AssetFacts, ownVendor: string | null): ServicedBy | null {
  if (asset.servicedBy) return asset.servicedBy;
  return ownVendor !== null && asset.vendor.toLowerCase() === ownVendor.toLowerCase() ? 'us' : null;
}

const WHO: Record<Exclude<ServicedBy, 'us'>, string> = {
  competitor: 'serviced by a competitor',
  third_party: 'serviced by a third party',
  self: "maintained by the customer's own staff",
};

const places = (assets: readonly AssetFacts[]): string => {
  const locations = [...new Set(assets.map((a) => a.location).filter((l): l is string => l !== null))];
  return locations.length === 0 ? '' : ` (${locations.slice(0, 3).join(', ')}${locations.length > 3 ? ', …' : ''})`;
};

/**
 * Footprint share: of the installed base we know (by quantity), the share we service. Machines
 * others service cost their share, grouped by who and where; many vendors is consolidation risk;
 * share lost since the previous count costs again.
 */
export function footprintComponent(evidence: AccountEvidence, asOf: string, settings: ScoringSettings & { ownVendor?: string | null }): RawComponent {
  const ownVendor = settings.ownVendor ?? null;
  const known = evidence.assets.filter((a) => a.quantity > 0 && servicer(a, ownVendor) !== null);
  const total = known.reduce((s, a) => s + a.quantity, 0);
  if (evidence.assets.length === 0) return noData('footprint', 'No installed base on record');
  if (total === 0) return noData('footprint', 'The installed base does not say who services the machines');
  const losses: Loss[] = [];

  // Others' machines, grouped by who services them, vendor and site.
  const groups = new Map<string, AssetFacts[]>();
  for (const a of known) {
    const who = servicer(a, ownVendor);
    if (who === 'us' || who === null) continue;
    const key = `${who}\u0000${a.vendor}\u0000${a.site ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(a);
    else groups.set(key, [a]);
  }
  for (const [key, assets] of groups) {
    const [who, vendor, site] = key.split('\u0000') as [Exclude<ServicedBy, 'us'>, string, string];
    const quantity = assets.reduce((s, a) => s + a.quantity, 0);
    losses.push({
      label: `${quantity} ${vendor} ${quantity === 1 ? 'machine' : 'machines'}${site ? ` at ${site}` : ''}${places(assets)} ${WHO[who]}`,
      amount: (100 * quantity) / total,
      ref: site ? { type: 'site', id: site } : { type: 'asset', id: assets[0]!.id },
    });
  }

  const vendors = new Set(known.map((a) => a.vendor.toLowerCase()));
  if (vendors.size >= 3) {
    losses.push({ label: `${vendors.size} vendors in the installed base: when they consolidate, someone has to go`, amount: Math.min(15, 5 * (vendors.size - 2)), ref: null });
  }

  const history = evidence.footprint;
  if (history.length >= 2) {
    const now = history.at(-1)!;
    const before = history.at(-2)!;
    const shareNow = now.totalQuantity ? now.ourQuantity / now.totalQuantity : 0;
    const shareBefore = before.totalQuantity ? before.ourQuantity / before.totalQuantity : 0;
    if (shareBefore - shareNow > 0.02) {
      losses.push({
        label: `Our share fell from ${Math.round(shareBefore * 100)}% to ${Math.round(shareNow * 100)}% since the count of ${spokenDate(before.recordedOn)}`,
        amount: (shareBefore - shareNow) * 50,
        ref: null,
      });
    }
    const newcomers = now.vendors.filter((v) => !before.vendors.includes(v));
    if (newcomers.length > 0 && newcomers.some((v) => ownVendor === null || v.toLowerCase() !== ownVendor.toLowerCase())) {
      losses.push({ label: `New in the installed base since ${spokenDate(before.recordedOn)}: ${newcomers.join(', ')}`, amount: Math.min(10, 5 * newcomers.length), ref: null });
    }
  }

  const caveats: string[] = [];
  const unknown = evidence.assets.length - known.length;
  if (unknown > 0) caveats.push(`${unknown} machines with no word on who services them`);
  const counted = evidence.footprint.at(-1)?.recordedOn ?? evidence.assets.map((a) => a.asOf).filter((d): d is string => d !== null).sort().at(-1);
  if (counted && daysBetween(counted, asOf) > 365) caveats.push(`Installed base last counted on ${spokenDate(counted)}`);
  const ourShare = known.filter((a) => servicer(a, ownVendor) === 'us').reduce((sum, a) => sum + a.quantity, 0) / total;
  return { ...scored('footprint', losses, caveats), ourShare };
}
