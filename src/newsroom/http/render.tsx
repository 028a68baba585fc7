import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { Permission } from '../../accounts/index.js';
import { can } from '../../accounts/index.js';
import type { NewsroomDeps } from '../deps.js';
import { type AdminChrome, AdminLayout } from '../views/admin-layout.js';
import type { NewsroomEnv } from './env.js';
import { actorOf } from './guard.js';

const NAVIGATION: { href: string; key: string; needs: Permission }[] = [
  { href: '/admin', key: 'home.nav', needs: { action: 'story.view' } },
  { href: '/admin/stories', key: 'admin.nav.stories', needs: { action: 'story.view' } },
  { href: '/admin/review', key: 'review.nav', needs: { action: 'story.publish' } },
  { href: '/admin/notices', key: 'notices.nav', needs: { action: 'story.view' } },
  { href: '/admin/desk', key: 'desk.nav.inbox', needs: { action: 'desk.view' } },
  { href: '/admin/sources', key: 'desk.nav.sources', needs: { action: 'sources.manage' } },
  {
    href: '/admin/subscribers',
    key: 'subscribers.nav',
    needs: { action: 'subscribers.manage' },
  },
  { href: '/admin/newsletter', key: 'newsletterAdmin.nav', needs: { action: 'subscribers.manage' } },
  { href: '/admin/media', key: 'admin.nav.media', needs: { action: 'media.upload' } },
  { href: '/admin/sections', key: 'admin.nav.sections', needs: { action: 'taxonomy.manage' } },
  { href: '/admin/entities', key: 'admin.nav.entities', needs: { action: 'taxonomy.manage' } },
  { href: '/admin/audit', key: 'admin.nav.audit', needs: { action: 'audit.view' } },
  { href: '/admin/people', key: 'admin.nav.people', needs: { action: 'users.manage' } },
  { href: '/admin/api-keys', key: 'admin.nav.apiKeys', needs: { action: 'apikeys.manage' } },
  { href: '/admin/webhooks', key: 'admin.nav.webhooks', needs: { action: 'webhooks.manage' } },
  { href: '/admin/settings', key: 'admin.nav.settings', needs: { action: 'settings.manage' } },
];

/** One-time messages travel in the query string after a redirect (`?notice=saved`). */
const NOTICES = new Set([
  'saved',
  'published',
  'scheduled',
  'unpublished',
  'deleted',
  'restored',
  'signedOutEverywhere',
  'passwordSet',
  'uploaded',
  'confirmed',
  'revoked',
  'created',
  'digestPlanned',
  'reviewSubmitted',
  'reviewSentBack',
  'reviewApproved',
  'noteAdded',
  'noticesRead',
  'approved',
  'merged',
  'rejected',
  'subscriberUnsubscribed',
  'subscriberDeleted',
  'confirmationResent',
]);

export function adminChrome(c: Context<NewsroomEnv>, deps: NewsroomDeps, title: string): AdminChrome {
  const t = c.get('t');
  const session = c.get('session');
  const path = c.req.path;
  const actor = session ? actorOf(session) : undefined;
  const notice = c.req.query('notice');
  const counts = c.get('navCounts') ?? {};
  return {
    t,
    lang: t.locale,
    title,
    stylesheetHref: deps.assets.css.path,
    scriptHref: deps.assets.js.path,
    ...(session
      ? {
          user: { email: session.user.email, displayName: session.user.displayName, role: session.user.role },
          csrfToken: session.csrfToken,
        }
      : {}),
    navigation: actor
      ? NAVIGATION.filter((item) => can(actor, item.needs)).map((item) => ({
          href: item.href,
          label: t(item.key),
          // The home page's address is every other page's prefix: only itself is "current".
          current:
            path === item.href ||
            (item.href === '/admin' ? path === '/admin/' : path.startsWith(`${item.href}/`)),
          ...(counts[item.href]
            ? {
                count: counts[item.href],
                countLabel: t('review.navCount', { count: counts[item.href] ?? 0 }),
              }
            : {}),
        }))
      : [],
    ...(notice && NOTICES.has(notice)
      ? { notice: { kind: 'success' as const, text: t(`admin.notice.${notice}`) } }
      : {}),
  };
}

/** Renders an admin page; admin pages are private and never cached. */
export function renderAdmin(
  c: Context<NewsroomEnv>,
  chrome: AdminChrome,
  body: Child,
  status: 200 | 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 = 200,
): Response {
  const html = `<!doctype html>${(<AdminLayout chrome={chrome}>{body}</AdminLayout>).toString()}`;
  return c.html(html, status, { 'cache-control': 'no-store', 'content-language': chrome.lang });
}
