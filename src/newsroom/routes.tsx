import { Hono } from 'hono';
import { DomainError } from '../platform/errors.js';
import { IMMUTABLE_CACHE_CONTROL } from '../platform/http/headers.js';
import type { AdminAsset } from './assets.js';
import type { NewsroomDeps } from './deps.js';
import type { NewsroomEnv } from './http/env.js';
import { loadSession, requireSession, verifyCsrf } from './http/guard.js';
import { accountRoutes } from './routes/account.js';
import { apiKeysRoutes } from './routes/api-keys.js';
import { auditRoutes } from './routes/audit.js';
import { deskRoutes } from './routes/desk.js';
import { entityProposalRoutes } from './routes/entity-proposals.js';
import { homeRoutes } from './routes/home.js';
import { mediaRoutes } from './routes/media.js';
import { newsletterRoutes } from './routes/newsletter.js';
import { peopleRoutes } from './routes/people.js';
import { profileRoutes } from './routes/profile.js';
import { reviewRoutes } from './routes/review.js';
import { loadNavCounts } from './routes/review-data.js';
import { sourcesRoutes } from './routes/sources.js';
import { storiesRoutes } from './routes/stories.js';
import { subscriberActionRoutes } from './routes/subscriber-actions.js';
import { subscribersRoutes } from './routes/subscribers.js';
import { taxonomyRoutes } from './routes/taxonomy.js';
import { webhooksRoutes } from './routes/webhooks.js';

/** Every admin route, in one list: mounted at /admin. */
export function newsroomRoutes(
  deps: NewsroomDeps & { assets: { css: AdminAsset; js: AdminAsset } },
): Hono<NewsroomEnv> {
  const app = new Hono<NewsroomEnv>();
  for (const asset of [deps.assets.css, deps.assets.js]) {
    app.get(asset.path.slice('/admin'.length), (c) =>
      c.body(new Uint8Array(asset.body), 200, {
        'content-type': asset.contentType,
        'cache-control': IMMUTABLE_CACHE_CONTROL,
      }),
    );
  }
  app.use(loadSession(deps));
  // Bodies are limited before this app sees them (src/cli/request-limits.ts), so the CSRF check
  // never reads an oversized form.
  app.use(verifyCsrf(deps));
  app.use(loadNavCounts(deps));

  accountRoutes(app, deps);
  profileRoutes(app, deps);
  storiesRoutes(app, deps);
  reviewRoutes(app, deps);
  deskRoutes(app, deps);
  sourcesRoutes(app, deps);
  subscribersRoutes(app, deps);
  subscriberActionRoutes(app, deps);
  newsletterRoutes(app, deps);
  mediaRoutes(app, deps);
  taxonomyRoutes(app, deps);
  entityProposalRoutes(app, deps);
  peopleRoutes(app, deps);
  auditRoutes(app, deps);
  apiKeysRoutes(app, deps);
  webhooksRoutes(app, deps);

  homeRoutes(app, deps);
  // Nothing under /admin falls through to the public site's routes.
  app.all('*', (c) => {
    requireSession(c);
    throw new DomainError('not-found', `No admin page at ${c.req.path}`);
  });
  return app;
}
