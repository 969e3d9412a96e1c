// The API as the interface calls it: the whole portfolio sorted by loyalty, and one account with
// everything its view shows. Each call is timed through the dispatcher (validation, handler) and
// the JSON encoding every transport does.
//   node api.mjs --db FILE.db --as-of DATE [--calls 200]
import { openContext } from '../../../src/services/context';
import { createHandlers } from '../../../src/services/handlers';
import { createDispatcher } from '../../../src/services/dispatcher';
import { emit, options, percentile, required, round } from './common';

const opts = options();
const asOf = required(opts, 'as-of');
const calls = Number(opts.get('calls') ?? 200);
const ctx = openContext(required(opts, 'db'), { now: () => new Date(`${asOf}T10:00:00Z`) });
const dispatch = createDispatcher(createHandlers(ctx));

async function timed(method: string, args: unknown): Promise<{ ms: number; bytes: number }> {
  const started = performance.now();
  const response = await dispatch(method, args);
  const body = JSON.stringify(response);
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${method}: ${response.error.message}`);
  return { ms, bytes: body.length };
}

const ids = ctx.db.prepare('SELECT account_id FROM accounts ORDER BY account_id').pluck().all() as string[];
for (let i = 0; i < 5; i++) await timed('accounts/list', { sort: 'loyalty' });
const list: number[] = [];
let bytes = 0;
for (let i = 0; i < calls; i++) {
  const r = await timed('accounts/list', { sort: 'loyalty' });
  list.push(r.ms);
  bytes = r.bytes;
}
for (let i = 0; i < 5; i++) await timed('account/get', { accountId: ids[i]! });
const account: number[] = [];
for (let i = 0; i < calls; i++) account.push((await timed('account/get', { accountId: ids[Math.floor((i * ids.length) / calls)]! })).ms);
ctx.close();
emit({
  list_p50_ms: round(percentile(list, 0.5)),
  list_p95_ms: round(percentile(list, 0.95)),
  account_p50_ms: round(percentile(account, 0.5)),
  account_p95_ms: round(percentile(account, 0.95)),
  list_bytes: bytes,
});
