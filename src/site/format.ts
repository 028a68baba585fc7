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

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A count in the locale's digits and grouping (1,234 / 1,234); formatters are kept per locale. */
export function formatNumber(value: number, locale: string): string {
  let format = numberFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    numberFormats.set(locale, format);
  }
  return format.format(value);
}
