import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DeskDeps } from '../desk/index.js';
import { createMediaStorage } from '../media/index.js';
import type { Mailer, Newsletter } from '../newsletter/index.js';
import type { Config } from '../platform/config.js';
import type { Database } from '../platform/database/index.js';
import type { Surface } from '../platform/http/app.js';
import type { Logger } from '../platform/logger.js';
import type { ContentChange, ContentEvent } from '../stories/index.js';
import { loadAdminAssets } from './assets.js';
import type { NewsroomDeps } from './deps.js';
import { renderNewsroomProblem } from './http/problems.js';
import { newsroomRoutes } from './routes.js';

export {
  addUser,
  issueOwnerSetupToken,
  issueSetupToken,
} from '../accounts/index.js';

export interface Newsroom {
  surface: Surface;
  deps: NewsroomDeps;
}

/** Builds the admin at /admin over the store; returns the surface createApp mounts. */
export function createNewsroom(options: {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  secret: string;
  now?: () => Date;
  contentChanged: (change: ContentChange, options?: { taxonomy?: boolean }) => Promise<void>;
  emit: (event: ContentEvent) => Promise<void>;
  desk: DeskDeps;
  newsletter: Newsletter;
  mailer: Mailer;
}): Newsroom {
  const assets = loadAdminAssets();
  const deps = {
    ...options,
    now: options.now ?? (() => new Date()),
    mediaDir: path.join(options.config.dataDir, 'media'),
    mediaStorage: createMediaStorage(options.config),
    assets,
  };
  return {
    deps,
    surface: {
      path: '/admin',
      app: newsroomRoutes(deps) as never,
      renderProblem: (c, status, message, details) =>
        renderNewsroomProblem(c as never, deps, status, message, details),
    },
  };
}
