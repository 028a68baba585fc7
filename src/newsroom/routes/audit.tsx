import type { Hono } from 'hono';
import { AUDIT_ACTIONS, type AuditEntry, listAudit, listUsers } from '../../accounts/index.js';
import { adminTimeLabel, loadNewsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { pageParam, pagerLinks } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { AuditPage, type AuditRowView } from '../views/audit-page.js';

const PAGE_SIZE = 50;
const MAX_DETAIL_CHARS = 500;

// Subjects with a page of their own in the admin.
const SUBJECT_PAGES: Record<string, string> = {
  story: '/admin/stories',
  media: '/admin/media',
  section: '/admin/sections',
  entity: '/admin/entities',
  user: '/admin/people',
};

/** A detail value as one line of text: strings as they are, anything else as compact JSON. */
function detailText(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS)}…` : text;
}

function rowView(entry: AuditEntry, zone: string): AuditRowView {
  const page = SUBJECT_PAGES[entry.subjectKind];
  const label = entry.subjectId === null ? entry.subjectKind : `${entry.subjectKind} #${entry.subjectId}`;
  return {
    at: entry.at,
    atLabel: adminTimeLabel(entry.at, zone),
    actor: entry.actor,
    action: entry.action,
    subject: page && entry.subjectId !== null ? { label, href: `${page}/${entry.subjectId}` } : { label },
    locale: entry.locale,
    summary: entry.summary,
    details: Object.entries(entry.details).map(([name, value]) => ({ name, value: detailText(value) })),
  };
}

/** The audit log (audit.view): who did what to which story or record, in which locale, and when. */
export function auditRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/audit', async (c) => {
    requirePermission(c, { action: 'audit.view' });
    const t = c.get('t');
    const actionQuery = c.req.query('action') ?? '';
    const action = (AUDIT_ACTIONS as readonly string[]).includes(actionQuery) ? actionQuery : '';
    const userQuery = c.req.query('user') ?? '';
    const userId = /^[1-9]\d{0,9}$/.test(userQuery) ? Number(userQuery) : undefined;
    const { page, limit, offset } = pageParam(c, PAGE_SIZE);
    const [{ entries, total }, users, zone] = await Promise.all([
      listAudit(deps.db, { action: action || undefined, userId }, { limit, offset }),
      listUsers(deps.db),
      loadNewsroomZone(deps.db),
    ]);
    const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const user = userId === undefined ? '' : String(userId);
    const view = {
      t,
      filters: {
        action,
        user,
        actions: AUDIT_ACTIONS.map((a) => ({ value: a, label: a })),
        users: users.map((u) => ({
          value: String(u.id),
          label: u.displayName ? `${u.displayName} <${u.email}>` : u.email,
        })),
      },
      total,
      entries: entries.map((entry) => rowView(entry, zone)),
      pager: { page, totalPages, ...pagerLinks('/admin/audit', { action, user }, page, totalPages) },
    };
    return renderAdmin(c, adminChrome(c, deps, t('audit.heading')), <AuditPage view={view} />);
  });
}
