/** SQLite orders text by its UTF-8 bytes, which is code-point order; JS `<` compares UTF-16 units. */
export function sortsBefore(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x < y;
    if (x > 0xffff) i++;
  }
  return a.length < b.length;
}

/**
 * Rows ordered by account, handed out one account at a time: a whole portfolio's rows read in one
 * pass instead of one query per account. `key` picks the account id out of a row; accounts must be
 * asked for in ascending order.
 */
export class AccountCursor<Row> {
  private next: Row | undefined;
  constructor(
    private readonly rows: Iterator<Row>,
    private readonly key: (row: Row) => string,
  ) {
    this.next = this.advance();
  }
  private advance(): Row | undefined {
    const step = this.rows.next();
    return step.done ? undefined : step.value;
  }
  /** The rows of `accountId`, skipping any of accounts before it. */
  take(accountId: string): Row[] {
    const out: Row[] = [];
    while (this.next !== undefined && sortsBefore(this.key(this.next), accountId)) this.next = this.advance();
    while (this.next !== undefined && this.key(this.next) === accountId) {
      out.push(this.next);
      this.next = this.advance();
    }
    return out;
  }
  /** Ends the read early: a statement still stepping keeps its connection busy (it could not close). */
  close(): void {
    this.next = undefined;
    this.rows.return?.();
  }
}
