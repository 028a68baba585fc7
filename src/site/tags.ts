import type { ContentChange } from '../stories/index.js';
import type { Catalog } from './catalog.js';

// The render cache's vocabulary: every page is tagged with what it shows.
export const tag = {
  story: (id: number) => `story:${id}`,
  shares: (id: number) => `shares:${id}`,
  section: (id: number) => `section:${id}`,
  entity: (id: number) => `entity:${id}`,
  kind: (kind: string) => `kind:${kind}`,
  /** A person's author page and feeds. */
  author: (userId: number) => `author:${userId}`,
  /** Front pages and the site-wide feeds: every newly published story changes them. */
  front: 'front',
  sitemap: 'sitemap',
  /** Settings, navigation, section and entity names: shown on every page. */
  site: 'site',
} as const;

/** The tags a write touched: the story, its sections' and entities' lists, front pages, sitemaps. */
export function tagsForChange(change: ContentChange, catalog: Catalog): string[] {
  const kinds = new Set(change.entityIds.flatMap((id) => catalog.entity(id)?.kind ?? []));
  return [
    ...change.storyIds.map(tag.story),
    ...change.sectionIds.map(tag.section),
    ...change.entityIds.map(tag.entity),
    ...[...kinds].map(tag.kind),
    tag.front,
    tag.sitemap,
  ];
}
