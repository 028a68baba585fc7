/**
 * Wall-clock times in an IANA time zone, with Intl only: the newsroom enters and reads schedule
 * times in its own zone, and the database keeps UTC.
 *
 * A local time may not exist (the hour skipped when clocks spring forward) or exist twice (the
 * hour repeated in autumn). The first is refused, so nobody schedules a story for a time that
 * never comes; the second resolves to the earlier instant, the one that comes first.
 */

export const DEFAULT_TIME_ZONE = 'UTC';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

let knownZones: Set<string> | undefined;

/** Every zone this runtime knows, `UTC` included (Intl lists it only under `Etc/UTC` on some). */
export function timeZones(): string[] {
  if (!knownZones) knownZones = new Set([DEFAULT_TIME_ZONE, ...Intl.supportedValuesOf('timeZone')]);
  return [...knownZones];
}

/** True for an IANA zone name the runtime supports, as written in its canonical list. */
export function isTimeZone(zone: string): boolean {
  if (!knownZones) timeZones();
  if (knownZones?.has(zone)) return true;
  // Aliases (`Asia/Calcutta`, `Etc/UTC`) are valid too; Intl throws for anything else.
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+){0,2}$/.test(zone);
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallClock(instant: number, zone: string): WallClock {
  const parts = Object.fromEntries(
    formatterFor(zone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

const asUtc = (clock: WallClock) =>
  Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);

/** How far `zone`'s clocks are ahead of UTC at `instant`, in minutes (Berlin in summer: 120). */
function offsetMinutes(instant: Date, zone: string): number {
  const whole = Math.floor(instant.getTime() / 60_000) * 60_000;
  return (asUtc(wallClock(whole, zone)) - whole) / 60_000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The instant as a `datetime-local` value (`2026-03-29T09:00`) on `zone`'s clocks. */
export function toZonedLocal(instant: Date, zone: string): string {
  const c = wallClock(instant.getTime(), zone);
  return `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

export type ZonedLocalResult = { ok: true; instant: Date } | { ok: false; reason: 'invalid' | 'nonexistent' };

/**
 * A `datetime-local` value read on `zone`'s clocks, as a UTC instant. Seconds, if typed, are
 * dropped (schedules are to the minute). A time skipped by a clock change is `nonexistent`.
 */
export function fromZonedLocal(value: string, zone: string): ZonedLocalResult {
  const match = LOCAL.exec(value);
  if (!match) return { ok: false, reason: 'invalid' };
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(wanted);
  if (
    Number.isNaN(wanted) ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59
  ) {
    return { ok: false, reason: 'invalid' };
  }
  // Offsets a day either side of the wanted time cover both sides of any clock change near it;
  // each gives a candidate instant, kept only if the zone's clocks really show the wanted time.
  const day36h = 36 * 3_600_000;
  const candidates = [wanted - day36h, wanted, wanted + day36h]
    .map((probe) => wanted - offsetMinutes(new Date(probe), zone) * 60_000)
    .filter((instant) => asUtc(wallClock(instant, zone)) === wanted)
    .sort((a, b) => a - b);
  const first = candidates[0];
  return first === undefined ? { ok: false, reason: 'nonexistent' } : { ok: true, instant: new Date(first) };
}

/** `UTC`, `UTC+8`, `UTC-3:30`: the offset at that instant, short enough for a list column. */
export function offsetLabel(instant: Date, zone: string): string {
  const minutes = offsetMinutes(instant, zone);
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  const rest = abs % 60;
  return `UTC${sign}${Math.floor(abs / 60)}${rest ? `:${pad(rest)}` : ''}`;
}

/** `2026-03-29T07:00:00.000Z` in Europe/Berlin → `2026-03-29 09:00 UTC+2`. */
export function formatInZone(iso: string | Date, zone: string): string {
  const instant = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(instant.getTime())) return String(iso);
  return `${toZonedLocal(instant, zone).replace('T', ' ')} ${offsetLabel(instant, zone)}`;
}
