// The portfolio's sparkline as it is kept and sent: the figures of the weeks with a score, oldest
// first, comma-separated ("55.2,56.1,58"). Ten thousand accounts' figures travel as one short
// string each; only the rows on screen are read back into numbers.

/** The text of a weekly trend's figures (weeks without a score left out). */
export function sparklineOf(points: ReadonlyArray<readonly [day: string, loyalty: number | null]>): string {
  return points.flatMap(([, loyalty]) => (loyalty === null ? [] : [String(loyalty)])).join(',');
}

/** The figures back from their text. */
export function readSparkline(text: string | null): number[] {
  const out: number[] = [];
  if (!text) return out;
  for (let start = 0; start <= text.length; ) {
    const end = text.indexOf(',', start);
    const stop = end === -1 ? text.length : end;
    out.push(Number(text.slice(start, stop)));
    start = stop + 1;
  }
  return out;
}
