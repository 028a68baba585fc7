import type { Context } from 'hono';
import type { ProblemStatus } from '../../platform/http/app.js';
import { formatBytes } from '../../platform/http/body-limit.js';
import { createTranslator } from '../../platform/i18n.js';
import type { NewsroomDeps } from '../deps.js';
import { MessageBox } from '../views/account-pages.js';
import type { NewsroomEnv } from './env.js';
import { browserAdminLocale } from './guard.js';
import { adminChrome, renderAdmin } from './render.js';

const HEADINGS: Partial<Record<ProblemStatus, string>> = {
  403: 'admin.problem.403',
  404: 'admin.problem.404',
  410: 'admin.problem.410',
  413: 'admin.problem.413',
  415: 'admin.problem.415',
  429: 'admin.problem.429',
  500: 'admin.problem.500',
};

function wantsJson(c: Context): boolean {
  return (
    (c.req.header('accept') ?? '').includes('application/json') &&
    !(c.req.header('accept') ?? '').includes('text/html')
  );
}

function tooLargeText(c: Context<NewsroomEnv>, deps: NewsroomDeps, details: unknown): string {
  const t = c.get('t');
  if (c.req.path.startsWith('/admin/media/upload')) {
    const maxMegabytes = Math.round((deps.config.MEDIA_MAX_UPLOAD_BYTES / 1_048_576) * 10) / 10;
    return t('media.error.request-too-large', { maxMegabytes });
  }
  const maxBytes = (details as { maxBytes?: unknown } | undefined)?.maxBytes;
  return typeof maxBytes === 'number'
    ? t('admin.problem.413text', { size: formatBytes(maxBytes) })
    : t('admin.problem.413');
}

/**
 * How the admin shows a failure: a page in the person's language, JSON for its own scripts, and
 * the sign-in page (remembering where they were going) when the session is missing.
 */
export function renderNewsroomProblem(
  c: Context<NewsroomEnv>,
  deps: NewsroomDeps,
  status: ProblemStatus,
  message: string,
  details?: unknown,
): Response {
  if (wantsJson(c)) return c.json({ error: { status, message } }, status, { 'cache-control': 'no-store' });
  if (status === 401 && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
    const next = `${c.req.path}${new URL(c.req.url).search}`;
    return c.redirect(`/admin/sign-in?next=${encodeURIComponent(next)}`, 303);
  }
  // A body over its limit is refused before the newsroom's middleware runs: no session, no translator.
  if (!c.get('t')) c.set('t', createTranslator(browserAdminLocale(c)));
  const t = c.get('t');
  const key = HEADINGS[status] ?? 'admin.problem.generic';
  const heading = t(key);
  const text =
    status === 500 ? t('admin.problem.500text') : status === 413 ? tooLargeText(c, deps, details) : message;
  return renderAdmin(
    c,
    adminChrome(c, deps, heading),
    <MessageBox heading={heading} text={text} link={{ href: '/admin', label: t('admin.backToAdmin') }} />,
    status === 405 ? 404 : status,
  );
}
