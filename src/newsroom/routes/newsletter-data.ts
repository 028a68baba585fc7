import type { Context } from 'hono';
import { type DeliveryCounts, EMPTY_COUNTS, signupPath } from '../../newsletter/index.js';
import type { Translator } from '../../platform/i18n.js';
import { type Entity, listEntities, listSections, type Section } from '../../stories/index.js';
import { adminTime } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { CountsView } from '../views/newsletter-common.js';

// Shared by the newsletter admin's routes: counts as the pages show them, topic sets by name, and
// the sandboxed answer that carries a digest's HTML into the preview frame.

/** Pending includes the deliveries a sender holds right now: both are still to go out. */
export function countsView(counts: DeliveryCounts | undefined): CountsView {
  const c = counts ?? EMPTY_COUNTS;
  return {
    sent: c.sent,
    pending: c.pending + c.sending,
    retrying: c.retrying,
    failed: c.failed,
    suppressed: c.suppressed,
    total: c.total,
  };
}

export function sumCounts(all: Iterable<DeliveryCounts>): DeliveryCounts {
  const sum = { ...EMPTY_COUNTS };
  for (const counts of all) {
    for (const key of Object.keys(sum) as (keyof DeliveryCounts)[]) sum[key] += counts[key];
  }
  return sum;
}

export interface Taxonomy {
  sections: Section[];
  entities: Entity[];
}

export async function loadTaxonomy(deps: NewsroomDeps): Promise<Taxonomy> {
  const [sections, entities] = await Promise.all([listSections(deps.db), listEntities(deps.db)]);
  return { sections, entities };
}

/** A topic (`section:models`) by its name in the admin's language; the raw value when it is gone. */
export function topicName(topic: string, taxonomy: Taxonomy, locale: string): string {
  const [kind, ...rest] = topic.split(':');
  const key = rest.join(':');
  if (kind === 'section') {
    const section = taxonomy.sections.find((s) => s.key === key);
    const name = section
      ? (section.translations[locale] ?? Object.values(section.translations)[0])?.name
      : undefined;
    return name ?? topic;
  }
  const entity = taxonomy.entities.find((e) => e.slug === key);
  const name = entity
    ? (entity.translations[locale] ?? Object.values(entity.translations)[0])?.name
    : undefined;
  return name ?? topic;
}

/** An issue's topic key (`entity:nvidia,section:models`, or '' for everything) as names. */
export function topicsLabel(key: string, taxonomy: Taxonomy, t: Translator): string {
  if (key === '') return t('newsletterAdmin.topics.all');
  return key
    .split(',')
    .map((topic) => topicName(topic, taxonomy, t.locale))
    .join(', ');
}

/** Where a preview's or a test's per-subscriber links point: the signup page of the digest's locale. */
export function signupUrl(deps: NewsroomDeps, locale: string): string {
  return `${deps.config.siteUrl}${signupPath(locale)}`;
}

/**
 * A digest's HTML for the preview frame. The CSP's `sandbox` gives the document an opaque origin
 * with scripts, forms and plugins off even if it is opened on its own, and nothing is loaded but
 * images and the inline styles mail needs; only admin pages may frame it.
 */
export function sandboxedHtml(c: Context, deps: NewsroomDeps, html: string): Response {
  // The site's own origin too: a development site on http://localhost serves its images over http.
  const site = new URL(deps.config.siteUrl).origin;
  return c.body(html, 200, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': `sandbox; default-src 'none'; img-src https: data: ${site}; style-src 'unsafe-inline'; frame-ancestors 'self'`,
    'x-frame-options': 'SAMEORIGIN',
    'cache-control': 'no-store',
  });
}

/** An ISO instant as the pages show it, on the newsroom's clocks; nothing when there is none. */
export function timeOf(
  iso: string | null | undefined,
  zone: string,
): { iso: string; label: string } | undefined {
  return iso ? adminTime(iso, zone) : undefined;
}
