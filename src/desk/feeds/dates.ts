/** Tolerant feed date parsing: RFC 822/1123 (RSS), ISO 8601/RFC 3339 (Atom, JSON Feed) and common variants. */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

// RFC 822 section 5.1 zones, plus zones seen in real feeds (CST read as US Central, as RFC 822 does).
const ZONE_MINUTES: Record<string, number> = {
  z: 0,
  ut: 0,
  utc: 0,
  gmt: 0,
  est: -300,
  edt: -240,
  cst: -360,
  cdt: -300,
  mst: -420,
  mdt: -360,
  pst: -480,
  pdt: -420,
  bst: 60,
  cet: 60,
  cest: 120,
  jst: 540,
  kst: 540,
  ist: 330,
};

const ISO =
  /^(\d{4})-?(\d{2})-?(\d{2})(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?$/i;
const RFC822 =
  /^(?:[a-z]+\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{4}|\d{2})(?!\d)(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(.*)$/i;
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*(.*)$/;

/** Offset in minutes east of UTC, or null when the zone text is not understood. */
function zoneMinutes(zone: string): number | null {
  const z = zone
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .toLowerCase();
  if (z === '') return 0;
  if (z in ZONE_MINUTES) return ZONE_MINUTES[z] ?? 0;
  const offset = z.match(/^(?:gmt|utc|ut)?\s*([+-])(\d{1,2})(?::?(\d{2}))?(?:\s*\(.*\))?$/);
  if (!offset) return null;
  const [, sign, h = '0', m = '0'] = offset;
  const hours = Number(h.length > 2 ? h.slice(0, -2) : h);
  const minutes = Number(h.length > 2 ? h.slice(-2) : m);
  if (hours > 14 || minutes > 59) return null;
  return (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
}

type Parts = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
};

function toIso(p: Parts, offsetMinutes: number): string | null {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 24 || p.minute > 59 || p.second > 60) return null;
  const local = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, Math.min(p.second, 59), p.ms);
  const check = new Date(local);
  if (check.getUTCDate() !== p.day && !(p.hour === 24 && check.getUTCDate() !== p.day)) return null;
  const date = new Date(local - offsetMinutes * 60_000);
  const year = date.getUTCFullYear();
  if (Number.isNaN(date.getTime()) || year < 1000 || year > 9999) return null;
  return date.toISOString();
}

function fullYear(text: string): number {
  const year = Number(text);
  // RFC 2822 section 4.3: two-digit years below 50 are 20xx, the rest 19xx.
  if (text.length === 2) return year < 50 ? 2000 + year : 1900 + year;
  return year;
}

/** The date as an ISO 8601 UTC string, or null for anything not understood. Never throws. */
export function parseFeedDate(text: string | null | undefined): string | null {
  if (typeof text !== 'string') return null;
  const s = text.trim().replace(/\s+/g, ' ');
  if (s.length === 0 || s.length > 100) return null;
  let m = s.match(ISO);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '0', zone = ''] = m;
    const offset = zoneMinutes(zone);
    if (offset === null) return null;
    const ms = Number(frac.slice(0, 3).padEnd(3, '0'));
    return toIso(
      {
        year: Number(y),
        month: Number(mo),
        day: Number(d),
        hour: Number(h),
        minute: Number(mi),
        second: Number(sec),
        ms,
      },
      offset,
    );
  }
  m = s.match(RFC822);
  if (m) {
    const [, d, mon = '', y = '', h = '0', mi = '0', sec = '0', zone = ''] = m;
    const month = MONTHS[mon.toLowerCase()];
    const offset = zoneMinutes(zone);
    if (month === undefined || offset === null) return null;
    return toIso(
      {
        year: fullYear(y),
        month,
        day: Number(d),
        hour: Number(h),
        minute: Number(mi),
        second: Number(sec),
        ms: 0,
      },
      offset,
    );
  }
  m = s.match(SLASHED);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', zone = ''] = m;
    const offset = zoneMinutes(zone);
    if (offset === null) return null;
    return toIso(
      {
        year: Number(y),
        month: Number(mo),
        day: Number(d),
        hour: Number(h),
        minute: Number(mi),
        second: Number(sec),
        ms: 0,
      },
      offset,
    );
  }
  return null;
}
