import type { Context, Hono } from 'hono';
import { can } from '../../accounts/index.js';
import { listRisingClusters } from '../../desk/index.js';
import {
  listDraftsAwaitingReview,
  listMostSharedStories,
  listScheduledVariants,
  listStaleTranslations,
} from '../../editorial/index.js';
import { displayLanguageName } from '../../platform/i18n.js';
import { listEntityProposals } from '../../stories/index.js';
import { loadNewsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import { calendarWeeks, calendarWindow } from '../home/calendar.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { HomePage, type HomeView, type VariantLink } from '../views/home-page.js';

type C = Context<NewsroomEnv>;

/** How many rows each panel lists; each links onward to the whole list. */
const HOME_LIMITS = {
  drafts: 8,
  stale: 8,
  scheduled: 200,
  rising: 6,
  shared: 8,
  proposals: 5,
} as const;
const CALENDAR_WEEKS = 5;
const RISING_WINDOW_MS = 6 * 3_600_000;

const nothing = <T,>(): Promise<T[]> => Promise.resolve([]);

/** The newsroom's home page: what needs attention now, each panel linking to where it is done. */
export function homeRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  const home = async (c: C) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const t = c.get('t');
    const now = deps.now();
    const may = (action: 'desk.view' | 'subscribers.manage' | 'taxonomy.manage') => can(actor, { action });
    // The calendar's days and the times on it are the newsroom's (a site setting), as all admin times are.
    const zone = await loadNewsroomZone(deps.db);
    const window = calendarWindow(calendarWeeks(now, zone, CALENDAR_WEEKS, []));
    // Each panel is one bounded query (two for the proposals' count), all at once.
    const [drafts, stale, scheduled, rising, sends, shared, proposals] = await Promise.all([
      listDraftsAwaitingReview(deps.db, HOME_LIMITS.drafts),
      listStaleTranslations(deps.db, HOME_LIMITS.stale),
      listScheduledVariants(deps.db, window, HOME_LIMITS.scheduled),
      may('desk.view')
        ? listRisingClusters(deps.db, new Date(now.getTime() - RISING_WINDOW_MS), HOME_LIMITS.rising)
        : nothing<never>(),
      may('subscribers.manage') ? deps.newsletter.admin.listNextSends() : nothing<never>(),
      listMostSharedStories(deps.db, HOME_LIMITS.shared),
      may('taxonomy.manage') ? listEntityProposals(deps.db, HOME_LIMITS.proposals) : undefined,
    ]);
    const language = (locale: string) => displayLanguageName(locale, t.locale);
    const link = (v: { storyId: number; locale: string; title: string }): VariantLink => ({
      href: `/admin/stories/${v.storyId}/${v.locale}`,
      title: v.title || t('home.untitled'),
      language: language(v.locale),
      lang: v.locale,
    });
    const dateTime = (iso: string, style: 'short' | 'medium' = 'medium') => ({
      iso,
      label: new Intl.DateTimeFormat(t.locale, {
        dateStyle: style,
        timeStyle: 'short',
        timeZone: zone,
      }).format(new Date(iso)),
    });
    const timeOnly = (iso: string) =>
      new Intl.DateTimeFormat(t.locale, { timeStyle: 'short', timeZone: zone }).format(new Date(iso));
    const view: HomeView = {
      t,
      timeZone: zone,
      drafts: drafts.map((d) => ({ ...link(d), at: dateTime(d.at) })),
      stale: stale.map((s) => ({ ...link(s), at: dateTime(s.at), sourceLanguage: language(s.sourceLocale) })),
      calendar: calendarWeeks(
        now,
        zone,
        CALENDAR_WEEKS,
        scheduled.map((s) => ({
          at: s.at,
          value: { ...link(s), time: { iso: s.at, label: timeOnly(s.at) } },
        })),
      ).map((week) =>
        week.map((day) => ({
          ...day,
          label: new Intl.DateTimeFormat(t.locale, {
            month: 'short',
            day: 'numeric',
            timeZone: 'UTC',
          }).format(new Date(`${day.date}T12:00:00Z`)),
          weekday: new Intl.DateTimeFormat(t.locale, { weekday: 'long', timeZone: 'UTC' }).format(
            new Date(`${day.date}T12:00:00Z`),
          ),
        })),
      ),
      weekdays: Array.from({ length: 7 }, (_, i) =>
        new Intl.DateTimeFormat(t.locale, { weekday: 'short', timeZone: 'UTC' }).format(
          new Date(Date.UTC(2024, 0, 1 + i, 12)),
        ),
      ),
      ...(may('desk.view')
        ? {
            rising: rising.map((r) => ({
              href: `/admin/desk/${r.id}`,
              title: r.title,
              recent: r.recentItems,
              items: r.itemCount,
              feeds: r.feedCount,
            })),
          }
        : {}),
      ...(may('subscribers.manage')
        ? {
            sends: sends.map((s) => ({
              frequency: t(`home.newsletter.${s.frequency}`),
              language: language(s.locale),
              at: dateTime(s.dueAt),
              subscribers: s.subscribers,
            })),
          }
        : {}),
      shared: shared.map((s) => ({ ...link(s), shares: s.shares })),
      ...(proposals
        ? {
            proposals: {
              total: proposals.total,
              names: proposals.proposals.map((p) => Object.values(p.names)[0] ?? p.slug),
            },
          }
        : {}),
    };
    const chrome = adminChrome(c, deps, t('home.heading'));
    return renderAdmin(c, chrome, <HomePage view={view} />);
  };
  app.get('/', home);
}
