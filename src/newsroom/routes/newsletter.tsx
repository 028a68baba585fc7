import type { Context, Hono } from 'hono';
import { can } from '../../accounts/index.js';
import { fillDigestLinks, type IssueRow } from '../../newsletter/index.js';
import { DomainError } from '../../platform/errors.js';
import { languageName } from '../../platform/i18n.js';
import { findSiteSettings } from '../../stories/index.js';
import { loadNewsroomZone, newsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { idParam, pageParam, pagerLinks } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { NewsletterIssuePage } from '../views/newsletter-issue-page.js';
import { ISSUE_STATE_BADGE, NewsletterIssuesPage } from '../views/newsletter-issues-page.js';
import {
  countsView,
  loadTaxonomy,
  sandboxedHtml,
  signupUrl,
  sumCounts,
  timeOf,
  topicsLabel,
} from './newsletter-data.js';
import { newsletterEventsRoutes } from './newsletter-events.js';
import { newsletterPreviewRoutes } from './newsletter-preview.js';

type C = Context<NewsroomEnv>;

const VIEW = { action: 'subscribers.manage' } as const;
const SEND = { action: 'newsletter.send' } as const;
const ISSUES_PER_PAGE = 25;
const DELIVERIES_PER_PAGE = 50;
/** counts.json answers for at most this many issues: one page of the list. */
const MAX_LIVE_IDS = 100;

function storyCount(issue: IssueRow): number {
  try {
    const ids: unknown = JSON.parse(issue.story_ids);
    return Array.isArray(ids) ? ids.length : 0;
  } catch {
    return 0;
  }
}

/** `?ids=3,2,1`: the issues whose rows the page shows; anything unreadable is dropped. */
function liveIds(c: C): number[] {
  const ids = (c.req.query('ids') ?? '')
    .split(',')
    .filter((part) => /^[1-9]\d{0,9}$/.test(part))
    .map(Number);
  return [...new Set(ids)].slice(0, MAX_LIVE_IDS);
}

/** Issues, their delivery counts, and the one-off send of a list; the other pages hang off here. */
export function newsletterRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  const { admin } = deps.newsletter;
  app.get('/newsletter', async (c) => {
    const actor = requirePermission(c, VIEW);
    const t = c.get('t');
    const { page, limit, offset } = pageParam(c, ISSUES_PER_PAGE);
    const [issues, total, all, active, taxonomy, settings] = await Promise.all([
      admin.listIssues({ limit, offset }),
      admin.countIssues(),
      admin.countDeliveries(),
      admin.anyIssueSending(),
      loadTaxonomy(deps),
      findSiteSettings(deps.db),
    ]);
    const zone = newsroomZone(settings);
    const totalPages = Math.max(1, Math.ceil(total / ISSUES_PER_PAGE));
    const chrome = adminChrome(c, deps, t('newsletterAdmin.heading'));
    const here = page > 1 ? `/admin/newsletter?page=${page}` : '/admin/newsletter';
    const view = {
      t,
      totals: countsView(sumCounts(all.values())),
      active,
      countsUrl: `/admin/newsletter/counts.json?ids=${issues.map((i) => i.id).join(',')}`,
      refreshHref: here,
      total,
      issues: issues.map((issue) => ({
        id: issue.id,
        href: `/admin/newsletter/issues/${issue.id}`,
        slot: issue.slot,
        kind: issue.kind,
        locale: issue.locale,
        frequency: issue.frequency,
        topics: topicsLabel(issue.topic_key, taxonomy, t),
        storyCount: storyCount(issue),
        state: issue.state,
        created: timeOf(issue.created_at, zone),
        counts: countsView(all.get(issue.id)),
      })),
      pager: { page, totalPages, ...pagerLinks('/admin/newsletter', {}, page, totalPages) },
      ...(can(actor, SEND)
        ? {
            sendNow: {
              csrfToken: chrome.csrfToken,
              locales: (settings?.locales ?? ['en']).map((l) => ({ value: l, label: languageName(l) })),
            },
          }
        : {}),
    };
    return renderAdmin(c, chrome, <NewsletterIssuesPage view={view} />);
  });

  // What the issues page's script polls while a send is going on: small, and never cached.
  app.get('/newsletter/counts.json', async (c) => {
    requirePermission(c, VIEW);
    const t = c.get('t');
    const ids = liveIds(c);
    const [all, active, issues] = await Promise.all([
      admin.countDeliveries(),
      admin.anyIssueSending(),
      Promise.all(ids.map((id) => admin.findIssue(id))),
    ]);
    const perIssue: Record<
      string,
      ReturnType<typeof countsView> & { state: string; stateLabel: string; badge: string }
    > = {};
    for (const issue of issues) {
      if (!issue) continue;
      perIssue[String(issue.id)] = {
        ...countsView(all.get(issue.id)),
        state: issue.state,
        stateLabel: t(`newsletterAdmin.state.${issue.state}`),
        badge: ISSUE_STATE_BADGE[issue.state],
      };
    }
    return c.json({ active, totals: countsView(sumCounts(all.values())), issues: perIssue }, 200, {
      'cache-control': 'no-store',
    });
  });

  app.get('/newsletter/issues/:id', async (c) => {
    requirePermission(c, VIEW);
    const t = c.get('t');
    const issue = await findIssueOrThrow(deps, idParam(c));
    const { page, limit, offset } = pageParam(c, DELIVERIES_PER_PAGE);
    const [counts, troubled, taxonomy, zone] = await Promise.all([
      admin.countDeliveries([issue.id]),
      admin.listTroubledDeliveries(issue.id, { limit, offset }),
      loadTaxonomy(deps),
      loadNewsroomZone(deps.db),
    ]);
    const totalPages = Math.max(1, Math.ceil(troubled.total / DELIVERIES_PER_PAGE));
    const base = `/admin/newsletter/issues/${issue.id}`;
    const view = {
      t,
      id: issue.id,
      slot: issue.slot,
      locale: issue.locale,
      frequency: issue.frequency,
      topics: topicsLabel(issue.topic_key, taxonomy, t),
      state: issue.state,
      storyCount: storyCount(issue),
      periodStart: timeOf(issue.period_start, zone),
      periodEnd: timeOf(issue.period_end, zone),
      created: timeOf(issue.created_at, zone),
      completed: timeOf(issue.completed_at, zone),
      subject: issue.subject,
      counts: countsView(counts.get(issue.id)),
      troubled: troubled.deliveries.map((d) => ({
        id: d.id,
        email: d.email,
        state: d.state,
        attempts: d.attempts,
        nextAttempt: timeOf(d.nextAttemptAt, zone),
        lastError: d.lastError ?? '',
      })),
      troubledTotal: troubled.total,
      pager: { page, totalPages, ...pagerLinks(base, {}, page, totalPages) },
      ...(issue.state === 'empty'
        ? {}
        : {
            preview: {
              htmlSrc: `${base}/preview.html`,
              text: previewParts(deps, issue).text,
              subject: issue.subject,
            },
          }),
    };
    const chrome = adminChrome(c, deps, t('newsletterAdmin.issue.heading', { slot: issue.slot }));
    return renderAdmin(c, chrome, <NewsletterIssuePage view={view} />);
  });

  app.get('/newsletter/issues/:id/preview.html', async (c) => {
    requirePermission(c, VIEW);
    const issue = await findIssueOrThrow(deps, idParam(c));
    return sandboxedHtml(c, deps, previewParts(deps, issue).html);
  });

  // A run outside the schedule, planned like a scheduled one; the scheduler sends it. The slot
  // names the minute, so a second click within it finds the run planned and adds nothing.
  app.post('/newsletter/send-now', async (c) => {
    const actor = requirePermission(c, SEND);
    const body = await c.req.parseBody();
    const settings = await findSiteSettings(deps.db);
    const locale = typeof body.locale === 'string' ? body.locale : '';
    const frequency = body.frequency === 'weekly' || body.frequency === 'daily' ? body.frequency : undefined;
    if (!frequency || !(settings?.locales ?? []).includes(locale)) {
      throw new DomainError('invalid', 'Choose one of the site’s languages and daily or weekly.');
    }
    const minute = new Date(Math.floor(deps.now().getTime() / 60_000) * 60_000);
    const slot = `manual-${minute.toISOString().slice(0, 16)}`;
    const outcome = await admin.planRun({
      frequency,
      locale,
      slot,
      kind: 'manual',
      dueAt: minute,
    });
    // The audit log's actions are a fixed list of the accounts feature; the server log keeps who
    // started a send to a whole list until it has one.
    deps.log.info(
      { userId: actor.id, locale, frequency, slot, deliveries: outcome.deliveriesPlanned },
      'manual newsletter run planned',
    );
    return c.redirect('/admin/newsletter?notice=digestPlanned', 303);
  });

  newsletterPreviewRoutes(app, deps);
  newsletterEventsRoutes(app, deps);
}

async function findIssueOrThrow(deps: NewsroomDeps, id: number): Promise<IssueRow> {
  const issue = await deps.newsletter.admin.findIssue(id);
  if (!issue) throw new DomainError('not-found', `No newsletter issue #${id}.`);
  return issue;
}

/** The stored issue with its per-subscriber links pointing at the signup page. */
function previewParts(deps: NewsroomDeps, issue: IssueRow): { html: string; text: string } {
  const url = signupUrl(deps, issue.locale);
  return fillDigestLinks(issue, { preferencesUrl: url, unsubscribeUrl: url });
}
