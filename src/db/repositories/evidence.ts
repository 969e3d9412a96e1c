import type { Db } from '../connection';
import type {
  AccountEvidence,
  AccountFacts,
  AssetFacts,
  ChecklistTickFacts,
  FootprintPoint,
  PulseFacts,
  RecommendationEvent,
  RecommendationFacts,
  SurveyFacts,
  WorkOrderFacts,
} from '../../domain/evidence';
import { AccountCursor } from './account-cursor';

type Row = unknown[];

// Each source is read ordered by account, so all accounts' evidence comes from one pass per table,
// merged by account id: bounded memory, no query per account.
const SOURCES = {
  accounts: `SELECT account_id, name, segment, region, owner, contract_type, contract_renewal_date, annual_value, placeholder
             FROM accounts %WHERE% ORDER BY account_id`,
  workOrders: `SELECT account_id, work_order_id, asset_id, site, type, opened_at, promised_at, arrived_at, completed_at, status,
                      fixed_first_time, parts_missing, technician, billed_amount, follow_up_at, customer_signed,
                      reminded_recommendation_ids
               FROM work_orders %WHERE% ORDER BY account_id, opened_at, work_order_id`,
  surveys: `SELECT account_id, response_id, responded_at, nps, csat, ces, contact, work_order_id, comment, follow_up_at
            FROM survey_responses %WHERE% ORDER BY account_id, responded_at, response_id`,
  assets: `SELECT account_id, asset_id, site, location, vendor, model, category, quantity, serviced_by, coverage, warranty_end,
                  install_date, rated_monthly_volume, actual_monthly_volume, as_of
           FROM assets %WHERE% ORDER BY account_id, asset_id`,
  recommendations: `SELECT account_id, recommendation_id, asset_id, work_order_id, made_at, text, category, severity,
                           customer_acknowledged, status, decided_at, origin
                    FROM recommendations %WHERE% ORDER BY account_id, made_at, recommendation_id`,
  events: `SELECT account_id, recommendation_id, action, happened_on, note, logged_by
           FROM recommendation_events %WHERE% ORDER BY account_id, happened_on, event_id`,
  footprint: `SELECT account_id, recorded_on, our_quantity, total_quantity, vendors
              FROM footprint_history %WHERE% ORDER BY account_id, recorded_on, import_id`,
  ticks: `SELECT account_id, item_id, template_version, done_on, expires_on, note, ticked_by
          FROM checklist_ticks %WHERE_AND% revoked_at IS NULL ORDER BY account_id, done_on, tick_id`,
  notes: `SELECT account_id, substr(written_at, 1, 10) FROM account_notes %WHERE% ORDER BY account_id, written_at`,
  pulses: `SELECT account_id, rating, reason, set_on, expires_on, set_by FROM account_pulses %WHERE% ORDER BY account_id, set_on, pulse_id`,
} as const;

type Source = keyof typeof SOURCES;

type Scope = 'one' | 'all' | 'range' | 'from';

// A range's upper bound is a condition of its own, never `@to IS NULL OR …`: SQLite seeks to the
// lower bound either way, but only stops at an upper bound it can see in the plan.
const CONDITION: Record<Scope, string> = {
  one: 'account_id = @account',
  all: '',
  range: 'account_id >= @from AND account_id < @to',
  from: 'account_id >= @from',
};

/** The query reading one kind of evidence for one account, every account, or a range of them. */
export function evidenceSql(source: Source, scope: Scope): string {
  const text: string = SOURCES[source];
  const condition = CONDITION[scope];
  return text.replace('%WHERE_AND%', condition ? `WHERE ${condition} AND` : 'WHERE').replace('%WHERE%', condition ? `WHERE ${condition}` : '');
}

/** One empty list shared by every visit that reminded of nothing: a million visits, one array. */
const NONE: readonly string[] = Object.freeze([]);

const bool = (v: unknown): boolean | null => (v === null ? null : v === 1);
const str = (v: unknown): string | null => (v === null ? null : (v as string));
const num = (v: unknown): number | null => (v === null ? null : (v as number));

