import type { Context } from 'hono';
import { NewsletterLinkRefused } from '../../newsletter/index.js';
import { DomainError } from '../../platform/errors.js';
import { STATUS_BY_KIND } from '../../platform/http/errors.js';
import { buildChrome } from '../chrome.js';
import type { SiteDeps } from '../deps.js';
import type { PageChrome } from '../view-models.js';
import { type NewsletterMessagePageData, renderNewsletterMessagePage } from '../views/newsletter-pages.js';

type Status = 200 | 404 | 410 | 422 | 429;

/**
 * Anonymous forms cannot carry a session-bound CSRF token, so cross-site posts are refused by the
 * headers browsers set and pages cannot forge: Origin (sent with every cross-origin POST) and
 * Sec-Fetch-Site. The form-action CSP of every page keeps our own forms posting only here.
 */
export function refuseCrossSite(c: Context, deps: SiteDeps): void {
  const origin = c.req.header('origin');
  const ours = new Set([new URL(deps.config.siteUrl).origin, new URL(c.req.url).origin]);
  if ((origin && !ours.has(origin)) || c.req.header('sec-fetch-site') === 'cross-site') {
    throw new DomainError('forbidden', 'This form can only be sent from this site.');
  }
}

/** Chrome for a newsletter page; pages behind a signed link are never indexed. */
export function newsletterChrome(
  deps: SiteDeps,
  locale: string,
  title: string,
  canonical?: { path: (locale: string) => string },
): PageChrome {
  return buildChrome(deps, {
    locale,
    title,
    description: title,
    ...(canonical
      ? {
          canonicalPath: canonical.path(locale),
          alternates: deps.catalog.settings.locales.map((l) => ({ locale: l, path: canonical.path(l) })),
        }
      : { alternates: [], noindex: true }),
  });
}

/**
 * Sends a newsletter page: never stored by caches (it answers one reader), and, behind a signed
 * link, with no Referer, so the token in the address never leaves with a click.
 */
export function sendNewsletterPage(c: Context, chrome: PageChrome, html: string, status: Status): Response {
  return c.html(html, status, {
    'cache-control': 'no-store',
    'content-language': chrome.htmlLang,
    'referrer-policy': 'no-referrer',
  });
}

export function messagePage(
  c: Context,
  deps: SiteDeps,
  locale: string,
  status: Status,
  build: (chrome: PageChrome) => Omit<NewsletterMessagePageData, 'chrome'>,
): Response {
  const chrome = newsletterChrome(deps, locale, '');
  const data = build(chrome);
  chrome.title = `${data.heading} · ${chrome.siteName}`;
  return sendNewsletterPage(c, chrome, renderNewsletterMessagePage({ chrome, ...data }), status);
}

/**
 * Runs a handler behind a signed link; a refused link (forged, expired, used, deleted subscriber)
 * becomes one page for all reasons, with 404 or 410 as the error's kind says.
 */
export async function behindLink(
  c: Context,
  deps: SiteDeps,
  locale: string,
  handle: () => Promise<Response>,
): Promise<Response> {
  try {
    return await handle();
  } catch (error) {
    if (!(error instanceof NewsletterLinkRefused)) throw error;
    return messagePage(c, deps, locale, STATUS_BY_KIND[error.kind] as 404 | 410, (chrome) => ({
      heading: chrome.t('newsletterPage.badLink.title'),
      text: chrome.t('newsletterPage.badLink.text'),
      links: [{ href: `/${locale}/newsletter`, label: chrome.t('newsletterPage.title') }],
    }));
  }
}
