import type Database from 'better-sqlite3';
import type { Migration } from './index';

// As 0006 did for work orders: rescoring an account reads its surveys, installed base and
// recommendations through an index on the account alone, then jumps into the table for every row
// (imported in date order, so an account's rows lie far apart) and sorts them. These indexes hold,
// in the order scoring reads them, every column it reads: one walk, no table, no sort.

const EVIDENCE_INDEXES = {
  survey_responses_for_scoring: {
    table: 'survey_responses',
    replaces: 'survey_responses_by_account',
    columns: ['account_id', 'responded_at', 'response_id', 'nps', 'csat', 'ces', 'contact', 'work_order_id', 'comment', 'follow_up_at'],
  },
  assets_for_scoring: {
    table: 'assets',
    replaces: 'assets_by_account',
    columns: [
      'account_id',
      'asset_id',
      'site',
      'location',
      'vendor',
      'model',
      'category',
      'quantity',
      'serviced_by',
      'coverage',
      'warranty_end',
      'install_date',
      'rated_monthly_volume',
      'actual_monthly_volume',
      'as_of',
    ],
  },
  recommendations_for_scoring: {
    table: 'recommendations',
    replaces: 'recommendations_by_account',
    columns: ['account_id', 'made_at', 'recommendation_id', 'asset_id', 'work_order_id', 'text', 'category', 'severity', 'customer_acknowledged', 'status', 'decided_at', 'origin'],
  },
} as const;

export const m0007EvidenceIndexes: Migration = {
  version: 7,
  name: 'evidence-indexes',
  up(db: Database.Database) {
    for (const [name, index] of Object.entries(EVIDENCE_INDEXES)) {
      db.exec(`DROP INDEX ${index.replaces}; CREATE INDEX ${name} ON ${index.table}(${index.columns.join(', ')});`);
    }
  },
};
