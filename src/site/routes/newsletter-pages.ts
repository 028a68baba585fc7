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
 *
 * `Origin: null` is what a browser sends when it will not name the page a form was on: our own page
 * under a stricter referrer policy (a privacy setting or extension), but also a sandboxed frame or
 * a data: URL anywhere. It passes only where it cannot be someone else's page:
 * - with `Sec-Fetch-Site: same-origin`, the browser itself vouches that the form was ours;
 * - on a signed link (`signedLink`), the token in the address is the authority: a third party that
 *   does not know it cannot build the request at all, and one that does could send it from its own
 *   server without any browser, so refusing `null` would lock out our readers and stop no one.
 *   A real foreign Origin or `Sec-Fetch-Site: cross-site` is still refused there.
 * The signup form has no token, so a `null` from an unknown page could sign up anyone's address
 * from a visitor's browser (and client address): there only the browser's word counts.
 */
export function refuseCrossSite(c: Context, deps: SiteDeps, options: { signedLink?: boolean } = {}): void {
  const origin = c.req.header('origin');
  const fetchSite = c.req.header('sec-fetch-site');
  const ours = new Set([new URL(deps.config.siteUrl).origin, new URL(c.req.url).origin]);
  const vouched = fetchSite === 'same-origin' || options.signedLink === true;
  const originOk = !origin || ours.has(origin) || (origin === 'null' && vouched);
  if (!originOk || fetchSite === 'cross-site') {
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
 * Sends a newsletter page: never stored by caches (it answers one reader), and with a Referer of
 * our origin only, so the token in the address of a page behind a signed link never leaves with a
 * click, not even into our own logs. Not `no-referrer`: under it Chromium sends `Origin: null` with
 * the page's own form posts (Fetch, "serializing a request origin"), which the cross-site check
 * then cannot tell from a foreign page's; `strict-origin` keeps the real Origin on them.
 */
export function sendNewsletterPage(c: Context, chrome: PageChrome, html: string, status: Status): Response {
  return c.html(html, status, {
    'cache-control': 'no-store',
    'content-language': chrome.htmlLang,
    'referrer-policy': 'strict-origin',
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
