import { describe, expect, it } from 'vitest';
import { daysSince, daysUntil, spellDayCounts, spelledAlert } from '../../../../src/domain/alerts/day-counts';

describe('day counts in alert text', () => {
  it('spells the days since a day or a time, counting whole days to the day read', () => {
    expect(spellDayCounts(`last reminded on 18 Apr 2025, ${daysSince('2025-04-18')} ago`, '2026-11-23')).toBe('last reminded on 18 Apr 2025, 584 days ago');
    expect(spellDayCounts(`answered ${daysSince('2026-11-20T16:30:00')} ago`, '2026-11-23')).toBe('answered 2 days ago');
    expect(spellDayCounts(`after ${daysSince('2026-11-22')}`, '2026-11-23')).toBe('after 1 day');
  });

  it('spells the days until a day', () => {
    expect(spellDayCounts(`renews in ${daysUntil('2027-01-31')}`, '2026-11-23')).toBe('renews in 69 days');
    expect(spellDayCounts(`renews in ${daysUntil('2026-11-24')}`, '2026-11-24')).toBe('renews in 0 days');
  });

  it('says 0, not a negative count, when read as of a day before the mark', () => {
    expect(spellDayCounts(`open ${daysSince('2026-11-23')}`, '2026-11-01')).toBe('open 0 days');
  });

  it('spells every mark in a text and leaves other text, brackets included, as it is', () => {
    const text = `From ${daysSince('2026-01-01')} to ${daysUntil('2026-12-31')}; "⟦days since someday⟧" stays`;
    expect(spellDayCounts(text, '2026-07-01')).toBe('From 181 days to 183 days; "⟦days since someday⟧" stays');
    expect(spellDayCounts('No marks here', '2026-07-01')).toBe('No marks here');
  });

  it('gives back the same alert when nothing in it counts days', () => {
    const alert = { id: 'a', title: 'Loyalty fell 12 points in 30 days', detail: 'Plain.' };
    expect(spelledAlert(alert, '2026-07-01')).toBe(alert);
    expect(spelledAlert({ ...alert, detail: `For ${daysSince('2026-06-30')}.` }, '2026-07-01')).toEqual({ ...alert, detail: 'For 1 day.' });
  });
});
