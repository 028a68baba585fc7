import type { Kysely } from 'kysely';
import type { Database } from '../platform/database/index.js';
import {
  type Entity,
  findSiteSettings,
  listEntities,
  listMedia,
  listSections,
  loadStoriesByEntity,
  type Media,
  type Section,
  type SiteSettings,
  type StoriesByEntity,
} from '../stories/index.js';

/**
 * The small, rarely changing part of the content (settings, sections, entities, media) held in
 * memory, so rendering a page on a cache miss costs only the story queries. Reloaded after any
 * write that touches it.
 */
export class Catalog {
  settings!: SiteSettings;
  sections: Section[] = [];
  entities: Entity[] = [];
  private sectionBySlug = new Map<string, Section>();
  private entityBySlug = new Map<string, Entity>();
  private sectionById = new Map<number, Section>();
  private entityById = new Map<number, Entity>();
  private mediaById = new Map<number, Media>();
  /** Published story ids per entity, newest first: what related stories are ranked over. */
  storiesByEntity: StoriesByEntity = new Map();

  constructor(private readonly db: Kysely<Database>) {}

  /** After any write readers can see: which stories are published under each entity may change. */
  async reloadStories(): Promise<void> {
    this.storiesByEntity = await loadStoriesByEntity(this.db);
  }

  async reload(): Promise<void> {
    await this.reloadStories();
    const [settings, sections, entities, media] = await Promise.all([
      findSiteSettings(this.db),
      listSections(this.db),
      listEntities(this.db),
      listMedia(this.db),
    ]);
    if (!settings)
      throw new Error('The site has no settings: run `velocity seed` or `velocity import` first.');
    this.settings = settings;
    this.sections = sections;
    this.entities = entities;
    this.sectionById = new Map(sections.map((s) => [s.id, s]));
    this.entityById = new Map(entities.map((e) => [e.id, e]));
    this.mediaById = new Map(media.map((m) => [m.id, m]));
    this.sectionBySlug = new Map(
      sections.flatMap((s) =>
        Object.entries(s.translations).map(([locale, t]) => [`${locale}/${t.slug}`, s] as const),
      ),
    );
    this.entityBySlug = new Map(entities.map((e) => [e.slug, e]));
  }

  isEnabledLocale(locale: string): boolean {
    return this.settings.locales.includes(locale);
  }

  sectionBySlugIn(locale: string, slug: string): Section | undefined {
    return this.sectionBySlug.get(`${locale}/${slug}`);
  }

  section(id: number): Section | undefined {
    return this.sectionById.get(id);
  }

  entity(id: number): Entity | undefined {
    return this.entityById.get(id);
  }

  entityBySlugValue(slug: string): Entity | undefined {
    return this.entityBySlug.get(slug);
  }

  media(id: number | null): Media | undefined {
    return id === null ? undefined : this.mediaById.get(id);
  }

  /** A localized value with the declared fallback: the locale, then the default, then any. */
  pick<T>(translations: Record<string, T>, locale: string): { value: T; locale: string } | undefined {
    for (const candidate of [
      locale,
      ...(this.settings.fallbacks[locale] ?? []),
      this.settings.defaultLocale,
    ]) {
      const value = translations[candidate];
      if (value !== undefined) return { value, locale: candidate };
    }
    const first = Object.entries(translations)[0];
    return first ? { value: first[1], locale: first[0] } : undefined;
  }
}
