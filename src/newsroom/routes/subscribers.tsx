import type { Context, Hono } from 'hono';
import { recordAudit } from '../../accounts/index.js';
import {
  type AdminSubscriber,
  csvLine,
  type ImportReport,
  SUBSCRIBER_STATES,
  SubscriberCsvRefused,
  type SubscriberFilter,
} from '../../newsletter/index.js';
import type { SubscriberState } from '../../platform/database/index.js';
import { languageName } from '../../platform/i18n.js';
import { findSiteSettings } from '../../stories/index.js';
import { newsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { pageParam, pagerLinks } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { type ImportReportView, SubscribersPage, type SubscribersView } from '../views/subscribers-page.js';
import { timeView } from './desk-data.js';

type C = Context<NewsroomEnv>;

const PERMISSION = { action: 'subscribers.manage' } as const;
const PAGE_SIZE = 50;
/** About 20,000 subscribers; larger lists go in several files. */
const MAX_CSV_BYTES = 1024 * 1024;
const EXPORT_COLUMNS = [
  'email',
  'locale',
  'frequency',
  'state',
  'topics',
  'consent_requested_at',
  'consented_at',
];

const topicLabel = (topic: { kind: string; key: string }) => `${topic.kind}:${topic.key}`;

async function siteLocales(
  deps: NewsroomDeps,
): Promise<{ locales: string[]; defaultLocale: string; zone: string }> {
  const settings = await findSiteSettings(deps.db);
  return {
    locales: settings?.locales ?? ['en'],
    defaultLocale: settings?.defaultLocale ?? 'en',
    zone: newsroomZone(settings),
  };
}

/** The query's filters, each kept only when it is one the page offers. */
function readFilter(c: C, locales: string[]): SubscriberFilter & { q: string } {
  const q = (c.req.query('q') ?? '').trim().slice(0, 254);
  const state = c.req.query('state') ?? '';
  const locale = c.req.query('locale') ?? '';
  return {
    q,
    search: q || undefined,
    state: (SUBSCRIBER_STATES as readonly string[]).includes(state) ? (state as SubscriberState) : undefined,
    locale: locales.includes(locale) ? locale : undefined,
  };
}

function exportRow(subscriber: AdminSubscriber): string {
  return csvLine([
    subscriber.email,
    subscriber.locale,
    subscriber.frequency,
    subscriber.state,
    subscriber.topics.map(topicLabel).join(';'),
    subscriber.consentRequestedAt,
    subscriber.confirmedAt ?? '',
  ]);
}

/** The newsletter's subscribers (owners and editors): counts, search, CSV out and in. */
export function subscribersRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  const render = async (
    c: C,
    extra: { importError?: string; report?: ImportReportView } = {},
    status: 200 | 413 | 422 = 200,
  ) => {
    const t = c.get('t');
    const { locales, zone } = await siteLocales(deps);
    const filter = readFilter(c, locales);
    const { page, limit, offset } = pageParam(c, PAGE_SIZE);
    const [{ subscribers, total }, counts] = await Promise.all([
      deps.newsletter.admin.listSubscribers(filter, { limit, offset }),
      deps.newsletter.admin.subscriberCounts(),
    ]);
    const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const query = { q: filter.q, state: filter.state, locale: filter.locale };
    const byLocale = new Map<string, { active: number; total: number }>();
    for (const entry of counts.byLocale) {
      const sum = byLocale.get(entry.locale) ?? { active: 0, total: 0 };
      sum.total += entry.count;
      if (entry.state === 'active') sum.active += entry.count;
      byLocale.set(entry.locale, sum);
    }
    const exportQuery = new URLSearchParams(
      Object.entries(query).filter((pair): pair is [string, string] => Boolean(pair[1])),
    ).toString();
    const chrome = adminChrome(c, deps, t('subscribers.heading'));
    const view: SubscribersView = {
      t,
      csrfToken: chrome.csrfToken,
      filters: {
        q: filter.q,
        state: filter.state ?? '',
        locale: filter.locale ?? '',
        locales: locales.map((l) => ({ value: l, label: languageName(l) })),
      },
      counts: {
        byState: SUBSCRIBER_STATES.map((state) => ({ state, count: counts.byState[state] })),
        byLocale: [...byLocale].map(([locale, sum]) => ({ label: languageName(locale), ...sum })),
        byTopic: counts.byTopic.map((entry) => ({ label: topicLabel(entry), count: entry.count })),
      },
      total,
      rows: subscribers.map((s) => ({
        id: s.id,
        email: s.email,
        locale: s.locale,
        frequency: s.frequency,
        state: s.state,
        topics: s.topics.map(topicLabel),
        confirmed: timeView(s.confirmedAt, zone),
      })),
      pager: { page, totalPages, ...pagerLinks('/admin/subscribers', query, page, totalPages) },
      exportHref: `/admin/subscribers/export.csv${exportQuery ? `?${exportQuery}` : ''}`,
      importError: extra.importError,
      report: extra.report,
      maxCsvKilobytes: String(MAX_CSV_BYTES / 1024),
    };
    return renderAdmin(c, chrome, <SubscribersPage view={view} />, status);
  };

  app.get('/subscribers', (c) => {
    requirePermission(c, PERMISSION);
    return render(c);
  });

  app.get('/subscribers/export.csv', async (c) => {
    requirePermission(c, PERMISSION);
    const { locales } = await siteLocales(deps);
    const filter = readFilter(c, locales);
    let body = csvLine(EXPORT_COLUMNS);
    for await (const batch of deps.newsletter.admin.eachSubscriber(filter))
      for (const s of batch) body += exportRow(s);
    const day = deps.now().toISOString().slice(0, 10);
    return c.body(body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="subscribers-${day}.csv"`,
      'cache-control': 'no-store',
    });
  });

  app.post('/subscribers/import', async (c) => {
    const actor = requirePermission(c, PERMISSION);
    const t = c.get('t');
    const body = await c.req.parseBody();
    const file = body.csv;
    if (!(file instanceof File) || file.size === 0)
      return render(c, { importError: t('subscribers.error.missing') }, 422);
    if (file.size > MAX_CSV_BYTES)
      return render(
        c,
        { importError: t('subscribers.error.tooLarge', { kilobytes: String(MAX_CSV_BYTES / 1024) }) },
        413,
      );
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    } catch {
      return render(c, { importError: t('subscribers.error.encoding') }, 422);
    }
    const { locales, defaultLocale } = await siteLocales(deps);
    let report: ImportReport;
    try {
      report = await deps.newsletter.admin.importSubscribersCsv(text, {
        locales,
        defaultLocale,
        now: deps.now(),
        onImported: (trx, imported) => {
          const { invalid, ...counts } = imported;
          return recordAudit(
            trx,
            {
              actor,
              action: 'subscriber.import',
              subject: { kind: 'subscriber', id: null },
              summary: file.name.slice(0, 200),
              details: { ...counts, invalid: invalid.length },
            },
            deps.now(),
          );
        },
      });
    } catch (error) {
      if (!(error instanceof SubscriberCsvRefused)) throw error;
      const message =
        error.reason === 'malformed'
          ? t('subscribers.error.malformed', { line: error.line })
          : t('subscribers.error.noEmailColumn');
      return render(c, { importError: message }, 422);
    }
    const { invalid, ...counts } = report;
    return render(c, {
      report: {
        ...counts,
        invalid: invalid.map((row) => ({
          line: row.line,
          reason: t(`subscribers.problem.${row.problem}`),
        })),
      },
    });
  });
}
