import type Database from 'better-sqlite3';
import type { Migration } from './index';

// Scoring reads every account's work orders in order, a million of them at portfolio scale. Through
// the old (account, opened) index each row was a jump to wherever the table holds it, and the
// order needed a sort. This index holds, in that order, every column scoring reads, so the read is
// one walk down the index and never touches the table.

export const WORK_ORDER_SCORING_COLUMNS = [
  'asset_id',
  'site',
  'type',
  'promised_at',
  'arrived_at',
  'completed_at',
  'status',
  'fixed_first_time',
  'parts_missing',
  'technician',
  'billed_amount',
  'follow_up_at',
  'customer_signed',
  'reminded_recommendation_ids',
] as const;

export const m0006WorkOrdersForScoring: Migration = {
  version: 6,
  name: 'work-orders-for-scoring',
  up(db: Database.Database) {
    db.exec(`
      DROP INDEX work_orders_by_account;
      CREATE INDEX work_orders_for_scoring ON work_orders(account_id, opened_at, work_order_id, ${WORK_ORDER_SCORING_COLUMNS.join(', ')});
    `);
  },
};
