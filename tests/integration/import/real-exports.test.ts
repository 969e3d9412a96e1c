import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { importFile } from '../../../src/import/importer';
import { undoImport } from '../../../src/import/undo';
import { SHARED_DATA, useTempDir } from '../../support/temp';
import { count } from '../../support/db-state';

// Real exports kept beside the project as test material (never copied in): ../shared/data.
const present = existsSync(join(SHARED_DATA, 'README.md'));
const title = present ? 'real exports in ../shared/data' : 'real exports in ../shared/data — skipped: the folder is absent on this machine';
const full = (name: string) => join(SHARED_DATA, 'full', name);
const sample = (name: string) => join(SHARED_DATA, 'samples', name);

const t = useTempDir();

describe.skipIf(!present)(title, () => {
  it('a multi-vendor installed base with no account column, one value set for all rows', async () => {
    const db = t.db();
    const report = await importFile(db, full('ice_machine_assets.csv'), { mapping: { constants: { account_id: 'ICE-CO' } } });
    expect(report).toMatchObject({ kind: 'assets', rows: 11_423, rejectedCount: 0 });
    expect(report.inserted + report.duplicateCount).toBe(11_423);
    expect(db.prepare("SELECT vendor FROM assets WHERE asset_id = 'SAID-0003462'").pluck().get()).toBe('Hoshizaki America, Inc.');
    expect(db.prepare('SELECT count(DISTINCT vendor) FROM assets').pluck().get()).toBe(33);
    expect(db.prepare("SELECT model FROM assets WHERE model LIKE 'Amerikooler%'").pluck().get()).toContain('10’x10’');
    expect(await importFile(db, full('ice_machine_assets.csv'), { mapping: { constants: { account_id: 'ICE-CO' } } })).toMatchObject({ inserted: 0, updated: 0 });
  });

  it('visits without ids, with M/D/YYYY and Excel serial dates mixed in one column', async () => {
    const db = t.db();
    const options = { mapping: { kind: 'service' as const, constants: { account_id: 'ICE-CO' } } };
    const report = await importFile(db, full('ice_machine_work_orders.csv'), options);
    expect(report).toMatchObject({ rows: 9_669, rejectedCount: 0 });
    expect(report.inserted + report.duplicateCount).toBe(9_669);
    expect(report.detection.dateOrder).toMatch(/^mm\/dd\/yyyy \(decided from row \d+/);
    expect(db.prepare("SELECT count(*) FROM work_orders WHERE opened_at NOT GLOB '20[0-9][0-9]-[01][0-9]-[0-3][0-9]'").pluck().get()).toBe(0);
    expect(await importFile(db, full('ice_machine_work_orders.csv'), options)).toMatchObject({ inserted: 0, updated: 0 });
  });

  it('Latin-1 NPS answers with NA for empty and an unnamed first column', async () => {
    const db = t.db();
    const report = await importFile(db, full('nps_gardencentre_latin1.csv'), {
      mapping: { kind: 'surveys', constants: { account_id: 'GARDEN', responded_at: '2019-06-30' }, columns: { csat: null } },
    });
    expect(report.detection.encoding).toBe('windows-1252');
    expect(report).toMatchObject({ rejectedCount: 0 });
    expect(report.rows + report.skipped).toBe(13_954);
    const comment = db.prepare("SELECT comment FROM survey_responses WHERE comment LIKE 'Il y a tr%'").pluck().get() as string;
    expect(comment).toContain('très peu de caisse ouverte');
  });

  it('a wide accounts file becomes accounts and one year of NPS answers', async () => {
    const db = t.db();
    const accounts = await importFile(db, full('b2b_accounts_nps_churn.csv'), { mapping: { kind: 'accounts', columns: { name: 'ACCT_ID' } } });
    expect(accounts).toMatchObject({ rows: 10_000, inserted: 10_000 });
    const surveys = await importFile(db, full('b2b_accounts_nps_churn.csv'), {
      mapping: { kind: 'surveys', columns: { nps: 'NPS_SCORE_2016' }, constants: { responded_at: '2016-12-31' } },
    });
    expect(surveys).toMatchObject({ placeholdersCreated: 0, rejectedCount: 0 });
    expect(surveys.rows).toBeGreaterThan(1_000);
    expect(surveys.rows + surveys.skipped).toBe(10_000);
    expect(db.prepare('SELECT min(nps), max(nps) FROM survey_responses').raw().get()).toEqual([0, 10]);
  });

  it('per-machine maintenance and failures with ISO timestamps carrying microseconds', async () => {
    const db = t.db();
    await importFile(db, full('azure_PdM_machines.csv'), { mapping: { kind: 'assets', constants: { account_id: 'PLANT', vendor: 'Contoso' } } });
    const maintenance = await importFile(db, full('azure_PdM_maintenance.csv'), { mapping: { kind: 'service', constants: { account_id: 'PLANT', type: 'preventive' } } });
    const failures = await importFile(db, full('azure_PdM_failures.csv'), { mapping: { kind: 'service', constants: { account_id: 'PLANT', type: 'break_fix' } } });
    expect(maintenance.rejectedCount + failures.rejectedCount).toBe(0);
    expect(count(db, 'assets')).toBe(100);
    expect(db.prepare("SELECT opened_at FROM work_orders WHERE type = 'break_fix' ORDER BY opened_at LIMIT 1").pluck().get()).toBe('2015-01-02T03:00:00');
  });

  it('Qualtrics: three header rows, never imported as data', async () => {
    const db = t.db();
    const report = await importFile(db, sample('qualtrics_export_sample_qualtRics.csv'), { mapping: { constants: { account_id: 'Q' }, columns: { comment: 'Q2' } } });
    expect(report).toMatchObject({ kind: 'surveys', rows: 1, inserted: 1, detection: { headerRows: [1, 2, 3], tool: 'qualtrics', vendor: 'Qualtrics survey responses' } });
    expect(db.prepare('SELECT response_id, responded_at, comment FROM survey_responses').get()).toEqual({ response_id: 'R_2YPOQ602ER1jkf1', responded_at: '2017-07-18T08:28:48', comment: 'Hello World!' });
    const legacy = await importFile(db, sample('qualtrics_legacy_export_sample_qualtRics.csv'), { mapping: { constants: { account_id: 'Q' }, columns: { comment: 'Q2' } } });
    expect(legacy).toMatchObject({ rows: 1, detection: { headerRows: [1, 2], tool: 'qualtrics_legacy' } });
  });

  it('SurveyMonkey: two header rows and a stray legacy byte', async () => {
    const db = t.db();
    const report = await importFile(db, sample('surveymonkey_export_starwars_first50.csv'), {
      mapping: { constants: { account_id: 'SW', responded_at: '2014-06-01' }, columns: { comment: 'Which character shot first?' } },
    });
    expect(report).toMatchObject({ kind: 'surveys', detection: { headerRows: [1, 2], tool: 'surveymonkey', encoding: 'windows-1252' }, rejectedCount: 0 });
    expect(report.rows + report.skipped).toBe(50);
    expect(db.prepare("SELECT count(*) FROM survey_responses WHERE comment = 'Response'").pluck().get()).toBe(0);
  });

  it('Salesforce: quoted everything, 0/1 booleans, empty lookups; competitor products marked', async () => {
    const db = t.db();
    const report = await importFile(db, sample('salesforce_dataexport_Asset_first20.csv'));
    expect(report).toMatchObject({ kind: 'assets', rows: 20, inserted: 20, detection: { vendor: 'Salesforce Field Service Asset' } });
    expect(db.prepare("SELECT count(*) FROM assets WHERE site IS NOT NULL OR serviced_by <> 'us'").pluck().get()).toBe(0);
    const header = await importFile(db, sample('salesforce_dataexport_WorkOrder_header.csv'));
    expect(header).toMatchObject({ kind: 'service', rows: 0, detection: { vendor: 'Salesforce Field Service WorkOrder' } });
    expect(header.warnings).toContain('The file has a header but no data rows.');
    await expect(importFile(db, sample('salesforce_dataexport_WorkOrderLineItem_header.csv'))).rejects.toThrow(/WorkOrderLineItem export .* Import the WorkOrder export instead/);
  });

  it('every real import can be undone whole', async () => {
    const db = t.db();
    const report = await importFile(db, full('ice_machine_assets.csv'), { mapping: { constants: { account_id: 'ICE-CO' } } });
    undoImport(db, report.importId!);
    expect(count(db, 'assets') + count(db, 'accounts')).toBe(0);
  });
});
