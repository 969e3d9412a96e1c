// Rows of the five files, under the canonical column names of src/shared/kinds.ts: dates as
// YYYY-MM-DD, timestamps as YYYY-MM-DDTHH:MM:SS, booleans as 1/0, empty for no value.

import { FIELDS, type Kind } from '../shared/kinds';
import { coverageOn, isPresent, servicedByOn, type World } from './context';
import type { Account, AccountHistory, Machine, Recommendation, SurveyResponse, WorkOrder } from './model';
import { formatDay, formatMinute } from './time';

type Cell = string | number | boolean | null;
type Record_ = Readonly<Partial<Record<string, Cell>>>;

export function header(kind: Kind): string[] {
  return FIELDS[kind].map((f) => f.name);
}

/** Cells in the order of the header; a field the record lacks is empty. */
export function rowOf(columns: readonly string[], record: Record_): string[] {
  return columns.map((column) => cell(record[column] ?? null));
}

function cell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

const day = (value: number | null): string | null => (value === null ? null : formatDay(value));
const minute = (value: number | null): string | null => (value === null ? null : formatMinute(value));

export function accountRecord(account: Account, history: AccountHistory, world: World): Record_ {
  const ourQuantity = history.machines
    .filter((m) => isPresent(m, world.asOfDay) && servicedByOn(m, world.asOfDay) === 'us')
    .reduce((sum, m) => sum + m.quantity, 0);
  // Without a contract the account still spends something on visits, at a fraction of a contract's value.
  const value = ourQuantity * account.valuePerMachine * (account.contractType === 'none' ? 0.35 : 1);
  return {
    account_id: account.id,
    name: account.name,
    segment: account.segment.name,
    region: account.region,
    owner: account.owner,
    contract_type: account.contractType,
    contract_renewal_date: day(account.renewalDay),
    annual_value: Math.max(500, Math.round(value / 100) * 100),
  };
}

/** A machine as the installed base of `asOf` knew it. */
export function assetRecord(machine: Machine, account: Account, asOf: number, earlier: boolean): Record_ {
  return {
    account_id: account.id,
    asset_id: machine.id,
    site: machine.site,
    location: machine.location,
    vendor: machine.vendor,
    model: machine.model,
    category: machine.category.name,
    quantity: machine.quantity,
    serviced_by: servicedByOn(machine, asOf),
    coverage: coverageOn(machine, account, asOf),
    warranty_end: formatDay(machine.warrantyEndDay),
    install_date: formatDay(machine.installDay),
    rated_monthly_volume: machine.rated,
    actual_monthly_volume: earlier ? machine.actualEarlier : machine.actual,
    as_of: formatDay(asOf),
  };
}

export function workOrderRecord(visit: WorkOrder): Record_ {
  return {
    work_order_id: visit.id,
    account_id: visit.account.id,
    asset_id: visit.machine.id,
    site: visit.machine.site,
    type: visit.type,
    opened_at: minute(visit.opened),
    promised_at: minute(visit.promised),
    arrived_at: minute(visit.arrived),
    completed_at: minute(visit.completed),
    status: visit.status,
    fixed_first_time: visit.fixedFirstTime,
    parts_missing: visit.partsMissing,
    technician: visit.technician,
    labor_hours: visit.laborHours,
    billed_amount: visit.billed === null ? null : visit.billed.toFixed(2),
    follow_up_at: minute(visit.followUp),
    customer_signed: visit.signed,
    recommendation: visit.recommendation?.definition.text ?? null,
    recommendation_severity: visit.recommendation?.definition.severity ?? null,
    reminded_recommendation_ids: visit.reminded.length > 0 ? visit.reminded.map((r) => r.id).join(';') : null,
    notes: visit.notes,
  };
}

/** A recommendation's row in the recommendations file; made_at matches the date the work order gives it. */
export function recommendationRecord(recommendation: Recommendation): Record_ {
  const { decision, definition } = recommendation;
  return {
    recommendation_id: recommendation.id,
    account_id: recommendation.account.id,
    asset_id: recommendation.machine?.id ?? null,
    work_order_id: recommendation.workOrder?.id ?? null,
    made_at: formatDay(recommendation.madeDay),
    text: definition.text,
    category: definition.category,
    severity: definition.severity,
    customer_acknowledged: decision?.acknowledged ?? null,
    status: decision?.status ?? 'open',
    decided_at: day(decision?.day ?? null),
  };
}

export function surveyRecord(response: SurveyResponse): Record_ {
  return {
    response_id: response.id,
    account_id: response.account.id,
    responded_at: formatMinute(response.responded),
    nps: response.nps,
    csat: response.csat,
    ces: response.ces,
    contact: response.contact,
    work_order_id: response.workOrder?.id ?? null,
    comment: response.comment === '' ? null : response.comment,
    follow_up_at: minute(response.followUp),
  };
}
