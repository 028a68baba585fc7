import type { Context, Hono } from 'hono';
import {
  type ComposedDigest,
  createTestSendLimiter,
  type DigestChoice,
  fillDigestLinks,
  InvalidEmailAddress,
  normaliseEmailAddress,
  previewPeriod,
  sendErrorLine,
  type Topic,
} from '../../newsletter/index.js';
import { languageName } from '../../platform/i18n.js';
import { findSiteSettings } from '../../stories/index.js';
import { adminTimeLabel, newsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import { type FormBody, field, fieldValues } from '../forms.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import type { AdminChrome } from '../views/admin-layout.js';
import { NewsletterPreviewPage, type PreviewView } from '../views/newsletter-preview-page.js';
import { loadTaxonomy, sandboxedHtml, signupUrl, type Taxonomy, topicName } from './newsletter-data.js';

type C = Context<NewsroomEnv>;

const VIEW = { action: 'subscribers.manage' } as const;
const PERIOD_DAYS = { daily: 1, weekly: 7 };
const DAY_CHOICES = [1, 7, 14, 30];
/** Tests per person per window: enough to check a fix, too few to mail anyone in bulk. */
const TEST_SEND_LIMIT = { max: 5, windowMs: 10 * 60_000 };

interface Choice extends DigestChoice {
  /** As the form sends them back: `section:models`. */
  topicValues: string[];
  /** '' when the period is the frequency's own. */
  daysValue: string;
}

/** The form's values, each kept only when it is one the page offers. */
function readChoice(
  input: { locale: string; frequency: string; days: string; topics: string[] },
  locales: string[],
  defaultLocale: string,
  taxonomy: Taxonomy,
): Choice {
  const frequency = input.frequency === 'weekly' ? 'weekly' : 'daily';
  const locale = locales.includes(input.locale) ? input.locale : defaultLocale;
  const daysNumber = Number(input.days);
  const daysValue = DAY_CHOICES.includes(daysNumber) ? String(daysNumber) : '';
  const known = new Set([
    ...taxonomy.sections.map((s) => `section:${s.key}`),
    ...taxonomy.entities.map((e) => `entity:${e.slug}`),
  ]);
  const topicValues = [...new Set(input.topics.filter((topic) => known.has(topic)))];
  const topics: Topic[] = topicValues.map((value) => {
    const [kind, ...rest] = value.split(':');
    return { kind: kind === 'entity' ? 'entity' : 'section', key: rest.join(':') };
  });
  return {
    locale,
    frequency,
    days: daysValue ? daysNumber : PERIOD_DAYS[frequency],
    daysValue,
    topics,
    topicValues,
  };
}

function previewQuery(choice: Choice): string {
  const params = new URLSearchParams({ locale: choice.locale, frequency: choice.frequency });
  if (choice.daysValue) params.set('days', choice.daysValue);
  for (const topic of choice.topicValues) params.append('topic', topic);
  return params.toString();
}

/** The digest preview for any list and period, and a test of it sent to one address. */
export function newsletterPreviewRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  const limiter = createTestSendLimiter(deps.db, TEST_SEND_LIMIT);

  const load = async (input: { locale: string; frequency: string; days: string; topics: string[] }) => {
    const [settings, taxonomy] = await Promise.all([findSiteSettings(deps.db), loadTaxonomy(deps)]);
    const locales = settings?.locales ?? ['en'];
    const choice = readChoice(input, locales, settings?.defaultLocale ?? 'en', taxonomy);
    // No site settings means no site to compose for: nothing to preview yet.
    const { period, digest } = settings
      ? await deps.newsletter.admin.previewDigest(choice)
      : { period: previewPeriod(deps.now(), choice.days), digest: null };
    return { locales, taxonomy, choice, period, digest, zone: newsroomZone(settings) };
  };

  const render = (
    c: C,
    loaded: Awaited<ReturnType<typeof load>>,
    extra: { to?: string; error?: string; notice?: AdminChrome['notice'] } = {},
    status: 200 | 422 | 429 = 200,
  ) => {
    const t = c.get('t');
    const session = c.get('session');
    const { choice, taxonomy, digest, period } = loaded;
    const chrome = adminChrome(c, deps, t('newsletterAdmin.preview.pageHeading'));
    if (extra.notice) chrome.notice = extra.notice;
    const option = (value: string) => ({ value, label: topicName(value, taxonomy, t.locale) });
    const view: PreviewView = {
      t,
      csrfToken: chrome.csrfToken,
      form: {
        locale: choice.locale,
        frequency: choice.frequency,
        days: choice.daysValue,
        topics: choice.topicValues,
      },
      locales: loaded.locales.map((l) => ({ value: l, label: languageName(l) })),
      sections: taxonomy.sections.map((s) => option(`section:${s.key}`)),
      entities: taxonomy.entities.map((e) => option(`entity:${e.slug}`)),
      period: t('newsletterAdmin.preview.period', {
        since: adminTimeLabel(period.since, loaded.zone),
        until: adminTimeLabel(period.until, loaded.zone),
        count: digest?.storyIds.length ?? 0,
      }),
      ...(digest
        ? {
            preview: {
              htmlSrc: `/admin/newsletter/preview.html?${previewQuery(choice)}`,
              text: fillLinks(deps, digest, choice.locale).text,
              subject: digest.subject,
            },
          }
        : {}),
      testSend: { to: extra.to ?? session?.user.email ?? '', error: extra.error },
    };
    return renderAdmin(c, chrome, <NewsletterPreviewPage view={view} />, status);
  };

  const fromQuery = (c: C) => ({
    locale: c.req.query('locale') ?? '',
    frequency: c.req.query('frequency') ?? '',
    days: c.req.query('days') ?? '',
    topics: c.req.queries('topic') ?? [],
  });

  app.get('/newsletter/preview', async (c) => {
    requirePermission(c, VIEW);
    const sent = sentTo(c.req.query('sent'));
    if (!sent) return render(c, await load(fromQuery(c)));
    const notice = {
      kind: 'success' as const,
      text: c.get('t')('newsletterAdmin.testSend.sent', { address: sent }),
    };
    return render(c, await load(fromQuery(c)), { to: sent, notice });
  });

  app.get('/newsletter/preview.html', async (c) => {
    requirePermission(c, VIEW);
    const { digest, choice } = await load(fromQuery(c));
    const html = digest ? fillLinks(deps, digest, choice.locale).html : '<!doctype html><title>-</title>';
    return sandboxedHtml(c, deps, html);
  });

  app.post('/newsletter/test-send', async (c) => {
    const actor = requirePermission(c, VIEW);
    const t = c.get('t');
    const body = (await c.req.parseBody({ all: true })) as FormBody;
    const loaded = await load({
      locale: field(body, 'locale'),
      frequency: field(body, 'frequency'),
      days: field(body, 'days'),
      topics: fieldValues(body, 'topic'),
    });
    const typed = field(body, 'to').slice(0, 320);
    let to: string;
    try {
      to = normaliseEmailAddress(typed);
    } catch (error) {
      if (!(error instanceof InvalidEmailAddress)) throw error;
      return render(c, loaded, { to: typed, error: t('newsletterAdmin.testSend.invalid') }, 422);
    }
    const failure = (text: string) => ({ kind: 'error' as const, text });
    if (!loaded.digest)
      return render(c, loaded, { to, notice: failure(t('newsletterAdmin.preview.nothing')) }, 422);
    const slot = await limiter.take(actor.id, deps.now().getTime());
    if (slot !== 'granted') {
      return render(c, loaded, { to, notice: failure(t(`newsletterAdmin.testSend.${slot}`)) }, 429);
    }
    try {
      await deps.newsletter.admin.sendTestDigest(loaded.digest, {
        locale: loaded.choice.locale,
        to,
        signupUrl: signupUrl(deps, loaded.choice.locale),
      });
    } catch (error) {
      deps.log.warn({ err: error }, 'newsletter test send failed');
      const reason = sendErrorLine(error);
      return render(c, loaded, { to, notice: failure(t('newsletterAdmin.testSend.failed', { reason })) });
    } finally {
      await limiter.release(actor.id);
    }
    // Post/redirect/get: reloading the page that says "sent" must not send again.
    const query = new URLSearchParams(previewQuery(loaded.choice));
    query.set('sent', to);
    return c.redirect(`/admin/newsletter/preview?${query.toString()}`, 303);
  });
}

/** The address of the `sent` notice after the redirect; only a well-formed one is shown. */
function sentTo(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return normaliseEmailAddress(value.slice(0, 320));
  } catch (error) {
    if (error instanceof InvalidEmailAddress) return undefined;
    throw error;
  }
}

/** The digest as the preview shows it: its subscriber links go to the signup page, as in a test. */
function fillLinks(deps: NewsroomDeps, digest: ComposedDigest, locale: string) {
  const url = signupUrl(deps, locale);
  return fillDigestLinks(digest, { preferencesUrl: url, unsubscribeUrl: url });
}
