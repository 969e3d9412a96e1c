import { importFiles } from '../../src/services/import-files';
import { testApp } from './context';
import { csv } from './temp';

/** A closed data file holding a few hundred accounts, and the page their table starts on. */
export async function savedPortfolio(dir: string, csvFile: (name: string, text: string) => string): Promise<{ file: string; accountsRoot: number }> {
  const { ctx } = testApp(dir);
  const rows = Array.from({ length: 300 }, (_, i) => [`A${i}`, `Customer ${i} of a long name`]);
  await importFiles(ctx, { paths: [csvFile('accounts.csv', csv([['account_id', 'name'], ...rows]))] });
  const accountsRoot = ctx.db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'accounts'").pluck().get() as number;
  ctx.close();
  return { file: ctx.dataFile, accountsRoot };
}