const toAccount = (r: Row): AccountFacts => ({
  id: r[0] as string,
  name: r[1] as string,
  segment: str(r[2]),
  region: str(r[3]),
  owner: str(r[4]),
  contractType: str(r[5]) as AccountFacts['contractType'],
  renewalDate: str(r[6]),
  annualValue: num(r[7]),
  placeholder: r[8] === 1,
});

const toWorkOrder = (r: Row): WorkOrderFacts => ({
  id: r[1] as string,
  assetId: str(r[2]),
  site: str(r[3]),
  type: r[4] as WorkOrderFacts['type'],
  openedAt: r[5] as string,
  promisedAt: str(r[6]),
  arrivedAt: str(r[7]),
  completedAt: str(r[8]),
  status: str(r[9]) as WorkOrderFacts['status'],
  fixedFirstTime: bool(r[10]),
  partsMissing: bool(r[11]),
  technician: str(r[12]),
  billedAmount: num(r[13]),
  followUpAt: str(r[14]),
  customerSigned: bool(r[15]),
  remindedIds: r[16] === null ? NONE : (r[16] as string).split(';'),
});

const toSurvey = (r: Row): SurveyFacts => ({
  id: r[1] as string,
  respondedAt: r[2] as string,
  nps: num(r[3]),
  csat: num(r[4]),
  ces: num(r[5]),
  contact: str(r[6]),
  workOrderId: str(r[7]),
  comment: str(r[8]),
  followUpAt: str(r[9]),
});

const toAsset = (r: Row): AssetFacts => ({
  id: r[1] as string,
  site: str(r[2]),
  location: str(r[3]),
  vendor: r[4] as string,
  model: str(r[5]),
  category: str(r[6]),
  quantity: r[7] as number,
  servicedBy: str(r[8]) as AssetFacts['servicedBy'],
  coverage: str(r[9]) as AssetFacts['coverage'],
  warrantyEnd: str(r[10]),
  installDate: str(r[11]),
  ratedMonthlyVolume: num(r[12]),
  actualMonthlyVolume: num(r[13]),
  asOf: str(r[14]),
});

const toRecommendation = (r: Row, events: readonly RecommendationEvent[]): RecommendationFacts => ({
  id: r[1] as string,
  assetId: str(r[2]),
  workOrderId: str(r[3]),
  madeAt: r[4] as string,
  text: r[5] as string,
  category: str(r[6]),
  severity: str(r[7]) as RecommendationFacts['severity'],
  customerAcknowledged: bool(r[8]),
  status: r[9] as RecommendationFacts['status'],
  decidedAt: str(r[10]),
  origin: r[11] as RecommendationFacts['origin'],
  events,
});

const toEvent = (r: Row): RecommendationEvent => ({
  action: r[2] as RecommendationEvent['action'],
  on: r[3] as string,
  note: str(r[4]),
  by: str(r[5]),
});

const toFootprint = (r: Row): FootprintPoint => ({
  recordedOn: r[1] as string,
  ourQuantity: r[2] as number,
  totalQuantity: r[3] as number,
  vendors: JSON.parse(r[4] as string) as string[],
});

const toTick = (r: Row): ChecklistTickFacts => ({
  itemId: r[1] as string,
  templateVersion: r[2] as number,
  doneOn: r[3] as string,
  expiresOn: str(r[4]),
  note: str(r[5]),
  by: str(r[6]),
});

const toPulse = (r: Row): PulseFacts => ({
  rating: r[1] as PulseFacts['rating'],
  reason: r[2] as string,
  setOn: r[3] as string,
  expiresOn: r[4] as string,
  by: str(r[5]),
});

const accountOf = (row: Row): string => row[0] as string;

