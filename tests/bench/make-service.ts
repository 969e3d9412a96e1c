// Writes a deterministic synthetic work-order file:
//   npx tsx tests/bench/make-service.ts OUT.csv ROWS [ACCOUNTS]
import { writeServiceCsv } from './synthetic';

const [out, rows, accounts = '10000'] = process.argv.slice(2);
if (!out || !rows) throw new Error('usage: make-service.ts OUT.csv ROWS [ACCOUNTS]');
await writeServiceCsv(out, Number(rows), Number(accounts));
