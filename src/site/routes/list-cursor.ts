import type { ListingCursor } from '../../stories/index.js';

/**
 * How a list page names where it starts, as `?before=<cursor>`: the first publication of the
 * story shown last on the newer page, in ISO 8601 basic form, and that story's id, as in
 * `20261120T080000.000Z_42`. It needs no percent-encoding and reads as a date. Stored times are
 * canonical `toISOString()` text (see `updateFirstPublished`), so the form round-trips exactly.
 */
export const LIST_CURSOR_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})\.(\d{3})Z_([1-9]\d{0,15})$/;

export function formatListCursor(cursor: ListingCursor): string {
  const basic = cursor.firstPublishedAt.replace(/[-:]/g, '');
  return `${basic}_${cursor.storyId}`;
}

/** The cursor a `before` value names, or undefined when it is not one this site writes. */
export function parseListCursor(value: string): ListingCursor | undefined {
  const match = LIST_CURSOR_PATTERN.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second, millis, id] = match;
  const iso = `${year}-${month}-${day}T${hour}:${minute}:${second}.${millis}Z`;
  const instant = new Date(iso);
  // Rejects what the pattern lets through but the calendar does not (month 13, 30 February).
  if (Number.isNaN(instant.getTime()) || instant.toISOString() !== iso) return undefined;
  const storyId = Number(id);
  if (!Number.isSafeInteger(storyId)) return undefined;
  return { firstPublishedAt: iso, storyId };
}
