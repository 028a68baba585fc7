// Composing a newsletter digest: which stories a list gets for a period, and the email that
// carries them, in the list's language, with per-subscriber links left as placeholders.

import type { Kysely } from 'kysely';
import { absoluteMediaHref, listMediaByIds } from '../../media/index.js';
import type { Database } from '../../platform/database/index.js';
import { findSiteSettings, findStoryCards, listEntities, listSections } from '../../stories/index.js';
import { escapeHtml } from '../escape-html.js';
import type { Topic } from '../queries.js';
import { buildDigestView } from './digest-view.js';
import { PREFERENCES_URL_PLACEHOLDER, UNSUBSCRIBE_URL_PLACEHOLDER } from './placeholders.js';
import { renderDigestHtml } from './render-html.js';
import { renderDigestText } from './render-text.js';
import { listDigestStoryIds, normaliseInstant } from './select-stories.js';

/** Markers in a composed digest where each subscriber's own links go (see fillDigestLinks). */
export { PREFERENCES_URL_PLACEHOLDER, UNSUBSCRIBE_URL_PLACEHOLDER };

/** What composing a digest reads from: the store, and how the site names itself. */
export interface DigestDeps {
  db: Kysely<Database>;
  /** Absolute, without a trailing slash. */
  siteUrl: string;
  /** MEDIA_PUBLIC_BASE_URL: images are linked on this CDN when set, else on the site's /media. */
  mediaPublicBaseUrl?: string | undefined;
  siteName: (locale: string) => string;
  /** BCP 47 tag for `lang` (`zh` → `zh-Hans`). */
  languageTag: (locale: string) => string;
}

/** One list's digest for one period. */
export interface DigestRequest {
  /** The subscriber's locale; one the site no longer has falls back to the site's default. */
  locale: string;
  frequency: 'daily' | 'weekly';
  /** Empty: every story. */
  topics: Topic[];
  /** ISO instant, inclusive: stories first published at or after it. */
  since: string;
  /** ISO instant, exclusive. */
  until: string;
}

/** Both parts of the email, with placeholders for the per-subscriber links. */
export interface ComposedDigest {
  subject: string;
  html: string;
  text: string;
  /** The stories shown, newest first (at most MAX_DIGEST_STORIES). */
  storyIds: number[];
}

/** A digest lists this many stories, newest first, and links to the front page for the rest. */
export const MAX_DIGEST_STORIES = 20;

/**
 * The digest of the stories first published in the period that match the topics; null when
 * there are none. Reads no clock, so the same request over the same data gives the same email.
 */
export async function composeDigest(
  deps: DigestDeps,
  request: DigestRequest,
): Promise<ComposedDigest | null> {
  const since = normaliseInstant(request.since, 'since');
  const until = normaliseInstant(request.until, 'until');
  const settings = await findSiteSettings(deps.db);
  if (!settings) throw new Error('The site has no settings: run `velocity seed` or `velocity import` first.');
  const locale = settings.locales.includes(request.locale) ? request.locale : settings.defaultLocale;
  const ids = await listDigestStoryIds(deps.db, { topics: request.topics, since, until });
  if (ids.length === 0) return null;
  const shownIds = ids.slice(0, MAX_DIGEST_STORIES);
  const hasEntityTopics = request.topics.some((topic) => topic.kind === 'entity');
  const [stories, sections, entities] = await Promise.all([
    findStoryCards(deps.db, shownIds),
    listSections(deps.db),
    hasEntityTopics ? listEntities(deps.db) : Promise.resolve([]),
  ]);
  const media = await listMediaByIds(
    deps.db,
    stories.flatMap((story) => (story.heroMediaId === null ? [] : [story.heroMediaId])),
  );
  const view = buildDigestView({
    locale,
    frequency: request.frequency,
    topics: request.topics,
    since,
    until,
    settings,
    sections,
    entities,
    stories,
    moreCount: ids.length - shownIds.length,
    media,
    mediaUrl: (file) =>
      absoluteMediaHref({ siteUrl: deps.siteUrl, MEDIA_PUBLIC_BASE_URL: deps.mediaPublicBaseUrl }, file),
    siteUrl: deps.siteUrl,
    siteName: deps.siteName(locale),
    languageTag: deps.languageTag,
  });
  if (view.stories.length === 0) return null;
  return {
    subject: view.subject,
    html: await renderDigestHtml(view),
    text: renderDigestText(view),
    storyIds: view.stories.map((story) => story.id),
  };
}

/**
 * One subscriber's copy: both placeholders replaced in both parts (escaped for the HTML). Plain
 * string replacement, cheap enough to run once per message of a large send.
 */
export function fillDigestLinks(
  digest: { html: string; text: string },
  links: { preferencesUrl: string; unsubscribeUrl: string },
): { html: string; text: string } {
  // Replacer functions, not strings: a `$&` or `$1` in a URL must come out as written.
  const preferencesHtml = escapeHtml(links.preferencesUrl);
  const unsubscribeHtml = escapeHtml(links.unsubscribeUrl);
  return {
    html: digest.html
      .replaceAll(PREFERENCES_URL_PLACEHOLDER, () => preferencesHtml)
      .replaceAll(UNSUBSCRIBE_URL_PLACEHOLDER, () => unsubscribeHtml),
    text: digest.text
      .replaceAll(PREFERENCES_URL_PLACEHOLDER, () => links.preferencesUrl)
      .replaceAll(UNSUBSCRIBE_URL_PLACEHOLDER, () => links.unsubscribeUrl),
  };
}
