import { describe, expect, it } from 'vitest';
import { calendarWeeks, calendarWindow } from './calendar.js';

describe('the home page’s calendar of scheduled stories', () => {
  it('starts on the Monday of the current week and puts each entry on its day in the zone', () => {
    // Saturday 28 November 2026, 09:00 UTC.
    const now = new Date('2026-11-28T09:00:00Z');
    const weeks = calendarWeeks(now, 'UTC', 5, [
      { at: '2026-11-30T10:00:00.000Z', value: 'monday' },
      { at: '2026-12-27T23:59:00.000Z', value: 'last-day' },
      { at: '2026-12-28T00:00:00.000Z', value: 'beyond' },
    ]);
    expect(weeks).toHaveLength(5);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeks[0]?.[0]?.date).toBe('2026-11-23');
    expect(weeks[0]?.[5]).toMatchObject({ date: '2026-11-28', isToday: true, isPast: false });
    expect(weeks[0]?.[4]).toMatchObject({ date: '2026-11-27', isPast: true });
    expect(weeks[1]?.[0]).toMatchObject({ date: '2026-11-30', entries: ['monday'] });
    expect(weeks[4]?.[6]).toMatchObject({ date: '2026-12-27', entries: ['last-day'] });
    expect(weeks.flat().flatMap((d) => d.entries)).not.toContain('beyond');
  });

  it('places an instant on the local date of the newsroom’s zone, not UTC’s', () => {
    const now = new Date('2026-11-28T09:00:00Z');
    // 20:00 UTC on Monday is already Tuesday 04:00 in Shanghai.
    const weeks = calendarWeeks(now, 'Asia/Shanghai', 2, [{ at: '2026-11-30T20:00:00.000Z', value: 'late' }]);
    expect(weeks[1]?.[1]).toMatchObject({ date: '2026-12-01', entries: ['late'] });
    expect(weeks[1]?.[0]?.entries).toEqual([]);
  });

  it('keeps seven distinct dates a week across a daylight-saving change', () => {
    const now = new Date('2026-10-20T12:00:00Z');
    const dates = calendarWeeks(now, 'Europe/Berlin', 3, [])
      .flat()
      .map((d) => d.date);
    expect(new Set(dates).size).toBe(21);
    expect(dates).toContain('2026-10-25');
    expect(dates).toContain('2026-10-26');
  });

  it('asks the store for a window that covers every day shown, with a day of slack for zones', () => {
    const weeks = calendarWeeks(new Date('2026-11-28T09:00:00Z'), 'UTC', 5, []);
    expect(calendarWindow(weeks)).toEqual({
      from: '2026-11-22T00:00:00.000Z',
      to: '2026-12-29T00:00:00.000Z',
    });
  });
});
