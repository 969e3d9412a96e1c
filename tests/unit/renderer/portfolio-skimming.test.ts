import { describe, expect, it } from 'vitest';
import { SweepWatch } from '../../../src/renderer/features/portfolio/skimming';

const HEIGHT = 600;

describe('sweeping through the portfolio table', () => {
  it('shows whole rows while the table moves less than half a screenful at a time', () => {
    const sweep = new SweepWatch(0);
    for (let frame = 1; frame < 20; frame++) {
      sweep.moved(frame * 120, HEIGHT, frame * 16);
      expect(sweep.skimming).toBe(false);
    }
  });

  it('skims while the table moves by most of a screenful, and shows whole rows again once it slows down or rests', () => {
    const sweep = new SweepWatch(0);
    sweep.moved(HEIGHT, HEIGHT, 16);
    expect(sweep.skimming).toBe(true);
    sweep.moved(2 * HEIGHT, HEIGHT, 32);
    expect(sweep.skimming).toBe(true);
    // Slowed down: whole rows at once.
    sweep.moved(2 * HEIGHT + 40, HEIGHT, 48);
    expect(sweep.skimming).toBe(false);
    sweep.moved(4 * HEIGHT, HEIGHT, 64);
    expect(sweep.skimming).toBe(true);
    // At rest: the table reports where it stopped once more.
    sweep.moved(4 * HEIGHT, HEIGHT, 64 + 120);
    expect(sweep.skimming).toBe(false);
  });

  it('counts the first move from where the table started, and does not skim before it knows how tall the table is', () => {
    const back = new SweepWatch(5000);
    back.moved(5000, HEIGHT, 0);
    expect(back.skimming).toBe(false);
    const sweep = new SweepWatch(0);
    sweep.moved(HEIGHT, HEIGHT, 0);
    expect(sweep.skimming).toBe(true);
    sweep.moved(9000, 0, 16);
    expect(sweep.skimming).toBe(false);
  });

  it("shows whole rows after the table's own Page Down pressed once, and skims while the key is held down", () => {
    const sweep = new SweepWatch(0);
    sweep.steppedByKey(1000);
    sweep.moved(HEIGHT - 36, HEIGHT, 1001);
    expect(sweep.skimming).toBe(false);
    // The key repeats: every step continues the sweep.
    for (let step = 2; step < 6; step++) {
      sweep.steppedByKey(1000 + step * 33);
      sweep.moved(step * (HEIGHT - 36), HEIGHT, 1001 + step * 33);
      expect(sweep.skimming).toBe(true);
    }
    // A key step that scrolled nothing is forgotten: the scroll bar dragged later skims.
    sweep.moved(5 * (HEIGHT - 36), HEIGHT, 1400);
    sweep.steppedByKey(5000);
    sweep.moved(20 * HEIGHT, HEIGHT, 9000);
    expect(sweep.skimming).toBe(true);
  });
});
