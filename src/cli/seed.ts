import path from 'node:path';
import type { Kysely } from 'kysely';
import { importStories } from '../editorial/index.js';
import type { Database } from '../platform/database/index.js';
import {
  countStories,
  insertMedia,
  saveSiteSettings,
  upsertEntity,
  upsertSection,
} from '../stories/index.js';
import { demoEntities } from './demo/entities.js';
import { demoHeroSlugs, generateHeroImages } from './demo/hero-images.js';
import { demoSections } from './demo/sections.js';
import { demoSite } from './demo/site.js';
import { demoStoriesA } from './demo/stories-a.js';
import { demoStoriesB } from './demo/stories-b.js';

export const demoStories = [...demoStoriesA, ...demoStoriesB];

/**
 * Loads the demo newsroom: settings, sections, entities, generated hero images and the stories,
 * through the same write path an editor's save takes (rendering, reading time, language QA).
 * Does nothing when the database already holds stories.
 */
export async function seedDemo(
  db: Kysely<Database>,
  dataDir: string,
  now: Date,
): Promise<{ stories: number }> {
  if ((await countStories(db)) > 0) return { stories: 0 };
  await saveSiteSettings(db, demoSite);
  for (const section of demoSections) await upsertSection(db, section, now);
  for (const entity of demoEntities) await upsertEntity(db, entity, now);
  const images = await generateHeroImages(path.join(dataDir, 'media'), demoHeroSlugs(demoStories));
  for (const image of images) await insertMedia(db, image, now);
  const { storyIds } = await importStories(db, demoStories, { now });
  return { stories: storyIds.length };
}
