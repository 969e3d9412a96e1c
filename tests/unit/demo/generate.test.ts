import { describe, expect, it } from 'vitest';
import definition from '../../../resources/demo/portfolio.json';
import { generateDemo, type DemoFile } from '../../../src/demo/generate';
import { FIELDS, RECOMMENDATION_STATUSES, type Kind } from '../../../src/shared/kinds';

const AS_OF = '2025-06-30';
const DAY_MS = 86_400_000;

/** The canonical columns of all five kinds. */
const COLUMNS = [
  ...['account_id', 'name', 'segment', 'region', 'owner', 'contract_type', 'contract_renewal_date', 'annual_value'],
  ...['asset_id', 'site', 'location', 'vendor', 'model', 'category', 'quantity', 'serviced_by', 'coverage', 'warranty_end'],
  ...['install_date', 'rated_monthly_volume', 'actual_monthly_volume', 'as_of'],
  ...['work_order_id', 'type', 'opened_at', 'promised_at', 'arrived_at', 'completed_at', 'status', 'fixed_first_time'],
  ...['parts_missing', 'technician', 'labor_hours', 'billed_amount', 'follow_up_at', 'customer_signed', 'recommendation'],
  ...['recommendation_severity', 'reminded_recommendation_ids', 'notes'],
  ...['recommendation_id', 'made_at', 'text', 'severity', 'customer_acknowledged', 'decided_at'],
  ...['response_id', 'responded_at', 'nps', 'csat', 'ces', 'contact', 'comment'],
] as const;
type Column = (typeof COLUMNS)[number];
/** A row by column name; a column the kind lacks reads as empty. */
type Row = Readonly<Record<Column, string>>;

function records(file: DemoFile): Row[] {
  const [columns, ...rows] = file.rows;
  const empty = Object.fromEntries(COLUMNS.map((c) => [c, ''])) as Record<Column, string>;
  return rows.map((row) => ({ ...empty, ...Object.fromEntries(columns!.map((c, i) => [c, row[i] ?? ''])) }));
}

const files = generateDemo(definition, AS_OF);
const [accounts, earlierBase, currentBase, workOrders, recommendations, surveys] = files.map(records) as [Row[], Row[], Row[], Row[], Row[], Row[]];

/** Days from a to b (dates or timestamps). */
const daysBetween = (a: string, b: string): number => (Date.parse(b.slice(0, 19) + 'Z') - Date.parse(a.slice(0, 19) + 'Z')) / DAY_MS;
const daysBefore = (days: number): string => new Date(Date.parse(AS_OF) - days * DAY_MS).toISOString().slice(0, 10);
const ageOf = (value: string): number => daysBetween(value.slice(0, 10), AS_OF);

function groupBy(rows: readonly Row[], column: Column): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const row of rows) {
    const key = row[column];
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

const visitsByAccount = groupBy(workOrders, 'account_id');
const surveysByAccount = groupBy(surveys, 'account_id');
const currentByAccount = groupBy(currentBase, 'account_id');
const earlierByAccount = groupBy(earlierBase, 'account_id');
const decisions = new Map(recommendations.map((r) => [r.recommendation_id, r]));

/** Late, not fixed first time, incomplete or short of parts (DOMAIN.md, "Bad call without follow-up"). */
const isBadCall = (wo: Row): boolean =>
  wo.status !== 'cancelled' &&
  ((wo.arrived_at !== '' && wo.arrived_at > wo.promised_at) || wo.fixed_first_time === '0' || wo.status === 'incomplete' || wo.parts_missing === '1');
const isDetractor = (s: Row): boolean => (s.nps !== '' && Number(s.nps) <= 6) || (s.csat !== '' && Number(s.csat) <= 2);
const quantity = (rows: readonly Row[]): number => rows.reduce((sum, r) => sum + Number(r.quantity), 0);
const meanNps = (rows: readonly Row[]): number => {
  const scores = rows.filter((r) => r.nps !== '').map((r) => Number(r.nps));
  return scores.length === 0 ? NaN : scores.reduce((a, b) => a + b, 0) / scores.length;
};
const remindedIds = (wo: Row): string[] => (wo.reminded_recommendation_ids === '' ? [] : wo.reminded_recommendation_ids.split(';'));
const isDecided = (id: string): boolean => ['accepted', 'declined', 'done'].includes(decisions.get(id)?.status ?? 'open');

/** Every date and timestamp in the files moved by a number of days. */
function shifted(demo: readonly DemoFile[], days: number): DemoFile[] {
  const move = (text: string): string =>
    text.replace(/\d{4}-\d{2}-\d{2}/g, (date) => new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10));
  return demo.map((file) => ({ ...file, name: move(file.name), rows: file.rows.map((row) => row.map(move)) }));
}

