import { DomainError } from '../../platform/errors.js';
import type { SiteDeps } from '../deps.js';

/** The path's locale, or a 404 when the site does not publish in it. */
export function requireLocale(deps: SiteDeps, locale: string | undefined): string {
  if (!locale || !deps.catalog.isEnabledLocale(locale)) {
    throw new DomainError('not-found', `This site is not published in "${locale ?? ''}".`);
  }
  return locale;
}

/** `?page=N` as a positive integer; anything else is a 404 rather than a silent page 1. */
export function requirePage(value: string | undefined): number {
  if (value === undefined) return 1;
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new DomainError('not-found', 'No such page.');
  return Number(value);
}
