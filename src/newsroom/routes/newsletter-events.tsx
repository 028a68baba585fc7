import type { Hono } from 'hono';
import type { NewsletterEventKind } from '../../platform/database/index.js';
import { loadNewsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { pageParam, pagerLinks } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { type EventsView, NewsletterEventsPage } from '../views/newsletter-events-page.js';
import { timeOf } from './newsletter-data.js';

const VIEW = { action: 'subscribers.manage' } as const;
const PAGE_SIZE = 50;
const KINDS: NewsletterEventKind[] = [
  'hard_bounce',
  'soft_bounce',
  'complaint',
  'smtp_permanent',
  'smtp_temporary',
];
/** `smtp` is what the sender itself saw; the others are webhooks of the mail providers. */
const PROVIDERS = ['smtp', 'velocity', 'mailgun', 'sendgrid', 'postmark'];

/** The audit trail of bounces, complaints and SMTP failures, with what was done about each. */
export function newsletterEventsRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/newsletter/events', async (c) => {
    requirePermission(c, VIEW);
    const t = c.get('t');
    const kindQuery = c.req.query('kind') ?? '';
    const kind = (KINDS as string[]).includes(kindQuery) ? (kindQuery as NewsletterEventKind) : undefined;
    const providerQuery = c.req.query('provider') ?? '';
    const provider = PROVIDERS.includes(providerQuery) ? providerQuery : undefined;
    const q = (c.req.query('q') ?? '').trim().slice(0, 254);
    const filter = { kind, provider, email: q || undefined };
    const { page, limit, offset } = pageParam(c, PAGE_SIZE);
    const [events, total, zone] = await Promise.all([
      deps.newsletter.admin.listEvents({ ...filter, limit, offset }),
      deps.newsletter.admin.countEvents(filter),
      loadNewsroomZone(deps.db),
    ]);
    const issueOf = await deps.newsletter.admin.issueIdsOfDeliveries(
      events.flatMap((e) => (e.deliveryId === null ? [] : [e.deliveryId])),
    );
    const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const query = { kind: kind ?? '', provider: provider ?? '', q };
    const view: EventsView = {
      t,
      filters: {
        ...query,
        kinds: KINDS.map((k) => ({ value: k, label: t(`newsletterAdmin.kind.${k}`) })),
        providers: PROVIDERS.map((p) => ({ value: p, label: p })),
      },
      total,
      events: events.map((event) => {
        const issueId = event.deliveryId === null ? undefined : issueOf.get(event.deliveryId);
        const label =
          issueId === undefined
            ? t('newsletterAdmin.events.delivery', { id: event.deliveryId ?? 0 })
            : t('newsletterAdmin.events.deliveryOfIssue', { id: event.deliveryId ?? 0, issue: issueId });
        return {
          id: event.id,
          received: timeOf(event.receivedAt, zone),
          occurred: timeOf(event.occurredAt, zone),
          provider: event.provider,
          kind: event.kind,
          email: event.email,
          action: event.action,
          detail: event.detail,
          ...(event.deliveryId === null
            ? {}
            : {
                delivery: {
                  label,
                  ...(issueId === undefined ? {} : { href: `/admin/newsletter/issues/${issueId}` }),
                },
              }),
        };
      }),
      pager: { page, totalPages, ...pagerLinks('/admin/newsletter/events', query, page, totalPages) },
    };
    return renderAdmin(
      c,
      adminChrome(c, deps, t('newsletterAdmin.events.heading')),
      <NewsletterEventsPage view={view} />,
    );
  });
}
