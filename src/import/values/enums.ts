import { clip } from './numbers';
import { invalid, type Invalid } from './result';

/** Folds a value for comparison: lower case, accents and punctuation dropped ("Break/Fix" → "breakfix"). */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]/g, '');
}

// The words field-service and survey tools use for each canonical value.
const SYNONYMS: Record<string, Record<string, readonly string[]>> = {
  contract_type: {
    full_service: ['fullservice', 'full', 'fullservicecontract', 'comprehensive', 'allinclusive', 'contract', 'servicecontract', 'maintenancecontract', 'cpc'],
    warranty: ['warranty', 'inwarranty', 'underwarranty', 'manufacturerwarranty', 'extendedwarranty'],
    time_and_materials: ['timeandmaterials', 'timeandmaterial', 'tandm', 'tm', 'timematerials', 'payg', 'payasyougo', 'billable', 'adhoc', 'percall', 'chargeable'],
    none: ['none', 'nocontract', 'nocoverage', 'notcovered', 'expired'],
  },
  coverage: {
    contract: ['contract', 'servicecontract', 'fullservice', 'covered', 'maintenancecontract', 'undercontract', 'sla'],
    warranty: ['warranty', 'inwarranty', 'underwarranty', 'manufacturerwarranty', 'extendedwarranty'],
    time_and_materials: ['timeandmaterials', 'timeandmaterial', 'tandm', 'tm', 'timematerials', 'payg', 'billable', 'percall', 'chargeable', 'adhoc'],
    none: ['none', 'nocoverage', 'notcovered', 'uncovered', 'nocontract', 'expired'],
  },
  serviced_by: {
    us: ['us', 'we', 'ours', 'own', 'ourcompany', 'internal'],
    competitor: ['competitor', 'competition', 'competitive', 'othervendor', 'rival'],
    third_party: ['thirdparty', '3rdparty', 'tpm', 'independent', 'isp', 'contractor', 'partner'],
    self: ['self', 'customer', 'inhouse', 'selfmaintained', 'selfserviced', 'customerstaff', 'diy'],
  },
  type: {
    break_fix: ['breakfix', 'break', 'fix', 'repair', 'corrective', 'correctivemaintenance', 'emergency', 'callout', 'breakdown', 'failure', 'reactive', 'unplanned', 'servicecall', 'incident', 'fault'],
    preventive: ['preventive', 'preventative', 'pm', 'preventivemaintenance', 'preventativemaintenance', 'maintenance', 'plannedmaintenance', 'scheduledmaintenance', 'planned', 'routine'],
    install: ['install', 'installation', 'commissioning', 'setup', 'deinstall', 'deinstallation', 'relocation', 'move'],
    inspection: ['inspection', 'inspect', 'audit', 'assessment', 'check', 'healthcheck', 'survey', 'siteinspection'],
    other: ['other', 'misc', 'miscellaneous', 'general'],
  },
  status: {
    completed: ['completed', 'complete', 'closed', 'done', 'finished', 'resolved', 'posted', 'fixed', 'closedcompleted', '690970003', '690970004'],
    incomplete: ['incomplete', 'notcompleted', 'cannotcomplete', 'unresolved', 'onhold', 'open', 'inprogress', 'pending', 'new', 'scheduled', 'dispatched', 'unscheduled', 'awaitingparts', 'partsordered', 'notfixed', '690970000', '690970001', '690970002'],
    cancelled: ['cancelled', 'canceled', 'void', 'voided', 'abandoned', 'closedcancelled', 'closedcanceled', '690970005'],
  },
  severity: {
    low: ['low', 'minor', 'p4', 'trivial'],
    medium: ['medium', 'moderate', 'normal', 'med', 'p3'],
    high: ['high', 'major', 'urgent', 'important', 'p2'],
    critical: ['critical', 'severe', 'p1', 'blocker', 'emergency'],
  },
  category: {
    replace: ['replace', 'replacement', 'swap', 'renew', 'renewal'],
    upgrade: ['upgrade', 'update', 'modernise', 'modernize', 'retrofit'],
    repair: ['repair', 'fix', 'service', 'overhaul'],
    training: ['training', 'train', 'education', 'educate', 'coaching', 'usage'],
    contract: ['contract', 'servicecontract', 'coverage', 'agreement', 'warrantyextension', 'sla'],
  },
  recommendation_status: {
    open: ['open', 'new', 'pending', 'proposed', 'outstanding', 'undecided', 'notdecided'],
    accepted: ['accepted', 'approved', 'agreed', 'won', 'ordered', 'quoted'],
    declined: ['declined', 'rejected', 'refused', 'lost', 'notinterested'],
    done: ['done', 'completed', 'complete', 'implemented', 'closed', 'resolved', 'fixed', 'replaced'],
  },
};

/** Which synonym table a field reads its values with. */
function tableFor(field: string): string {
  if (field === 'recommendation_severity') return 'severity';
  return field;
}

export type EnumReader = (text: string) => string | Invalid;

export function enumReader(field: string, values: readonly string[], statusOfRecommendation = false): EnumReader {
  const table = SYNONYMS[statusOfRecommendation ? 'recommendation_status' : tableFor(field)] ?? {};
  const lookup = new Map<string, string>();
  for (const value of values) {
    lookup.set(fold(value), value);
    for (const synonym of table[value] ?? []) lookup.set(synonym, value);
  }
  const allowed = values.join(', ');
  const exact = new Set(values);
  return (text: string) => {
    if (exact.has(text)) return text;
    const found = lookup.get(fold(text));
    return found ?? invalid(`"${clip(text)}" is not one of: ${allowed}`);
  };
}
