import { openContext } from '../../services/context';
import { loadDemo } from '../../services/demo';
import { EXIT, number, type Output } from '../output';
import { isoDate, parse, requireString } from '../options';

export async function demoCommand(argv: string[], io: Output): Promise<number> {
  const { values } = parse(argv, { db: { type: 'string' }, 'as-of': { type: 'string' } });
  const dbPath = requireString(values, 'db');
  const asOf = isoDate(values['as-of'], 'as-of');
  const ctx = openContext(dbPath, { singleConnection: true });
  try {
    const s = await loadDemo(ctx, asOf);
    io.out(
      `Wrote the demo portfolio to ${dbPath}: ${number(s.accounts)} accounts, ${number(s.assets)} machines in the installed base, ` +
        `${number(s.workOrders)} work orders, ${number(s.recommendations)} recommendations, ${number(s.surveys)} survey responses.`,
    );
    return EXIT.ok;
  } finally {
    ctx.close();
  }
}
