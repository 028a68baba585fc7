import type { Hono } from 'hono';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { entityRoutes } from './entities.js';
import { sectionRoutes } from './sections.js';
import { settingsRoutes } from './settings.js';

/**
 * What names things on the site: sections and entities (taxonomy.manage) and the site settings
 * (settings.manage). Every save reloads the site's names and drops its cached pages.
 *
 *   GET/POST /admin/sections, /admin/sections/new, /admin/sections/:id
 *   GET/POST /admin/entities (?q, ?kind, ?page), /admin/entities/new, /admin/entities/:id
 *   GET/POST /admin/settings
 */
export function taxonomyRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  sectionRoutes(app, deps);
  entityRoutes(app, deps);
  settingsRoutes(app, deps);
}
