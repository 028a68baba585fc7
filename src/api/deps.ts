import type { Kysely } from 'kysely';
import type { ApiCaller } from '../api-keys/index.js';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/database/index.js';
import type { Logger } from '../platform/logger.js';
import type { ContentChange, ContentEvent } from '../stories/index.js';

/** What createApi is handed: no module-level state in `api`. */
export interface ApiDeps {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  secret: string;
  now: () => Date;
  /** Called after every write that readers can see, so the site drops exactly those pages. */
  contentChanged: (change: ContentChange, options?: { taxonomy?: boolean }) => Promise<void>;
  /** Tells integrators (webhooks) what happened to published content. */
  emit: (event: ContentEvent) => Promise<void>;
}

/** Per-request values of the API app. */
export interface ApiEnv {
  Variables: {
    /** Set once the request's key was checked. */
    caller: ApiCaller | undefined;
  };
}
