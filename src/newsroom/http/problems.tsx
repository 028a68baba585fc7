import type { Context } from 'hono';
import type { ProblemStatus } from '../../platform/http/app.js';
import type { NewsroomDeps } from '../deps.js';
import { MessageBox } from '../views/account-pages.js';
import type { NewsroomEnv } from './env.js';
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

/**
 * How the admin shows a failure: a page in the person's language, JSON for its own scripts, and
 * the sign-in page (remembering where they were going) when the session is missing.
 */
export function renderNewsroomProblem(
  c: Context<NewsroomEnv>,
  deps: NewsroomDeps,
  status: ProblemStatus,
  message: string,
): Response {
  if (wantsJson(c)) return c.json({ error: { status, message } }, status, { 'cache-control': 'no-store' });
  if (status === 401 && (c.req.method === 'GET' || c.req.method === 'HEAD')) {
    const next = `${c.req.path}${new URL(c.req.url).search}`;
    return c.redirect(`/admin/sign-in?next=${encodeURIComponent(next)}`, 303);
  }
  const t = c.get('t');
  if (!t) return c.text(message, status);
  const key = HEADINGS[status] ?? 'admin.problem.generic';
  const heading = t(key);
  const text = status === 500 ? t('admin.problem.500text') : message;
  return renderAdmin(
    c,
    adminChrome(c, deps, heading),
    <MessageBox heading={heading} text={text} link={{ href: '/admin', label: t('admin.backToAdmin') }} />,
    status === 405 ? 404 : status,
  );
}
