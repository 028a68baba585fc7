import { describe, expect, it } from 'vitest';
import {
  formatInZone,
  fromZonedLocal,
  isTimeZone,
  offsetLabel,
  timeZones,
  toZonedLocal,
} from './time-zone.js';

const utc = (value: string, zone: string) => {
  const result = fromZonedLocal(value, zone);
  return result.ok ? result.instant.toISOString() : result.reason;
};

describe('fromZonedLocal', () => {
  it('reads a local time in the zone as UTC, in winter and in summer', () => {
    expect(utc('2026-01-15T09:00', 'Europe/Berlin')).toBe('2026-01-15T08:00:00.000Z');
    expect(utc('2026-07-15T09:00', 'Europe/Berlin')).toBe('2026-07-15T07:00:00.000Z');
    expect(utc('2026-07-15T09:00', 'Asia/Shanghai')).toBe('2026-07-15T01:00:00.000Z');
    expect(utc('2026-01-01T00:30', 'Asia/Shanghai')).toBe('2025-12-31T16:30:00.000Z');
    expect(utc('2026-07-15T09:00', 'UTC')).toBe('2026-07-15T09:00:00.000Z');
    expect(utc('2026-07-15T09:00', 'Asia/Kolkata')).toBe('2026-07-15T03:30:00.000Z');
  });

  it('refuses a time skipped when clocks spring forward (Berlin, 29 March 2026, 02:00 → 03:00)', () => {
    expect(utc('2026-03-29T02:30', 'Europe/Berlin')).toBe('nonexistent');
    expect(utc('2026-03-29T01:59', 'Europe/Berlin')).toBe('2026-03-29T00:59:00.000Z');
    expect(utc('2026-03-29T03:00', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the first of a time that happens twice when clocks fall back (25 October 2026)', () => {
    expect(utc('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(utc('2026-10-25T03:30', 'Europe/Berlin')).toBe('2026-10-25T02:30:00.000Z');
  });

  it('refuses what is not a calendar time', () => {
    for (const value of [
      '2026-02-30T09:00',
      '2026-13-01T09:00',
      '2026-01-01T24:00',
      '09:00',
      '',
      '2026-01-01 09:00',
    ]) {
      expect(utc(value, 'Europe/Berlin')).toBe('invalid');
    }
  });

  it('round-trips with toZonedLocal every hour across both Berlin changes', () => {
    for (let hour = 0; hour < 24 * 2; hour++) {
      for (const start of [Date.UTC(2026, 2, 28), Date.UTC(2026, 9, 24)]) {
        const instant = new Date(start + hour * 3_600_000);
        const local = toZonedLocal(instant, 'Europe/Berlin');
        const back = fromZonedLocal(local, 'Europe/Berlin');
        expect(back.ok).toBe(true);
        // The repeated autumn hour reads back as its first occurrence, an hour earlier at most.
        if (back.ok) expect(instant.getTime() - back.instant.getTime()).toBeOneOf([0, 3_600_000]);
      }
    }
  });
});

describe('formatInZone', () => {
  it('shows the local time with the offset in force then', () => {
    expect(formatInZone('2026-03-29T07:00:00.000Z', 'Europe/Berlin')).toBe('2026-03-29 09:00 UTC+2');
    expect(formatInZone('2026-01-15T08:00:00.000Z', 'Europe/Berlin')).toBe('2026-01-15 09:00 UTC+1');
    expect(formatInZone('2026-07-15T01:00:00.000Z', 'Asia/Shanghai')).toBe('2026-07-15 09:00 UTC+8');
    expect(formatInZone('2026-07-15T09:00:00.000Z', 'UTC')).toBe('2026-07-15 09:00 UTC');
    expect(offsetLabel(new Date('2026-07-15T00:00:00Z'), 'America/St_Johns')).toBe('UTC-2:30');
  });
});

describe('isTimeZone', () => {
  it('accepts IANA names Intl knows, refuses others', () => {
    expect(timeZones()).toContain('Europe/Berlin');
    for (const zone of ['UTC', 'Europe/Berlin', 'Asia/Shanghai', 'America/Argentina/Buenos_Aires']) {
      expect(isTimeZone(zone)).toBe(true);
    }
    for (const zone of ['Mars/Olympus', '', 'Europe/Berlin ', '+08:00', '<script>', 'Europe/../../etc']) {
      expect(isTimeZone(zone)).toBe(false);
    }
  });
});
