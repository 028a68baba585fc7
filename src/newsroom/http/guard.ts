import type { Context, MiddlewareHandler } from 'hono';
import {
  type ActiveSession,
  type Actor,
  can,
  type Permission,
  resolveSession,
  sameSecret,
} from '../../accounts/index.js';
import { DomainError } from '../../platform/errors.js';
import { createTranslator } from '../../platform/i18n.js';
import { chooseLocale } from '../../publishing/index.js';
import type { NewsroomDeps } from '../deps.js';
import { readCookie, SESSION_COOKIE, SIGN_IN_CSRF_COOKIE } from './cookies.js';
import type { NewsroomEnv } from './env.js';

/** The admin's own languages (UI strings exist for them). */
const ADMIN_LOCALES = ['zh', 'en'];

/** The admin language the browser asks for, for someone not signed in. */
export function browserAdminLocale(c: Context): string {
  return chooseLocale({
    cookie: undefined,
    acceptLanguage: c.req.header('accept-language'),
    enabled: ADMIN_LOCALES,
    defaultLocale: 'en',
  });
}

/** The admin language the browser names, or undefined when it names none of them (or nothing). */
function browserChoice(c: Context): string | undefined {
  if (!c.req.header('accept-language')) return undefined;
  const locale = chooseLocale({
    cookie: undefined,
    acceptLanguage: c.req.header('accept-language'),
    enabled: ADMIN_LOCALES,
    defaultLocale: '',
  });
  return ADMIN_LOCALES.includes(locale) ? locale : undefined;
}

/**
 * The admin's language: the one the person chose in their account; before they choose, their
 * browser's (among the admin's languages), else the one recorded when the account was made.
 */
function adminLocaleFor(c: Context, user: { uiLocale: string; uiLocaleChosen: boolean }): string {
  return user.uiLocaleChosen ? user.uiLocale : (browserChoice(c) ?? user.uiLocale);
}

/** Loads the session (if any) and the translator for every newsroom request. */
export function loadSession(deps: NewsroomDeps): MiddlewareHandler<NewsroomEnv> {
  return async (c, next) => {
    const token = readCookie(c, deps, SESSION_COOKIE);
    const session = token ? await resolveSession(deps.db, token, deps.now()) : undefined;
    c.set('session', session);
    const locale = session ? adminLocaleFor(c, session.user) : browserAdminLocale(c);
    c.set('t', createTranslator(ADMIN_LOCALES.includes(locale) ? locale : 'en'));
    await next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A cross-site request announces another origin; refusing it stops CSRF even before tokens. */
function assertSameOrigin(c: Context, deps: NewsroomDeps): void {
  const origin = c.req.header('origin');
  if (!origin) return;
  const own = new Set([new URL(deps.config.siteUrl).origin, new URL(c.req.url).origin]);
  if (!own.has(origin))
    throw new DomainError('forbidden', 'This request came from another site and was refused.');
}

/** The token a form or script sent: the `x-csrf-token` header, or the `_csrf` form field. */
async function submittedCsrfToken(c: Context): Promise<string> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const body = await c.req.parseBody({ all: true });
    const value = body._csrf;
    return typeof value === 'string' ? value : '';
  }
  return '';
}

/**
 * CSRF protection for every state-changing request: same origin, and a token only our own pages
 * know — the session's token once signed in, the sign-in form's cookie before that.
 */
export function verifyCsrf(deps: NewsroomDeps): MiddlewareHandler<NewsroomEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    assertSameOrigin(c, deps);
    const submitted = await submittedCsrfToken(c);
    const session = c.get('session');
    const expected = session ? session.csrfToken : readCookie(c, deps, SIGN_IN_CSRF_COOKIE);
    if (!expected || !submitted || !sameSecret(submitted, expected)) {
      throw new DomainError(
        'forbidden',
        'The form was out of date or did not come from this site. Reload the page and try again.',
        {
          code: 'csrf',
        },
      );
    }
    await next();
  };
}

export function actorOf(session: ActiveSession): Actor {
  const { user } = session;
  return { id: user.id, email: user.email, role: user.role, locales: user.locales };
}

/** The signed-in person, or an `unauthenticated` error (the admin answers it with the sign-in page). */
export function requireSession(c: Context<NewsroomEnv>): ActiveSession {
  const session = c.get('session');
  if (!session) throw new DomainError('unauthenticated', 'Sign in to continue.');
  return session;
}

/** The signed-in person when the rule book allows them `permission`; otherwise a 403. */
export function requirePermission(c: Context<NewsroomEnv>, permission: Permission): Actor {
  const actor = actorOf(requireSession(c));
  if (!can(actor, permission)) {
    throw new DomainError('forbidden', 'Your role does not allow this.', { action: permission.action });
  }
  return actor;
}
