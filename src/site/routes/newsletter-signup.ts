import type { Context } from 'hono';
import {
  confirmPath,
  InvalidEmailAddress,
  InvalidSignup,
  SignupRateLimited,
  signupPath,
} from '../../newsletter/index.js';
import { clientAddress } from '../../platform/http/client-address.js';
import type { SiteDeps } from '../deps.js';
import { renderNewsletterSignupPage } from '../views/newsletter-pages.js';
import { requireLocale } from './locale.js';
import { choicesFor, formValue, type NewsletterChoiceInput, parseChoices } from './newsletter-form.js';
import {
  behindLink,
  messagePage,
  newsletterChrome,
  refuseCrossSite,
  sendNewsletterPage,
} from './newsletter-pages.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

function signupForm(
  c: Context,
  deps: SiteDeps,
  locale: string,
  form: { email: string; choices: NewsletterChoiceInput; problem?: string },
  status: 200 | 422,
): Response {
  const chrome = newsletterChrome(deps, locale, '', { path: signupPath });
  chrome.title = `${chrome.t('newsletterPage.title')} · ${chrome.siteName}`;
  const html = renderNewsletterSignupPage({
    chrome,
    action: signupPath(locale),
    email: form.email,
    choices: choicesFor(deps, locale, form.choices),
    ...(form.problem ? { problem: form.problem } : {}),
  });
  return sendNewsletterPage(c, chrome, html, status);
}

/** GET /{locale}/newsletter: the full signup form. */
export function signupPageRoute(c: Context, deps: SiteDeps): Response {
  const locale = requireLocale(deps, c.req.param('locale'));
  return signupForm(
    c,
    deps,
    locale,
    { email: '', choices: { locale, frequency: 'weekly', topics: [] } },
    200,
  );
}

/**
 * POST /{locale}/newsletter, from the full form or the box on every page. Known, unknown, pending
 * and unsubscribed addresses all get the same "check your inbox" page, sent before any mail goes
 * out; only a malformed form (422) or a rate limit (429) answers differently, and neither depends
 * on whether the address is known.
 */
export async function signupRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const locale = requireLocale(deps, c.req.param('locale'));
  refuseCrossSite(c, deps);
  const body = await c.req.parseBody({ all: true });
  const email = formValue(body, 'email').slice(0, 1000);
  const { t } = newsletterChrome(deps, locale, '');
  let choices: NewsletterChoiceInput = { locale, frequency: 'weekly', topics: [] };
  try {
    choices = parseChoices(deps, body, locale);
    await deps.newsletter.requestSubscription({
      email,
      ...choices,
      honeypot: formValue(body, 'website'),
      ip: clientAddress(c, deps.config),
    });
  } catch (error) {
    if (error instanceof InvalidEmailAddress || error instanceof InvalidSignup) {
      const problem = t('newsletterPage.invalid', {
        problem: t(
          error instanceof InvalidEmailAddress
            ? 'newsletterPage.invalidEmail'
            : 'newsletterPage.invalidChoice',
        ),
      });
      // Control characters are not echoed back into the form.
      return signupForm(
        c,
        deps,
        locale,
        { email: email.replace(CONTROL_CHARACTERS, ''), choices, problem },
        422,
      );
    }
    if (error instanceof SignupRateLimited) {
      return messagePage(c, deps, locale, 429, (chrome) => ({
        heading: chrome.t('newsletterPage.rateLimited.title'),
        text: chrome.t('newsletterPage.rateLimited.text'),
      }));
    }
    throw error;
  }
  return messagePage(c, deps, locale, 200, (chrome) => ({
    heading: chrome.t('newsletterPage.checkInbox.title'),
    text: chrome.t('newsletterPage.checkInbox.text'),
  }));
}

/** GET of a confirmation link: a button, because mail scanners open links without a reader. */
export function confirmPageRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const locale = requireLocale(deps, c.req.param('locale'));
  const token = c.req.param('token') ?? '';
  return behindLink(c, deps, locale, async () => {
    await deps.newsletter.checkConfirmation(token);
    return messagePage(c, deps, locale, 200, (chrome) => ({
      heading: chrome.t('newsletterPage.confirm.title'),
      text: chrome.t('newsletterPage.confirm.text'),
      button: { action: confirmPath(locale, token), label: chrome.t('newsletterPage.confirm.button') },
    }));
  });
}

/** POST of a confirmation link: the subscription starts; a replay shows the refused-link page. */
export function confirmRoute(c: Context, deps: SiteDeps): Promise<Response> {
  const locale = requireLocale(deps, c.req.param('locale'));
  refuseCrossSite(c, deps, { signedLink: true });
  return behindLink(c, deps, locale, async () => {
    await deps.newsletter.confirmSubscription({
      token: c.req.param('token') ?? '',
      ip: clientAddress(c, deps.config),
      userAgent: c.req.header('user-agent') ?? '',
    });
    return messagePage(c, deps, locale, 200, (chrome) => ({
      heading: chrome.t('newsletterPage.confirmed.title'),
      text: chrome.t('newsletterPage.confirmed.text'),
      links: [{ href: `/${locale}/`, label: chrome.t('error.backHome') }],
    }));
  });
}
