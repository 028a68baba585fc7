// The scheduled stories' calendar: whole weeks from the current one, days as dates in the newsroom's
// time zone (a scheduled instant belongs to the day it falls on there).

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of an instant in a time zone. */
function localDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export interface CalendarDay<T> {
  date: string;
  isToday: boolean;
  isPast: boolean;
  entries: T[];
}

/**
 * `weeks` rows of seven days, Monday first, starting with the week holding `now`'s date, each day
 * with the entries whose instant falls on it. Dates are computed on the calendar (UTC noon of
 * each date), so a daylight-saving change never skips or repeats a day.
 */
export function calendarWeeks<T>(
  now: Date,
  timeZone: string,
  weeks: number,
  entries: { at: string; value: T }[],
): CalendarDay<T>[][] {
  const today = localDate(now, timeZone);
  const todayNoon = new Date(`${today}T12:00:00Z`);
  const mondayOffset = (todayNoon.getUTCDay() + 6) % 7;
  const first = todayNoon.getTime() - mondayOffset * DAY_MS;
  const byDate = new Map<string, T[]>();
  for (const entry of entries) {
    const date = localDate(new Date(entry.at), timeZone);
    byDate.set(date, [...(byDate.get(date) ?? []), entry.value]);
  }
  return Array.from({ length: weeks }, (_, week) =>
    Array.from({ length: 7 }, (_, day) => {
      const date = new Date(first + (week * 7 + day) * DAY_MS).toISOString().slice(0, 10);
      return { date, isToday: date === today, isPast: date < today, entries: byDate.get(date) ?? [] };
    }),
  );
}

/** The instant range the calendar shows, for the query: a day of slack on each side for zones. */
export function calendarWindow(weeks: CalendarDay<unknown>[][]): { from: string; to: string } {
  const first = weeks[0]?.[0]?.date ?? '1970-01-01';
  const last = weeks.at(-1)?.at(-1)?.date ?? first;
  return {
    from: new Date(new Date(`${first}T00:00:00Z`).getTime() - DAY_MS).toISOString(),
    to: new Date(new Date(`${last}T00:00:00Z`).getTime() + 2 * DAY_MS).toISOString(),
  };
}
