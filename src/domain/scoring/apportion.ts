/**
 * Rounds values to tenths so that they add up exactly to `total` rounded to tenths: the shown
 * points of the drivers add up to the shown points of their component (largest remainders).
 */
export function apportion(values: readonly number[], total: number): number[] {
  const target = Math.round(total * 10);
  const tenths = values.map((v) => v * 10);
  const floors = tenths.map((v) => Math.floor(v));
  let missing = target - floors.reduce((a, b) => a + b, 0);
  const order = tenths.map((v, i) => ({ i, rest: v - Math.floor(v) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  const out = [...floors];
  for (let k = 0; missing > 0 && order.length > 0; k = (k + 1) % order.length, missing--) out[order[k]!.i]! += 1;
  for (let k = order.length - 1; missing < 0 && order.length > 0; k = (k - 1 + order.length) % order.length, missing++) out[order[k]!.i]! -= 1;
  return out.map((v) => v / 10);
}

export const round1 = (v: number): number => Math.round(v * 10) / 10;
