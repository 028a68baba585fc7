import type { NewsletterDeps } from './deps.js';

/** `"Site name" <newsletter@host>`, with what could break out of the quoted name removed. */
export function fromHeader(deps: Pick<NewsletterDeps, 'config' | 'siteName'>, locale: string): string {
  const name = deps.siteName(locale).replace(/["\\\r\n]/g, '');
  return name ? `"${name}" <${deps.config.newsletterFrom}>` : deps.config.newsletterFrom;
}
