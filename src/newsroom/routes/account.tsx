import { createHmac } from 'node:crypto';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import {
  authenticate,
  checkPasswordPolicy,
  deleteUserSessions,
  endSession,
  findUsableSetupToken,
  hashToken,
  newToken,
  recordAudit,
  redeemSetupToken,
  SESSION_DAYS,
  startSession,
  TooManySignIns,
} from '../../accounts/index.js';
import { isDomainError } from '../../platform/errors.js';
import { clientAddress } from '../../platform/http/client-address.js';
import type { NewsroomDeps } from '../deps.js';
import {
  clearCookie,
  readCookie,
  SESSION_COOKIE,
  SIGN_IN_CSRF_COOKIE,
  writeCookie,
} from '../http/cookies.js';
import type { NewsroomEnv } from '../http/env.js';
import { requireSession } from '../http/guard.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { MessageBox, SetPasswordForm, SignInForm } from '../views/account-pages.js';

type C = Context<NewsroomEnv>;

/** Only paths inside the admin: `//evil.example` or `https://…` would send the person away. */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/admin(\/[^/\\]|$|\?)/.test(value) && !value.includes('\\')
    ? value
    : '/admin';
}

/** The sign-in forms' CSRF token lives in a cookie until there is a session. */
function signInCsrf(c: C, deps: NewsroomDeps): string {
  const existing = readCookie(c, deps, SIGN_IN_CSRF_COOKIE);
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const token = newToken();
  writeCookie(c, deps, SIGN_IN_CSRF_COOKIE, token, { maxAgeSeconds: 3600, sameSite: 'Strict' });
  return token;
}

function addressKey(c: C, deps: NewsroomDeps): string {
  return createHmac('sha256', deps.secret)
    .update(`sign-in\n${clientAddress(c, deps.config)}`)
    .digest('base64url');
}

async function beginSession(c: C, deps: NewsroomDeps, userId: number): Promise<void> {
  const token = await startSession(deps.db, userId, {
    now: deps.now(),
    userAgent: c.req.header('user-agent') ?? '',
    previousToken: readCookie(c, deps, SESSION_COOKIE),
  });
  writeCookie(c, deps, SESSION_COOKIE, token, { maxAgeSeconds: SESSION_DAYS * 86_400, sameSite: 'Lax' });
  clearCookie(c, deps, SIGN_IN_CSRF_COOKIE);
}

const SignInInput = z.object({
  email: z.string().trim().max(254).default(''),
  password: z.string().max(1024).default(''),
  next: z.string().max(500).optional(),
});

const PasswordInput = z.object({
  email: z.string().trim().max(254).default(''),
  displayName: z.string().trim().max(120).default(''),
  password: z.string().max(1024).default(''),
  confirm: z.string().max(1024).default(''),
});

function renderSignIn(
  c: C,
  deps: NewsroomDeps,
  form: { email: string; next: string; error?: string },
  status: 200 | 401 | 429 = 200,
) {
  const t = c.get('t');
  const view = {
    t,
    csrfToken: signInCsrf(c, deps),
    email: form.email,
    next: form.next,
    ...(form.error ? { error: form.error } : {}),
  };
  return renderAdmin(c, adminChrome(c, deps, t('admin.signIn.heading')), <SignInForm view={view} />, status);
}

