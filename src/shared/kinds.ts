// The five kinds of file the app imports and their canonical fields (DOMAIN.md, "Data that comes in").
// Pure data: used by the importer, the command line and the renderer's mapping screen.

export const KINDS = ['accounts', 'assets', 'service', 'recommendations', 'surveys'] as const;
export type Kind = (typeof KINDS)[number];

export type FieldType =
  | 'id'
  | 'text'
  | 'enum'
  | 'date'
  | 'datetime'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'idlist';

export interface FieldDef {
  readonly name: string;
  readonly type: FieldType;
  /** The file must provide it (a column, or one value for every row). */
  readonly required?: boolean;
  /** An id that is made from the row's content when the file has none. */
  readonly generated?: boolean;
  readonly values?: readonly string[];
  readonly defaultValue?: string | number;
  readonly min?: number;
  readonly max?: number;
  readonly label: string;
}

export const CONTRACT_TYPES = ['full_service', 'warranty', 'time_and_materials', 'none'] as const;
export const SERVICED_BY = ['us', 'competitor', 'third_party', 'self'] as const;
export const COVERAGES = ['contract', 'warranty', 'time_and_materials', 'none'] as const;
export const WORK_ORDER_TYPES = ['break_fix', 'preventive', 'install', 'inspection', 'other'] as const;
export const WORK_ORDER_STATUSES = ['completed', 'incomplete', 'cancelled'] as const;
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const RECOMMENDATION_CATEGORIES = ['replace', 'upgrade', 'repair', 'training', 'contract'] as const;
export const RECOMMENDATION_STATUSES = ['open', 'accepted', 'declined', 'done'] as const;

export type ContractType = (typeof CONTRACT_TYPES)[number];
export type ServicedBy = (typeof SERVICED_BY)[number];
export type Coverage = (typeof COVERAGES)[number];
export type WorkOrderType = (typeof WORK_ORDER_TYPES)[number];
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];
export type Severity = (typeof SEVERITIES)[number];
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number];

const f = (name: string, type: FieldType, label: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  type,
  label,
  ...extra,
});

export const FIELDS: Readonly<Record<Kind, readonly FieldDef[]>> = {
  accounts: [
    f('account_id', 'id', 'Account id', { required: true }),
    f('name', 'text', 'Account name', { required: true }),
    f('segment', 'text', 'Segment'),
    f('region', 'text', 'Region'),
    f('owner', 'text', 'Account owner'),
    f('contract_type', 'enum', 'Contract type', { values: CONTRACT_TYPES }),
    f('contract_renewal_date', 'date', 'Contract renewal date'),
    f('annual_value', 'number', 'Annual value', { min: 0 }),
  ],
  assets: [
    f('account_id', 'id', 'Account id', { required: true }),
    f('asset_id', 'id', 'Asset id (serial)', { generated: true }),
    f('site', 'text', 'Site'),
    f('location', 'text', 'Location (floor / department)'),
    f('vendor', 'text', 'Vendor', { required: true }),
    f('model', 'text', 'Model'),
    f('category', 'text', 'Category'),
    f('quantity', 'integer', 'Quantity', { min: 0, max: 1_000_000, defaultValue: 1 }),
    f('serviced_by', 'enum', 'Serviced by', { values: SERVICED_BY }),
    f('coverage', 'enum', 'Coverage', { values: COVERAGES }),
    f('warranty_end', 'date', 'Warranty end'),
    f('install_date', 'date', 'Install date'),
    f('rated_monthly_volume', 'number', 'Rated monthly volume', { min: 0 }),
    f('actual_monthly_volume', 'number', 'Actual monthly volume', { min: 0 }),
    f('as_of', 'date', 'Known as of'),
  ],
  service: [
    f('work_order_id', 'id', 'Work order id', { generated: true }),
    f('account_id', 'id', 'Account id', { required: true }),
    f('asset_id', 'id', 'Asset id'),
    f('site', 'text', 'Site'),
    f('type', 'enum', 'Visit type', { values: WORK_ORDER_TYPES, defaultValue: 'other' }),
    f('opened_at', 'datetime', 'Opened', { required: true }),
    f('promised_at', 'datetime', 'Promised arrival'),
    f('arrived_at', 'datetime', 'Arrived'),
    f('completed_at', 'datetime', 'Completed'),
    f('status', 'enum', 'Status', { values: WORK_ORDER_STATUSES }),
    f('fixed_first_time', 'boolean', 'Fixed first time'),
    f('parts_missing', 'boolean', 'Parts missing'),
    f('technician', 'text', 'Technician'),
    f('labor_hours', 'number', 'Labour hours', { min: 0, max: 10_000 }),
    f('billed_amount', 'number', 'Billed amount'),
    f('follow_up_at', 'datetime', 'Followed up'),
    f('customer_signed', 'boolean', 'Customer signed'),
    f('recommendation', 'text', 'Recommendation'),
    f('recommendation_severity', 'enum', 'Recommendation severity', { values: SEVERITIES }),
    f('reminded_recommendation_ids', 'idlist', 'Recommendations reminded of'),
    f('notes', 'text', 'Notes'),
  ],
  recommendations: [
    f('recommendation_id', 'id', 'Recommendation id', { generated: true }),
    f('account_id', 'id', 'Account id', { required: true }),
    f('asset_id', 'id', 'Asset id'),
    f('work_order_id', 'id', 'Work order id'),
    f('made_at', 'date', 'Made on', { required: true }),
    f('text', 'text', 'Recommendation', { required: true }),
    f('category', 'enum', 'Category', { values: RECOMMENDATION_CATEGORIES }),
    f('severity', 'enum', 'Severity', { values: SEVERITIES }),
    f('customer_acknowledged', 'boolean', 'Customer acknowledged'),
    f('status', 'enum', 'Status', { values: RECOMMENDATION_STATUSES, defaultValue: 'open' }),
    f('decided_at', 'date', 'Decided on'),
  ],
  surveys: [
    f('response_id', 'id', 'Response id', { generated: true }),
    f('account_id', 'id', 'Account id', { required: true }),
    f('responded_at', 'datetime', 'Responded', { required: true }),
    f('nps', 'integer', 'NPS (0–10)', { min: 0, max: 10 }),
    f('csat', 'number', 'CSAT (1–5)', { min: 1, max: 5 }),
    f('ces', 'number', 'Customer effort (1–7)', { min: 1, max: 7 }),
    f('contact', 'text', 'Contact'),
    f('work_order_id', 'id', 'Work order id'),
    f('comment', 'text', 'Comment'),
    f('follow_up_at', 'datetime', 'Followed up'),
  ],
};

/** The field that identifies a row of each kind. */
export const ID_FIELD: Readonly<Record<Kind, string>> = {
  accounts: 'account_id',
  assets: 'asset_id',
  service: 'work_order_id',
  recommendations: 'recommendation_id',
  surveys: 'response_id',
};

/** The table each kind lands in. */
export const KIND_TABLE: Readonly<Record<Kind, string>> = {
  accounts: 'accounts',
  assets: 'assets',
  service: 'work_orders',
  recommendations: 'recommendations',
  surveys: 'survey_responses',
};

export const KIND_LABEL: Readonly<Record<Kind, string>> = {
  accounts: 'Accounts',
  assets: 'Installed base',
  service: 'Work orders',
  recommendations: 'Recommendations',
  surveys: 'Survey responses',
};

export function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

export function fieldOf(kind: Kind, name: string): FieldDef | undefined {
  return FIELDS[kind].find((d) => d.name === name);
}
