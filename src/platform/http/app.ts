import { randomUUID } from 'node:crypto';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { isDomainError } from '../errors.js';
import type { Logger } from '../logger.js';
import { type BodyLimitRule, limitBodies } from './body-limit.js';
import { onSiteLocation } from './edge.js';
import { STATUS_BY_KIND } from './errors.js';
import { SECURITY_HEADERS } from './headers.js';

export type ProblemStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 500;

/**
 * How a surface (the site, an API) presents a failure: a page in the reader's language, JSON…
 * `details` are the domain error's (field errors, for instance), for renderers that show them.
 */
export type ProblemRenderer = (
  c: Context,
  status: ProblemStatus,
  message: string,
  details?: unknown,
) => Response | Promise<Response>;

export interface Surface {
  /** Mount point, e.g. `/` or `/api`. */
  path: string;
  app: Hono;
  /** Renders failures for requests under `path`. */
  renderProblem?: ProblemRenderer;
}

const plainProblem: ProblemRenderer = (c, status, message) => c.text(message, status);

export interface AppOptions {
  /** Body limits per route family, first match wins, ending with a catch-all. */
  bodyLimits?: readonly BodyLimitRule[];
  /** The public URL: redirects may go there or stay on the requested origin, nowhere else. */
  siteUrl?: string;
  /** Runs around every request, first (the request metrics). */
  observe?: MiddlewareHandler;
}

/**
 * Builds the root app from the surfaces the entry point hands it, so platform never imports a
 * feature. Only this app sets `onError`: domain errors become their status, anything else a 500
 * whose text is logged with the request id and hidden from the client.
 */
export function createApp(log: Logger, surfaces: Surface[], options: AppOptions = {}): Hono {
  const app = new Hono();
  // First, so that its timing covers everything after it (the request metrics).
  if (options.observe) app.use(options.observe);
  const siteOrigin = options.siteUrl ? new URL(options.siteUrl).origin : undefined;
  const rendererFor = (path: string): ProblemRenderer => {
    const surface = [...surfaces]
      .sort((a, b) => b.path.length - a.path.length)
      // A surface without a renderer of its own (health, metrics) leaves failures to the others.
      .filter((s) => s.renderProblem)
      .find((s) => path === s.path || path.startsWith(s.path.endsWith('/') ? s.path : `${s.path}/`));
    return surface?.renderProblem ?? plainProblem;
  };

  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!c.res.headers.has(name)) c.res.headers.set(name, value);
    }
    // Whatever a route computed, no redirect leaves the site.
    const location = c.res.headers.get('location');
    if (location !== null) {
      const origins = [new URL(c.req.url).origin, ...(siteOrigin ? [siteOrigin] : [])];
      const safe = onSiteLocation(location, origins);
      if (safe !== location) c.res.headers.set('location', safe);
    }
  });
  if (options.bodyLimits) app.use(limitBodies(options.bodyLimits));

  for (const surface of surfaces) app.route(surface.path, surface.app);

  app.notFound((c) => rendererFor(c.req.path)(c, 404, 'Not found'));
  app.onError((error, c) => {
    const render = rendererFor(c.req.path);
    if (isDomainError(error)) return render(c, STATUS_BY_KIND[error.kind], error.message, error.details);
    const requestId = randomUUID();
    log.error({ err: error, requestId, path: c.req.path }, 'unhandled error');
    return render(c, 500, `Internal error (request ${requestId})`);
  });
  return app;
}
