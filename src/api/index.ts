import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/database/index.js';
import type { Surface } from '../platform/http/app.js';
import type { Logger } from '../platform/logger.js';
import type { ContentChange, ContentEvent } from '../stories/index.js';

export interface ApiDeps {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  secret: string;
  now: () => Date;
  contentChanged: (change: ContentChange, options?: { taxonomy?: boolean }) => Promise<void>;
  emit: (event: ContentEvent) => Promise<void>;
}

/** The Content API and Admin API under /api (to be built). */
export function createApi(deps: ApiDeps): { surface: Surface } {
  void deps;
  return { surface: { path: '/api', app: new Hono() } };
}
