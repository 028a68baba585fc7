import type { Kysely } from 'kysely';
import { absoluteMediaHref } from '../../media/index.js';
import type { Config } from '../../platform/config.js';
import type { Database } from '../../platform/database/index.js';
import { DomainError } from '../../platform/errors.js';
import {
  countPublishedStories,
  countStoriesPerEntity,
  findSiteSettings,
  findStory,
  findStoryCards,
  listEntities,
  listMedia,
  listPublishedStories,
  listSections,
  StoryNotFound,
} from '../../stories/index.js';
import type { ApiDeps } from '../deps.js';
import { defineEndpoint, type Endpoint } from '../endpoint.js';
import type { FieldError } from '../problem.js';
import {
  type ContentContext,
  presentDetail,
  presentEntity,
  presentSection,
  presentSummary,
} from './present.js';
import {
  EntityList,
  ListEntitiesQuery,
  ListStoriesQuery,
  LocaleQuery,
  SectionList,
  StoryEnvelope,
  StoryPage,
  StoryPath,
} from './schemas.js';

const TAG = 'Content API';
const BASE = '/content/v1';

function invalid(location: FieldError['location'], field: string, message: string): DomainError {
  return new DomainError('invalid', message, { errors: [{ location, field, message }] });
}

// Four small reads per request; they are what the site keeps in its in-memory catalog.
async function loadContext(db: Kysely<Database>, config: Config): Promise<ContentContext> {
  const [settings, sections, entities, media] = await Promise.all([
    findSiteSettings(db),
    listSections(db),
    listEntities(db),
    listMedia(db),
  ]);
  if (!settings) throw new DomainError('not-found', 'The site has no settings yet.');
  return {
    siteUrl: config.siteUrl,
    mediaUrl: (file) => absoluteMediaHref(config, file),
    settings,
    sections,
    entities,
    media,
  };
}

/** The requested locale, which must be one the site publishes in; the default when absent. */
function localeOf(ctx: ContentContext, requested: string | undefined): string {
  const locale = requested ?? ctx.settings.defaultLocale;
  if (!ctx.settings.locales.includes(locale)) {
    throw invalid(
      'query',
      'locale',
      `Not a locale of this site: ${locale}. Use one of ${ctx.settings.locales.join(', ')}.`,
    );
  }
  return locale;
}

/** The read-only Content API: published content only, per locale. */
export function contentEndpoints(deps: ApiDeps): Endpoint[] {
  const context = () => loadContext(deps.db, deps.config);
  return [
    defineEndpoint({
      method: 'get',
      path: `${BASE}/stories`,
      operationId: 'listStories',
      tag: TAG,
      summary: 'List published stories, newest first',
      description:
        'A story is listed in every locale once any of its variants is published; in a locale it lacks, the variant the site falls back to is returned (`isFallback`). Filter by section and entity; page with `page` and `limit`.',
      access: 'content',
      query: ListStoriesQuery,
      ok: { status: 200, description: 'One page of stories, with the total.', schema: StoryPage },
      problems: [],
      async handle(_c, { query }) {
        const ctx = await context();
        const locale = localeOf(ctx, query.locale);
        const section =
          query.section === undefined
            ? undefined
            : ctx.sections.find(
                (s) => s.key === query.section || s.translations[locale]?.slug === query.section,
              );
        if (query.section !== undefined && !section)
          throw invalid('query', 'section', `No section ${query.section}.`);
        const entity =
          query.entity === undefined ? undefined : ctx.entities.find((e) => e.slug === query.entity);
        if (query.entity !== undefined && !entity)
          throw invalid('query', 'entity', `No entity ${query.entity}.`);
        const filter = {
          ...(section ? { sectionId: section.id } : {}),
          ...(entity ? { entityId: entity.id } : {}),
        };
        const [listed, total] = await Promise.all([
          listPublishedStories(deps.db, {
            ...filter,
            limit: query.limit,
            offset: (query.page - 1) * query.limit,
          }),
          countPublishedStories(deps.db, filter),
        ]);
        const stories = await findStoryCards(
          deps.db,
          listed.map((s) => s.storyId),
        );
        return {
          data: stories.flatMap((story) => presentSummary(ctx, story, locale) ?? []),
          page: query.page,
          limit: query.limit,
          total,
          totalPages: Math.ceil(total / query.limit),
        };
      },
    }),
    defineEndpoint({
      method: 'get',
      path: `${BASE}/stories/{id}`,
      operationId: 'getStory',
      tag: TAG,
      summary: 'Read one published story',
      description:
        'The variant a reader of `locale` gets (their own, else the site’s declared fallback), with its body as HTML and Markdown. 404 when nothing of the story is published.',
      access: 'content',
      params: StoryPath,
      query: LocaleQuery,
      ok: { status: 200, description: 'The story.', schema: StoryEnvelope },
      problems: [404],
      async handle(_c, { params, query }) {
        const ctx = await context();
        const locale = localeOf(ctx, query.locale);
        const story = await findStory(deps.db, params.id);
        const data = story && presentDetail(ctx, story, locale);
        if (!data) throw new StoryNotFound(`published story ${params.id}`);
        return { data };
      },
    }),
    defineEndpoint({
      method: 'get',
      path: `${BASE}/sections`,
      operationId: 'listSections',
      tag: TAG,
      summary: 'List the sections',
      access: 'content',
      query: LocaleQuery,
      ok: { status: 200, description: 'Every section, in navigation order.', schema: SectionList },
      problems: [],
      async handle(_c, { query }) {
        const ctx = await context();
        const locale = localeOf(ctx, query.locale);
        return { data: ctx.sections.map((section) => presentSection(ctx, section, locale)) };
      },
    }),
    defineEndpoint({
      method: 'get',
      path: `${BASE}/entities`,
      operationId: 'listEntities',
      tag: TAG,
      summary: 'List the entities (companies, products, models, GPUs, people, topics)',
      access: 'content',
      query: ListEntitiesQuery,
      ok: { status: 200, description: 'Every entity, by slug.', schema: EntityList },
      problems: [],
      async handle(_c, { query }) {
        const ctx = await context();
        const locale = localeOf(ctx, query.locale);
        const counts = await countStoriesPerEntity(deps.db);
        return {
          data: ctx.entities
            .filter((entity) => query.kind === undefined || entity.kind === query.kind)
            .map((entity) => presentEntity(ctx, entity, locale, counts.get(entity.id) ?? 0)),
        };
      },
    }),
  ];
}
