import { describe, expect, it } from 'vitest';
import definition from '../../../resources/demo/portfolio.json';
import { generateDemo } from '../../../src/demo/generate';
import { importFile } from '../../../src/import/importer';
import { count } from '../../support/db-state';
import { csv, useTempDir } from '../../support/temp';

type Row = Record<string, string>;

const t = useTempDir();
const AS_OF = '2025-06-30';

describe('the demo portfolio through the importer', () => {
  it('imports every file in order with nothing rejected', async () => {
    const files = generateDemo(definition, AS_OF);
    const db = t.db();
    for (const file of files) {
      const report = await importFile(db, t.file(file.name, csv(file.rows)), { ownVendor: definition.ourVendor, source: 'demo' });
      const rows = file.rows.length - 1;
      expect(report, file.name).toMatchObject({ kind: file.kind, rows, rejectedCount: 0, duplicateCount: 0, skipped: 0, placeholdersCreated: 0 });
      // The later installed base updates the machines that stayed and adds the new ones.
      expect(report.inserted + report.updated + report.unchanged, file.name).toBe(rows);
    }

    const [accounts, earlier, current, workOrders, recommendations, surveys] = files.map((file) => {
      const [header, ...rows] = file.rows;
      return rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i]!])));
    }) as [Row[], Row[], Row[], Row[], Row[], Row[]];
    expect(count(db, 'accounts')).toBe(accounts.length);
    expect(count(db, 'assets')).toBe(new Set([...earlier, ...current].map((a) => a.asset_id)).size);
    expect(count(db, 'work_orders')).toBe(workOrders.length);
    expect(count(db, 'survey_responses')).toBe(surveys.length);
    // The recommendations written on work orders, decided or not, and those made at account reviews.
    const onWorkOrders = workOrders.filter((wo) => wo.recommendation !== '').length;
    const fromReviews = recommendations.filter((r) => r.work_order_id === '').length;
    expect(count(db, 'recommendations')).toBe(onWorkOrders + fromReviews);
    const fileStatuses = new Map(recommendations.map((r) => [r.recommendation_id, r.status]));
    const stored = db.prepare('SELECT recommendation_id, status FROM recommendations').all() as Array<{ recommendation_id: string; status: string }>;
    expect(stored.filter((r) => r.status !== (fileStatuses.get(r.recommendation_id) ?? 'open'))).toEqual([]);

    const statuses = db.prepare('SELECT status, count(*) AS n FROM recommendations GROUP BY status ORDER BY status').all() as Array<{ status: string; n: number }>;
    expect(statuses.map((s) => s.status)).toEqual(['accepted', 'declined', 'done', 'open']);
    expect(db.prepare("SELECT count(*) FROM accounts WHERE placeholder = 1").pluck().get()).toBe(0);
    // Each installed base left a footprint per account, the earlier one dated as it was taken.
    const footprints = db.prepare('SELECT recorded_on, count(*) AS n FROM footprint_history GROUP BY recorded_on ORDER BY recorded_on').all();
    expect(footprints).toEqual([
      { recorded_on: '2024-06-30', n: accounts.length },
      { recorded_on: AS_OF, n: accounts.length },
    ]);
  });
});
