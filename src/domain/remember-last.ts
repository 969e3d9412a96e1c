/**
 * `compute` answering again without working anything out when called with the very same arguments
 * as the call before (each compared with ===). Accounts are scored one after another, and the
 * score, the checklist and the alert rules ask the same questions of one account: the last answer is
 * all there is to remember. Weak maps of every list seen made each garbage collection trace their
 * entries, which cost more time than the work they saved.
 */
export function rememberLast<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A): R => {
    if (last && last.args.length === args.length && last.args.every((value, i) => value === args[i])) return last.result;
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}
