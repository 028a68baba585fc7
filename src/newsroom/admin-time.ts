import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import type { Translator } from '../platform/i18n.js';
import {
  DEFAULT_TIME_ZONE,
  formatInZone,
  fromZonedLocal,
  offsetLabel,
  toZonedLocal,
} from '../platform/time-zone.js';
import { findSiteSettings, type SiteSettings } from '../stories/index.js';

// Times in the newsroom: typed and shown on the newsroom's clocks (a site setting), kept in UTC.

export function newsroomZone(settings: Pick<SiteSettings, 'timeZone'> | undefined): string {
  return settings?.timeZone ?? DEFAULT_TIME_ZONE;
}

export async function loadNewsroomZone(db: Kysely<Database>): Promise<string> {
  return newsroomZone(await findSiteSettings(db));
}

/** `2026-03-29 09:00 UTC+2`: a stored UTC time as the newsroom reads it. */
export function adminTimeLabel(iso: string, zone: string): string {
  return formatInZone(iso, zone);
}

/** `2026-03-29`: the newsroom's day a stored UTC time falls on, where a page shows only dates. */
export function adminDateLabel(iso: string, zone: string): string {
  return toZonedLocal(new Date(iso), zone).slice(0, 10);
}

/** A stored UTC time for a `<time>` element: the machine value as stored, the label in the zone. */
export function adminTime(iso: string, zone: string): { iso: string; label: string } {
  return { iso, label: adminTimeLabel(iso, zone) };
}

/** A stored UTC time as the value of a `datetime-local` input on the newsroom's clocks. */
export function scheduleInputValue(iso: string | null | undefined, zone: string): string {
  return iso ? toZonedLocal(new Date(iso), zone) : '';
}

/** Next to the schedule input: which clocks it is read on ("Time in Europe/Berlin (UTC+1)."). */
export function scheduleZoneHint(t: Translator, zone: string, now: Date): string {
  return t('stories.field.publishAtZone', { zone, offset: offsetLabel(now, zone) });
}

export type ScheduleReading = { ok: true; iso: string } | { ok: false; error: string };

/**
 * A typed schedule time, read on the newsroom's clocks: the UTC instant, or the message key of
 * what is wrong with it (missing, not a time, skipped by a clock change, or already past).
 */
export function readScheduleTime(typed: string, zone: string, now: Date): ScheduleReading {
  if (typed.trim() === '') return { ok: false, error: 'stories.error.publishAtRequired' };
  const read = fromZonedLocal(typed.trim(), zone);
  if (!read.ok) {
    return {
      ok: false,
      error: read.reason === 'nonexistent' ? 'stories.error.publishAtNonexistent' : 'stories.error.publishAt',
    };
  }
  if (read.instant.getTime() <= now.getTime()) return { ok: false, error: 'stories.error.publishAtPast' };
  return { ok: true, iso: read.instant.toISOString() };
}
