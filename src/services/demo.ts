import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import definition from '../../resources/demo/portfolio.json';
import { generateDemo, type DemoDefinition } from '../demo/generate';
import { toCsv } from '../shared/csv';
import { importFile } from '../import/importer';
import type { AppContext } from './context';
import { readSetting } from '../db/repositories/settings';
import { saveSettings } from './settings';
import { recomputeAll } from './recompute';
import { longWrite } from './long-writes';

export interface DemoSummary {
  accounts: number;
  workOrders: number;
  surveys: number;
  assets: number;
  recommendations: number;
}

/**
 * Writes the built-in demo portfolio into the open database, through the same importer a user's
 * files go through: each file is an import in the history, and can be undone.
 */
export async function loadDemo(ctx: AppContext, asOf?: string): Promise<DemoSummary> {
  const demo = definition as unknown as DemoDefinition;
  const files = generateDemo(demo, asOf ?? ctx.now().toISOString().slice(0, 10));
  if (readSetting(ctx.db, 'company.name') === undefined) saveSettings(ctx.db, { companyName: demo.company, ownVendorName: demo.ourVendor });
  // Its imports hold the write lock over many turns, on a connection of their own: a long write.
  await longWrite(ctx, 'import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ahc-demo-'));
    const writer = ctx.openWriter();
    try {
      for (const file of files) {
        const path = join(dir, file.name);
        writeFileSync(path, toCsv(file.rows));
        await importFile(writer, path, { mapping: { kind: file.kind }, source: 'demo', displayName: `demo/${file.name}`, ownVendor: demo.ourVendor, now: ctx.now });
      }
    } finally {
      if (writer !== ctx.db) writer.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
  await recomputeAll(ctx, { history: true });
  const count = (table: string): number => ctx.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return {
    accounts: count('accounts'),
    workOrders: count('work_orders'),
    surveys: count('survey_responses'),
    assets: count('assets'),
    recommendations: count('recommendations'),
  };
}
