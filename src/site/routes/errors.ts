import type { Context } from 'hono';
import type { ProblemStatus } from '../../platform/http/app.js';
import { chooseLocale } from '../../publishing/index.js';
import { buildChrome } from '../chrome.js';
import type { SiteDeps } from '../deps.js';
import { renderErrorPage } from '../views/error-page.js';

export const LOCALE_COOKIE = 'velocity_locale';

export function readerLocale(c: Context, deps: SiteDeps): string {
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
  const known = status === 404 || status === 410 ? status : status >= 500 ? 500 : undefined;
  const heading = known ? t(`error.${known}.heading`) : message;
  chrome.title = `${heading} · ${chrome.siteName}`;
  const html = renderErrorPage({
    chrome,
    status: known ?? 404,
    heading,
    message: known ? t(`error.${known}.message`) : message,
    links: [
      { href: `/${locale}/`, label: t('error.backHome') },
      ...chrome.navigation.map(({ href, label }) => ({ href, label })),
    ],
  });
  return c.html(html, status, { 'cache-control': 'no-store', 'content-language': chrome.htmlLang, ...allow });
}
