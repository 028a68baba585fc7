const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** A long, localized date (2026年11月27日 / November 27, 2026) in UTC, so every reader sees one date. */
export function formatDate(iso: string, locale: string): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(iso));
}