describe('the demo portfolio', () => {
  it('is deterministic, and moves with its as-of date', () => {
    expect(generateDemo(definition, AS_OF)).toEqual(files);
    // A week later (the same weekdays) every date moves by a week and nothing else changes.
    expect(generateDemo(definition, '2025-07-07')).toEqual(shifted(files, 7));
    const other = records(generateDemo(definition, '2024-03-15')[3]!);
    expect(other.every((wo) => wo.opened_at.slice(0, 10) <= '2024-03-15')).toBe(true);
    expect(other.some((wo) => wo.opened_at.startsWith('2024-03'))).toBe(true);
  });

  it('is generated quickly', () => {
    const started = performance.now();
    generateDemo(definition, AS_OF);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('has the files in import order, under canonical headers', () => {
    const kinds: Kind[] = ['accounts', 'assets', 'assets', 'service', 'recommendations', 'surveys'];
    expect(files.map((f) => f.kind)).toEqual(kinds);
    expect(files.map((f) => f.name)).toEqual([
      'accounts.csv',
      'installed-base-2024-06-30.csv',
      `installed-base-${AS_OF}.csv`,
      'work-orders.csv',
      'recommendations.csv',
      'surveys.csv',
    ]);
    for (const file of files) {
      const header = FIELDS[file.kind].map((f) => f.name);
      expect(file.rows[0]).toEqual(header);
      expect(file.rows.every((row) => row.length === header.length)).toBe(true);
    }
    expect(new Set(earlierBase.map((a) => a.as_of))).toEqual(new Set(['2024-06-30']));
    expect(new Set(currentBase.map((a) => a.as_of))).toEqual(new Set([AS_OF]));
  });

  it('is a portfolio of the size the product is built for', () => {
    expect(accounts.length).toBeGreaterThanOrEqual(200);
    expect(workOrders.length).toBeGreaterThanOrEqual(20_000);
    expect(surveys.length).toBeGreaterThanOrEqual(1_500);
    expect(currentBase.length).toBeGreaterThanOrEqual(1_500);
    expect(new Set(accounts.map((a) => a.segment)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(accounts.map((a) => a.region)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(accounts.map((a) => a.owner)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(currentBase.map((a) => a.vendor)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(recommendations.map((r) => r.status))).toEqual(new Set(RECOMMENDATION_STATUSES));
    expect(recommendations.some((r) => r.work_order_id === '')).toBe(true);
    // Owners belong to regions.
    for (const [, rows] of groupBy(accounts, 'owner')) expect(new Set(rows.map((a) => a.region)).size).toBe(1);
  });

  it('has realistic work orders: mostly completed maintenance and repairs in business hours', () => {
    const count = (type: string): number => workOrders.filter((wo) => wo.type === type).length;
    expect(count('preventive') + count('break_fix')).toBeGreaterThan(0.9 * workOrders.length);
    expect(count('install')).toBeGreaterThan(0);
    expect(count('inspection')).toBeGreaterThan(0);
    const status = (s: string): number => workOrders.filter((wo) => wo.status === s).length;
    expect(status('completed')).toBeGreaterThan(0.9 * workOrders.length);
    expect(status('incomplete')).toBeGreaterThan(0);
    expect(status('cancelled')).toBeGreaterThan(0);
    const repairs = workOrders.filter((wo) => wo.type === 'break_fix');
    const openedAtNight = repairs.filter((wo) => wo.opened_at.slice(11, 16) < '07:30' || wo.opened_at.slice(11, 16) > '16:30');
    expect(openedAtNight).toEqual([]);
    expect(repairs.filter((wo) => wo.promised_at <= wo.opened_at)).toEqual([]);
    const done = workOrders.filter((wo) => wo.status !== 'cancelled');
    expect(done.filter((wo) => !(wo.opened_at < wo.arrived_at && wo.arrived_at < wo.completed_at))).toEqual([]);
    expect(workOrders.filter((wo) => wo.status === 'cancelled' && (wo.arrived_at !== '' || wo.labor_hours !== ''))).toEqual([]);
    // Billed where the visit is paid for by the visit.
    expect(workOrders.filter((wo) => wo.billed_amount !== '').length).toBeGreaterThan(1000);
  });

  it('dates nothing after the as-of date, and keeps two years of history', () => {
    const events: Array<[Row[], Column[]]> = [
      [workOrders, ['opened_at', 'promised_at', 'arrived_at', 'completed_at', 'follow_up_at']],
      [surveys, ['responded_at', 'follow_up_at']],
      [recommendations, ['made_at', 'decided_at']],
      [currentBase, ['install_date', 'as_of']],
      [earlierBase, ['install_date', 'as_of']],
    ];
    const late = events.flatMap(([rows, columns]) => rows.flatMap((row) => columns.filter((c) => row[c].slice(0, 10) > AS_OF).map((c) => `${c} ${row[c]}`)));
    expect(late).toEqual([]);
    expect(earlierBase.every((a) => a.install_date <= '2024-06-30')).toBe(true);
    const opened = workOrders.map((wo) => wo.opened_at).sort();
    expect(opened[0]! >= daysBefore(730)).toBe(true);
    expect(daysBetween(opened[0]!, opened[opened.length - 1]!)).toBeGreaterThan(700);
  });

  it('gives unique ids that the other files refer to', () => {
    const unique = (values: string[]): boolean => new Set(values).size === values.length;
    expect(unique(accounts.map((a) => a.account_id))).toBe(true);
    expect(unique(accounts.map((a) => a.name))).toBe(true);
    expect(accounts.every((a) => /^C\d{4}$/.test(a.account_id))).toBe(true);
    expect(unique(earlierBase.map((a) => a.asset_id))).toBe(true);
    expect(unique(currentBase.map((a) => a.asset_id))).toBe(true);
    expect(currentBase.every((a) => /^[A-Z]{2}-\d{4}-\d{4}$/.test(a.asset_id))).toBe(true);
    expect(unique(workOrders.map((wo) => wo.work_order_id))).toBe(true);
    expect(workOrders.every((wo) => /^WO-\d{7}$/.test(wo.work_order_id))).toBe(true);
    expect(unique(surveys.map((s) => s.response_id))).toBe(true);
    expect(unique(recommendations.map((r) => r.recommendation_id))).toBe(true);

    const accountIds = new Set(accounts.map((a) => a.account_id));
    const assetAccount = new Map([...earlierBase, ...currentBase].map((a) => [a.asset_id, a.account_id]));
    const visits = new Map(workOrders.map((wo) => [wo.work_order_id, wo]));
    expect(workOrders.filter((wo) => !accountIds.has(wo.account_id) || assetAccount.get(wo.asset_id) !== wo.account_id)).toEqual([]);
    const badReminders = workOrders.flatMap((wo) =>
      remindedIds(wo).filter((id) => {
        const made = visits.get(id);
        return made?.account_id !== wo.account_id || made.recommendation === '' || made.completed_at >= wo.opened_at;
      }),
    );
    expect(badReminders).toEqual([]);
    expect(surveys.filter((s) => s.work_order_id !== '' && visits.get(s.work_order_id)?.account_id !== s.account_id)).toEqual([]);
    // A decision is about the recommendation the work order made, as the work order dated it.
    const mismatched = recommendations.filter((r) => {
      if (r.work_order_id === '') return false;
      const made = visits.get(r.work_order_id);
      return r.recommendation_id !== r.work_order_id || made?.recommendation !== r.text || made.completed_at.slice(0, 10) !== r.made_at;
    });
    expect(mismatched).toEqual([]);
  });

  it('keeps asset ids of the machines that stayed', () => {
    const earlier = new Map(earlierBase.map((a) => [a.asset_id, a]));
    const stayed = currentBase.filter((a) => earlier.has(a.asset_id));
    expect(stayed.length).toBeGreaterThan(0.85 * earlierBase.length);
    const identity = (a: Row): string => [a.account_id, a.vendor, a.model, a.install_date, a.site, a.location].join('|');
    expect(stayed.filter((asset) => identity(asset) !== identity(earlier.get(asset.asset_id)!))).toEqual([]);
    expect(currentBase.filter((a) => Number(a.quantity) > 1).length).toBeLessThan(0.3 * currentBase.length);
    expect(new Set(currentBase.map((a) => a.serviced_by))).toEqual(new Set(['us', 'competitor', 'third_party', 'self']));
    // Multi-vendor service: some competitors' machines are serviced by us.
    expect(currentBase.some((a) => a.vendor !== definition.ourVendor && a.serviced_by === 'us')).toBe(true);
  });
});

describe('the stories of DOMAIN.md in the demo portfolio', () => {
  it('has satisfied accounts that are not loyal: delighted, but the competitors hold most of the fleet', () => {
    const found = accounts.filter((account) => {
      const base = currentByAccount.get(account.account_id) ?? [];
      const competitors = base.filter((a) => a.vendor !== definition.ourVendor);
      const ours = base.filter((a) => a.serviced_by === 'us');
      const ourPlaces = new Set(ours.map((a) => `${a.site}/${a.location}`));
      return (
        quantity(competitors) > 0.5 * quantity(base) &&
        quantity(ours) < 0.5 * quantity(base) &&
        new Set(base.map((a) => a.vendor)).size >= 3 &&
        competitors.some((a) => !ourPlaces.has(`${a.site}/${a.location}`)) &&
        meanNps(surveysByAccount.get(account.account_id) ?? []) >= 9
      );
    });
    expect(found.length).toBeGreaterThanOrEqual(15);
  });

  it('has recommendations ignored until the asset failed, and recommendations later visits reminded', () => {
    const ignored = workOrders.filter((warned) => {
      if (!['high', 'critical'].includes(warned.recommendation_severity) || warned.customer_signed !== '1') return false;
      if (isDecided(warned.work_order_id)) return false;
      const later = visitsByAccount.get(warned.account_id)!.filter((wo) => wo.opened_at > warned.completed_at);
      const failure = later.find((wo) => wo.type === 'break_fix' && wo.asset_id === warned.asset_id);
      if (!failure) return false;
      const between = later.filter((wo) => wo.opened_at < failure.opened_at && wo.status !== 'cancelled');
      const silentRevisits = between.filter((wo) => wo.technician === warned.technician && !remindedIds(wo).includes(warned.work_order_id));
      const everReminded = between.some((wo) => remindedIds(wo).includes(warned.work_order_id));
      return silentRevisits.length >= 2 && !everReminded && Number(failure.labor_hours) >= 8 && Number(failure.billed_amount) >= 2000;
    });
    expect(new Set(ignored.map((wo) => wo.account_id)).size).toBeGreaterThanOrEqual(12);

    const reminded = workOrders.filter((made) => {
      if (made.recommendation === '' || isDecided(made.work_order_id)) return false;
      const reminders = visitsByAccount.get(made.account_id)!.filter((wo) => remindedIds(wo).includes(made.work_order_id));
      return reminders.length >= 2;
    });
    expect(new Set(reminded.map((wo) => wo.account_id)).size).toBeGreaterThanOrEqual(10);
  });

  it('has bad calls in a row in the last 60 days, nobody following them up', () => {
    const found = accounts.filter((account) => {
      const recentBad = (visitsByAccount.get(account.account_id) ?? []).filter((wo) => ageOf(wo.opened_at) <= 60 && isBadCall(wo) && wo.follow_up_at === '');
      return recentBad.length >= 2;
    });
    expect(found.length).toBeGreaterThanOrEqual(10);
    // Some bad calls were followed up within one business day, too.
    const followed = workOrders.filter((wo) => isBadCall(wo) && wo.follow_up_at !== '' && daysBetween(wo.completed_at, wo.follow_up_at) <= 1);
    expect(followed.length).toBeGreaterThan(100);
  });

  it('has recent detractors nobody called back, and detractors called back within two days', () => {
    const recentDetractors = surveys.filter((s) => isDetractor(s) && ageOf(s.responded_at) <= 45);
    const ignored = new Set(recentDetractors.filter((s) => s.follow_up_at === '').map((s) => s.account_id));
    const calledBack = new Set(recentDetractors.filter((s) => s.follow_up_at !== '' && daysBetween(s.responded_at, s.follow_up_at) <= 2).map((s) => s.account_id));
    expect(ignored.size).toBeGreaterThanOrEqual(10);
    expect(calledBack.size).toBeGreaterThanOrEqual(10);
  });

  it('has renewals coming up, some of them after weak service', () => {
    const renewing = accounts.filter((a) => a.contract_renewal_date > AS_OF && a.contract_renewal_date <= daysBefore(-90));
    expect(renewing.length).toBeGreaterThanOrEqual(40);
    const weak = renewing.filter((account) => {
      const lastYear = (visitsByAccount.get(account.account_id) ?? []).filter((wo) => ageOf(wo.opened_at) <= 365 && wo.type === 'break_fix');
      return lastYear.filter(isBadCall).length > 0.3 * lastYear.length;
    });
    expect(weak.length).toBeGreaterThanOrEqual(8);
    expect(accounts.filter((a) => a.contract_type === 'none').every((a) => a.contract_renewal_date === '')).toBe(true);
  });

  it('has a good year then one bad recent call, and a bad year then one great recent call', () => {
    const lastCallAfterAYear = (accountId: string): { last: Row; before: Row[]; survey: Row | undefined } | null => {
      const visits = (visitsByAccount.get(accountId) ?? []).filter((wo) => wo.status !== 'cancelled');
      const last = visits[visits.length - 1];
      if (!last || ageOf(last.opened_at) > 30) return null;
      const before = visits.slice(0, -1).filter((wo) => daysBetween(wo.opened_at, last.opened_at) <= 365);
      const survey = (surveysByAccount.get(accountId) ?? []).find((s) => s.work_order_id === last.work_order_id);
      return { last, before, survey };
    };
    const goodThenBad = accounts.filter((account) => {
      const story = lastCallAfterAYear(account.account_id);
      return story !== null && isBadCall(story.last) && story.before.length >= 10 && !story.before.some(isBadCall) && Number(story.survey?.nps ?? 10) <= 6;
    });
    const badThenGreat = accounts.filter((account) => {
      const story = lastCallAfterAYear(account.account_id);
      if (!story || isBadCall(story.last) || story.last.type !== 'break_fix') return false;
      const quick = daysBetween(story.last.opened_at, story.last.arrived_at) * 24 <= 1.5;
      const repairs = story.before.filter((wo) => wo.type === 'break_fix');
      return quick && repairs.filter(isBadCall).length >= 0.3 * repairs.length && Number(story.survey?.nps ?? 0) >= 9;
    });
    expect(goodThenBad.length).toBeGreaterThanOrEqual(10);
    expect(badThenGreat.length).toBeGreaterThanOrEqual(10);
  });

  it('has silent accounts: no survey response and no work order for 180 days', () => {
    const silent = accounts.filter((account) => {
      const visits = visitsByAccount.get(account.account_id) ?? [];
      const responses = surveysByAccount.get(account.account_id) ?? [];
      const recent = (value: string): boolean => ageOf(value) < 180;
      return visits.length > 0 && !visits.some((wo) => recent(wo.opened_at) || (wo.follow_up_at !== '' && recent(wo.follow_up_at))) && !responses.some((s) => recent(s.responded_at));
    });
    expect(silent.length).toBeGreaterThanOrEqual(10);
  });

  it('has footprint lost since the earlier installed base, with a new competitor', () => {
    const found = accounts.filter((account) => {
      const before = earlierByAccount.get(account.account_id) ?? [];
      const now = currentByAccount.get(account.account_id) ?? [];
      const ours = (rows: Row[]): number => quantity(rows.filter((a) => a.serviced_by === 'us'));
      const vendorsBefore = new Set(before.map((a) => a.vendor));
      const nowIds = new Set(now.map((a) => a.asset_id));
      const lostToCompetitor = now.some((a) => a.serviced_by === 'competitor' && before.some((b) => b.asset_id === a.asset_id && b.serviced_by === 'us'));
      const gone = before.some((b) => b.serviced_by === 'us' && !nowIds.has(b.asset_id));
      return ours(now) < ours(before) && now.some((a) => !vendorsBefore.has(a.vendor)) && lostToCompetitor && gone;
    });
    expect(found.length).toBeGreaterThanOrEqual(14);
  });

  it('has buying signals: repeated breakdowns, time and materials off warranty, use beyond rated volume', () => {
    const repeated = new Set<string>();
    for (const [assetId, visits] of groupBy(workOrders.filter((wo) => wo.type === 'break_fix' && wo.status !== 'cancelled'), 'asset_id')) {
      const days = visits.map((wo) => wo.opened_at);
      for (let i = 2; i < days.length; i++) if (daysBetween(days[i - 2]!, days[i]!) <= 180 && ageOf(days[i]!) <= 180) repeated.add(assetId);
    }
    const repeatedAccounts = new Set(currentBase.filter((a) => repeated.has(a.asset_id)).map((a) => a.account_id));
    expect(repeatedAccounts.size).toBeGreaterThanOrEqual(15);
    const offWarrantyPaying = currentBase.filter((a) => a.warranty_end < AS_OF && a.coverage === 'time_and_materials');
    expect(offWarrantyPaying.length).toBeGreaterThanOrEqual(50);
    const billed = new Set(workOrders.filter((wo) => wo.billed_amount !== '').map((wo) => wo.asset_id));
    expect(offWarrantyPaying.filter((a) => billed.has(a.asset_id)).length).toBeGreaterThanOrEqual(50);
    const overused = currentBase.filter((a) => Number(a.actual_monthly_volume) > Number(a.rated_monthly_volume));
    expect(overused.length).toBeGreaterThanOrEqual(30);
    expect(workOrders.some((wo) => /quote on a replacement/.test(wo.notes))).toBe(true);
  });

  it('has plenty of ordinary healthy accounts', () => {
    const healthy = accounts.filter((account) => {
      const visits = (visitsByAccount.get(account.account_id) ?? []).filter((wo) => ageOf(wo.opened_at) <= 365 && wo.status !== 'cancelled');
      const base = currentByAccount.get(account.account_id) ?? [];
      const responses = surveysByAccount.get(account.account_id) ?? [];
      return (
        visits.length > 0 &&
        visits.filter(isBadCall).length <= 0.15 * visits.length &&
        meanNps(responses) >= 8 &&
        quantity(base.filter((a) => a.serviced_by === 'us')) >= 0.7 * quantity(base)
      );
    });
    expect(healthy.length).toBeGreaterThanOrEqual(50);
  });
});
