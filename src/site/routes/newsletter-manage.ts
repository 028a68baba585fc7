import type { Context } from 'hono';
import { InvalidSignup, preferencesPath, unsubscribePath } from '../../newsletter/index.js';
import type { SiteDeps } from '../deps.js';
import { renderNewsletterPreferencesPage } from '../views/newsletter-pages.js';
import { requireLocale } from './locale.js';
import { choicesFor, type NewsletterChoiceInput, parseChoices } from './newsletter-form.js';
import {
  behindLink,
  messagePage,
  newsletterChrome,
  refuseCrossSite,
  sendNewsletterPage,
} from './newsletter-pages.js';

function linkParams(c: Context, deps: SiteDeps) {
  return { locale: requireLocale(deps, c.req.param('locale')), token: c.req.param('token') ?? '' };
}

async function preferencesPage(
  c: Context,
  deps: SiteDeps,
  link: { locale: string; token: string },
  options: { notice?: string; status: 200 | 422; choices?: NewsletterChoiceInput },
): Promise<Response> {
  const preferences = await deps.newsletter.loadPreferences(link.token);
  const chrome = newsletterChrome(deps, link.locale, '');
  const { t } = chrome;
  chrome.title = `${t('newsletterPage.preferences.title')} · ${chrome.siteName}`;
  const base = preferencesPath(link.locale, link.token);
  const stillSending = preferences.state === 'active' || preferences.state === 'pending';
  const html = renderNewsletterPreferencesPage({
    chrome,
    email: preferences.email,
    stateLabel: t('newsletterPage.preferences.state', { state: preferences.state }),
    ...(options.notice ? { notice: options.notice } : {}),
    actions: {
      save: base,
      ...(stillSending ? { unsubscribe: `${base}/unsubscribe` } : {}),
      exportData: `${base}/export`,
      deleteData: `${base}/delete`,
    },
    choices: choicesFor(deps, link.locale, options.choices ?? preferences),
  });
  return sendNewsletterPage(c, chrome, html, options.status);
}

/** GET of the signed preferences link from every email. */
export function preferencesPageRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const link = linkParams(c, deps);
  return behindLink(c, deps, link.locale, () => preferencesPage(c, deps, link, { status: 200 }));
}

/** POST: new language, frequency and topics. */
export function savePreferencesRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const link = linkParams(c, deps);
  refuseCrossSite(c, deps, { signedLink: true });
  return behindLink(c, deps, link.locale, async () => {
    const body = await c.req.parseBody({ all: true });
    const { t } = newsletterChrome(deps, link.locale, '');
    let choices: NewsletterChoiceInput;
    try {
      choices = parseChoices(deps, body, link.locale);
    } catch (error) {
      if (!(error instanceof InvalidSignup)) throw error;
      const notice = t('newsletterPage.invalid', { problem: t('newsletterPage.invalidChoice') });
      return preferencesPage(c, deps, link, { notice, status: 422 });
    }
    await deps.newsletter.savePreferences(link.token, choices);
    return preferencesPage(c, deps, link, { notice: t('newsletterPage.preferences.saved'), status: 200 });
  });
}

function unsubscribedPage(c: Context, deps: SiteDeps, locale: string): Response {
  return messagePage(c, deps, locale, 200, (chrome) => ({
    heading: chrome.t('newsletterPage.unsubscribed.title'),
    text: chrome.t('newsletterPage.unsubscribed.text'),
    links: [{ href: `/${locale}/newsletter`, label: chrome.t('newsletterPage.title') }],
  }));
}

/** The unsubscribe button of the preferences page. */
export function preferencesUnsubscribeRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const link = linkParams(c, deps);
  refuseCrossSite(c, deps, { signedLink: true });
  return behindLink(c, deps, link.locale, async () => {
    await deps.newsletter.unsubscribe(link.token, 'preferences');
    return unsubscribedPage(c, deps, link.locale);
  });
}

/** A download of everything held about the subscriber, as JSON. */
export function exportDataRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const link = linkParams(c, deps);
  refuseCrossSite(c, deps, { signedLink: true });
  return behindLink(c, deps, link.locale, async () => {
    const data = await deps.newsletter.exportSubscriberData(link.token);
    return c.body(`${JSON.stringify(data, null, 2)}\n`, 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': 'attachment; filename="newsletter-data.json"',
      'cache-control': 'no-store',
    });
  });
}

export function deleteDataRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const link = linkParams(c, deps);
  refuseCrossSite(c, deps, { signedLink: true });
  return behindLink(c, deps, link.locale, async () => {
    await deps.newsletter.deleteSubscriberData(link.token);
    return messagePage(c, deps, link.locale, 200, (chrome) => ({
      heading: chrome.t('newsletterPage.deleted.title'),
      text: chrome.t('newsletterPage.deleted.text'),
    }));
  });
}

/** GET of the List-Unsubscribe URL: a button only, since scanners and prefetchers follow GETs. */
export function unsubscribePageRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const link = linkParams(c, deps);
  return behindLink(c, deps, link.locale, async () => {
    await deps.newsletter.checkUnsubscribeLink(link.token);
    return messagePage(c, deps, link.locale, 200, (chrome) => ({
      heading: chrome.t('newsletterPage.unsubscribe.title'),
      text: chrome.t('newsletterPage.unsubscribe.text'),
      button: {
        action: unsubscribePath(link.locale, link.token),
        label: chrome.t('newsletterPage.unsubscribe.button'),
      },
    }));
  });
}

/**
 * RFC 8058 one-click unsubscribe: mail providers POST `List-Unsubscribe=One-Click` here from
 * their servers, with no cookie, session or Origin of ours; the signed token is the authority, so
 * there is no cross-site check. The same URL takes the button of the GET page.
 */
export function oneClickUnsubscribeRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const link = linkParams(c, deps);
  return behindLink(c, deps, link.locale, async () => {
    await deps.newsletter.unsubscribe(link.token, 'unsubscribe');
    return unsubscribedPage(c, deps, link.locale);
  });
}
