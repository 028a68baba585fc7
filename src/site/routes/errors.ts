import type { Context } from 'hono';
import type { ProblemStatus } from '../../platform/http/app.js';
import { chooseLocale } from '../../publishing/index.js';
import { buildChrome } from '../chrome.js';
import type { SiteDeps } from '../deps.js';
import { renderErrorPage } from '../views/error-page.js';

export const LOCALE_COOKIE = 'velocity_locale';

function readerLocale(c: Context, deps: SiteDeps): string {
  const first = c.req.path.split('/')[1] ?? '';
  if (deps.catalog.isEnabledLocale(first)) return first;
  const cookie = c.req
    .header('cookie')
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === LOCALE_COOKIE)?.[1];
  return chooseLocale({
    cookie,
    acceptLanguage: c.req.header('accept-language'),
    enabled: deps.catalog.settings.locales,
    defaultLocale: deps.catalog.settings.defaultLocale,
  });
}

/** Statuses with words of their own in the locale files; any other 4xx gets `error.other`. */
const WORDED_STATUSES = new Set<ProblemStatus>([403, 404, 410]);

/** Failures on the public site: a page in the reader's language, or JSON for the share endpoint. */
export function renderSiteProblem(
  c: Context,
  deps: SiteDeps,
  status: ProblemStatus,
  message: string,
): Response {
  const isShareEndpoint = c.req.path.startsWith('/share/');
  const allow: Record<string, string> =
    status === 405 ? { allow: isShareEndpoint ? 'POST' : 'GET, HEAD' } : {};
  if (isShareEndpoint) {
    return c.json({ error: { status, message } }, status, { 'cache-control': 'no-store', ...allow });
  }
  const locale = readerLocale(c, deps);
  const chrome = buildChrome(deps, {
    locale,
    title: '',
    description: '',
    alternates: [],
    noindex: true,
  });
  const { t } = chrome;
  // The heading says what happened, in the reader's language, and the code above it is the one
  // sent: a refused form once showed "Page not found" over a 403. The domain error's own message
  // is English and for logs, so it is not shown.
  const texts = status >= 500 ? 500 : WORDED_STATUSES.has(status) ? status : 'other';
  const heading = t(`error.${texts}.heading`);
  chrome.title = `${heading} · ${chrome.siteName}`;
  const html = renderErrorPage({
    chrome,
    status,
    heading,
    message: t(`error.${texts}.message`),
    links: [
      { href: `/${locale}/`, label: t('error.backHome') },
      ...chrome.navigation.map(({ href, label }) => ({ href, label })),
    ],
  });
  return c.html(html, status, { 'cache-control': 'no-store', 'content-language': chrome.htmlLang, ...allow });
}
