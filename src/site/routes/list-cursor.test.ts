import { describe, expect, it } from 'vitest';
import { formatListCursor, parseListCursor } from './list-cursor.js';

describe('list cursors', () => {
  it('round-trips a story position', () => {
    const cursor = { firstPublishedAt: '2026-11-20T08:00:00.000Z', storyId: 42 };
    expect(formatListCursor(cursor)).toBe('20261120T080000.000Z_42');
    expect(parseListCursor('20261120T080000.000Z_42')).toEqual(cursor);
  });

  it.each([
    ['empty', ''],
    ['the extended ISO form', '2026-11-20T08:00:00.000Z_42'],
    ['no id', '20261120T080000.000Z'],
    ['id zero', '20261120T080000.000Z_0'],
    ['a leading zero in the id', '20261120T080000.000Z_042'],
    ['an unsafe id', '20261120T080000.000Z_9999999999999999'],
    ['month 13', '20261320T080000.000Z_42'],
    ['30 February', '20260230T080000.000Z_42'],
    ['hour 24', '20261120T240000.000Z_42'],
    ['an offset', '20261120T080000.000+0800_42'],
    ['trailing junk', '20261120T080000.000Z_42x'],
  ])('refuses %s', (_, value) => {
    expect(parseListCursor(value)).toBeUndefined();
  });
});