export function accountRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/sign-in', (c) => {
    if (c.get('session')) return c.redirect(safeNext(c.req.query('next')), 303);
    return renderSignIn(c, deps, { email: '', next: safeNext(c.req.query('next')) });
  });

  app.post('/sign-in', async (c) => {
    const t = c.get('t');
    const input = SignInInput.parse(await c.req.parseBody());
    const next = safeNext(input.next);
    try {
      const user = await authenticate(
        deps.db,
        { email: input.email, password: input.password, addressKey: addressKey(c, deps) },
        deps.now(),
      );
      await beginSession(c, deps, user.id);
      await recordAudit(
        deps.db,
        { actor: user, action: 'account.sign-in', subject: { kind: 'user', id: user.id } },
        deps.now(),
      );
      return c.redirect(next, 303);
    } catch (error) {
      if (error instanceof TooManySignIns) {
        // In the admin's language, with the wait in the unit a person would use.
        const seconds = error.retryAfterSeconds;
        c.header('retry-after', String(seconds));
        const message =
          seconds < 120
            ? t('admin.signIn.tooMany.seconds', { count: seconds })
            : t('admin.signIn.tooMany.minutes', { count: Math.ceil(seconds / 60) });
        return renderSignIn(c, deps, { email: input.email, next, error: message }, 429);
      }
      if (isDomainError(error) && error.kind === 'unauthenticated') {
        return renderSignIn(c, deps, { email: input.email, next, error: t('admin.signIn.wrong') }, 401);
      }
      throw error;
    }
  });

  app.post('/sign-out', async (c) => {
    const token = readCookie(c, deps, SESSION_COOKIE);
    if (token) await endSession(deps.db, token);
    clearCookie(c, deps, SESSION_COOKIE);
    return c.redirect('/admin/sign-in', 303);
  });

  app.post('/sign-out-everywhere', async (c) => {
    const session = requireSession(c);
    await deleteUserSessions(deps.db, session.user.id);
    await recordAudit(
      deps.db,
      { actor: session.user, action: 'user.sessions-revoke', subject: { kind: 'user', id: session.user.id } },
      deps.now(),
    );
    clearCookie(c, deps, SESSION_COOKIE);
    return c.redirect('/admin/sign-in?notice=signedOutEverywhere', 303);
  });

  const renderPasswordForm = (
    c: C,
    token: string,
    createsOwner: boolean,
    form: { email: string; displayName: string },
    errors: Partial<Record<'email' | 'password' | 'confirm' | 'form', string>> = {},
    status: 200 | 422 = 200,
  ) => {
    const t = c.get('t');
    const view = {
      t,
      csrfToken: signInCsrf(c, deps),
      createsOwner,
      action: `/admin/setup/${token}`,
      ...form,
      errors,
    };
    const title = createsOwner ? t('admin.setup.heading') : t('admin.password.heading');
    return renderAdmin(c, adminChrome(c, deps, title), <SetPasswordForm view={view} />, status);
  };

  const linkGone = (c: C) => {
    const t = c.get('t');
    return renderAdmin(
      c,
      adminChrome(c, deps, t('admin.setup.goneHeading')),
      <MessageBox
        heading={t('admin.setup.goneHeading')}
        text={t('admin.setup.goneText')}
        link={{ href: '/admin/sign-in', label: t('admin.signIn.heading') }}
      />,
      410,
    );
  };

  app.get('/setup/:token', async (c) => {
    const token = c.req.param('token');
    const link = await findUsableSetupToken(deps.db, hashToken(token), deps.now());
    if (!link) return linkGone(c);
    return renderPasswordForm(c, token, link.userId === null, { email: '', displayName: '' });
  });

  app.post('/setup/:token', async (c) => {
    const t = c.get('t');
    const token = c.req.param('token');
    const link = await findUsableSetupToken(deps.db, hashToken(token), deps.now());
    if (!link) return linkGone(c);
    const input = PasswordInput.parse(await c.req.parseBody());
    const form = { email: input.email, displayName: input.displayName };
    const createsOwner = link.userId === null;
    try {
      checkPasswordPolicy(input.password);
    } catch {
      return renderPasswordForm(
        c,
        token,
        createsOwner,
        form,
        { password: t('admin.password.rule', { min: 10 }) },
        422,
      );
    }
    if (input.password !== input.confirm) {
      return renderPasswordForm(c, token, createsOwner, form, { confirm: t('admin.password.mismatch') }, 422);
    }
    try {
      const user = await redeemSetupToken(
        deps.db,
        token,
        {
          password: input.password,
          email: input.email,
          displayName: input.displayName,
          uiLocale: c.get('t').locale,
        },
        deps.now(),
      );
      await recordAudit(
        deps.db,
        { actor: user, action: 'account.setup', subject: { kind: 'user', id: user.id } },
        deps.now(),
      );
      await beginSession(c, deps, user.id);
      return c.redirect('/admin?notice=passwordSet', 303);
    } catch (error) {
      if (isDomainError(error) && error.kind === 'gone') return linkGone(c);
      if (isDomainError(error) && (error.kind === 'invalid' || error.kind === 'conflict')) {
        return renderPasswordForm(
          c,
          token,
          createsOwner,
          form,
          { email: error.kind === 'conflict' ? t('admin.error.emailTaken') : t('admin.error.email') },
          422,
        );
      }
      throw error;
    }
  });
}