function assemble(account: AccountFacts, rows: Record<Exclude<Source, 'accounts'>, Row[]>): AccountEvidence {
  const eventsByRecommendation = new Map<string, RecommendationEvent[]>();
  for (const r of rows.events) {
    const list = eventsByRecommendation.get(r[1] as string);
    if (list) list.push(toEvent(r));
    else eventsByRecommendation.set(r[1] as string, [toEvent(r)]);
  }
  return {
    account,
    workOrders: rows.workOrders.map(toWorkOrder),
    surveys: rows.surveys.map(toSurvey),
    assets: rows.assets.map(toAsset),
    recommendations: rows.recommendations.map((r) => toRecommendation(r, eventsByRecommendation.get(r[1] as string) ?? [])),
    footprint: rows.footprint.map(toFootprint),
    checklistTicks: rows.ticks.map(toTick),
    noteDays: rows.notes.map((r) => r[1] as string),
    pulses: rows.pulses.map(toPulse),
  };
}

const OTHER_SOURCES = (Object.keys(SOURCES) as Source[]).filter((s): s is Exclude<Source, 'accounts'> => s !== 'accounts');

/** One account's evidence, or null when there is no such account. */
type Statement = ReturnType<Db['prepare']>;

// Rescoring after an import asks for one account at a time; compiling ten statements for each
// would cost more than running them.
const oneAccountStatements = new WeakMap<Db, Record<Source, Statement>>();

function statementsFor(db: Db): Record<Source, Statement> {
  let statements = oneAccountStatements.get(db);
  if (!statements) {
    statements = Object.fromEntries((Object.keys(SOURCES) as Source[]).map((source) => [source, db.prepare(evidenceSql(source, 'one')).raw()])) as Record<Source, Statement>;
    oneAccountStatements.set(db, statements);
  }
  return statements;
}

export function loadAccountEvidence(db: Db, accountId: string): AccountEvidence | null {
  const statements = statementsFor(db);
  const accountRow = statements.accounts.get({ account: accountId }) as Row | undefined;
  if (!accountRow) return null;
  const rows = Object.fromEntries(OTHER_SOURCES.map((source) => [source, statements[source].all({ account: accountId }) as Row[]])) as Record<
    Exclude<Source, 'accounts'>,
    Row[]
  >;
  return assemble(toAccount(accountRow), rows);
}

/** Account ids from `from` (inclusive) to `to` (exclusive; null: to the end). */
export interface AccountRange {
  readonly from: string;
  readonly to: string | null;
}

/**
 * The condition on `account_id` that picks a range's accounts, and its parameters: the upper bound
 * named only where there is one, so that SQLite stops there (see CONDITION).
 */
export function accountsIn(range: AccountRange): { readonly scope: Scope; readonly where: string; readonly params: { from: string; to?: string } } {
  const scope: Scope = range.to === null ? 'from' : 'range';
  return { scope, where: CONDITION[scope], params: range.to === null ? { from: range.from } : { from: range.from, to: range.to } };
}

/** Every account's evidence (or a range's), in account id order, one account in memory at a time. */
export function* iterateEvidence(db: Db, range?: AccountRange): Generator<AccountEvidence> {
  const within = range && accountsIn(range);
  const scope = within?.scope ?? 'all';
  const params = within?.params ?? {};
  const cursors = Object.fromEntries(
    OTHER_SOURCES.map((source) => [source, new AccountCursor(db.prepare(evidenceSql(source, scope)).raw().iterate(params) as Iterator<Row>, accountOf)]),
  ) as Record<Exclude<Source, 'accounts'>, AccountCursor<Row>>;
  try {
    for (const accountRow of db.prepare(evidenceSql('accounts', scope)).raw().iterate(params) as Iterable<Row>) {
      const account = toAccount(accountRow);
      const rows = Object.fromEntries(OTHER_SOURCES.map((source) => [source, cursors[source].take(account.id)])) as Record<
        Exclude<Source, 'accounts'>,
        Row[]
      >;
      yield assemble(account, rows);
    }
  } finally {
    for (const cursor of Object.values(cursors)) cursor.close();
  }
}
