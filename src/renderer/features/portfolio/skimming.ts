/** A move of more than this share of the visible height brings mostly new rows. */
const SKIM_SHARE = 0.5;
/** Two such moves at most this far apart are one sweep (a dragged scroll bar, a held-down key). */
const SWEEP_GAP_MS = 150;
/** How long after the last move the table is at rest, and its rows drawn whole again. */
export const SETTLE_MS = 120;

/**
 * Whether the table is being swept through: moved by most of a screenful at once, as a dragged
 * scroll bar or a held-down key moves it, faster than anyone reads. Its rows then show their names
 * and loyalty only (a screenful of whole rows each frame takes longer than a frame to draw), and
 * whole again once the table slows down or has rested for SETTLE_MS. The table's own Page Down
 * pressed once is not a sweep: it shows whole rows at once.
 */
export class SweepWatch {
  private lastBigMove = Number.NEGATIVE_INFINITY;
  private keyStepAt = Number.NEGATIVE_INFINITY;
  #skimming = false;

  /** `lastOffset`: where the table starts. */
  constructor(private lastOffset: number) {}

  get skimming(): boolean {
    return this.#skimming;
  }

  /** Told each scroll position as the table moves, and once more at rest, before it renders. */
  moved(offset: number, visibleHeight: number, now: number): void {
    const big = visibleHeight > 0 && Math.abs(offset - this.lastOffset) > visibleHeight * SKIM_SHARE;
    const byKey = now - this.keyStepAt <= SWEEP_GAP_MS;
    this.#skimming = big && (!byKey || now - this.lastBigMove <= SWEEP_GAP_MS);
    this.keyStepAt = Number.NEGATIVE_INFINITY;
    if (big) this.lastBigMove = now;
    this.lastOffset = offset;
  }

  /** The next move is the table's own key step: a sweep only if the key is held down. */
  steppedByKey(now: number): void {
    this.keyStepAt = now;
  }
}
