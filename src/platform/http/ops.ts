import { createHash, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono, type MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Metrics } from '../metrics.js';

/** One readiness check's verdict; `detail` says what is wrong (or what was found) for people. */
export interface CheckResult {
  ok: boolean;
  detail?: unknown;
}

export type ReadinessChecks = Record<string, () => Promise<CheckResult>>;

export interface OpsOptions {
  metrics: Metrics;
  checks: ReadinessChecks;
  /** METRICS_TOKEN: /metrics answers a request carrying `Authorization: Bearer <token>`. */
  token?: string | undefined;
  /** Serve /metrics without a token (the separate metrics listener, not the public port). */
  openMetrics?: boolean;
}

const NO_STORE = { 'cache-control': 'no-store' };

const digest = (value: string) => createHash('sha256').update(value).digest();

function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  // Digests have one length, so the comparison takes the same time whatever was presented.
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}

/** Runs every check, each failure caught and reported rather than thrown. */
async function runChecks(
  checks: ReadinessChecks,
): Promise<{ ready: boolean; checks: Record<string, CheckResult> }> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]): Promise<[string, CheckResult]> => {
      try {
        return [name, await check()];
      } catch (error) {
        return [name, { ok: false, detail: error instanceof Error ? error.message : String(error) }];
      }
    }),
  );
  return { ready: entries.every(([, result]) => result.ok), checks: Object.fromEntries(entries) };
}

/**
 * /healthz (the process answers), /readyz (it can serve: database, migrations, workers) and, when
 * configured, /metrics. For load balancers, orchestrators and Prometheus: nothing here is cached
 * and nothing is logged per request.
 */
export function createOpsApp(options: OpsOptions): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }, 200, NO_STORE));
  app.get('/readyz', async (c) => {
    const { ready, checks } = await runChecks(options.checks);
    return c.json({ status: ready ? 'ready' : 'not ready', checks }, ready ? 200 : 503, NO_STORE);
  });
  const { token } = options;
  const enabled = options.openMetrics || token !== undefined;
  app.get('/metrics', async (c) => {
    // Answered here even when off, so that no other route (the site's locale redirect) claims it.
    if (!enabled) return c.text('Not found', 404, NO_STORE);
    if (token && !bearerMatches(c.req.header('authorization'), token)) {
      return c.text('A valid bearer token is required.', 401, {
        ...NO_STORE,
        'www-authenticate': 'Bearer realm="metrics"',
      });
    }
    const { contentType, body } = await options.metrics.expose();
    return c.body(body, 200, { ...NO_STORE, 'content-type': contentType });
  });
  return app;
}

/**
 * Times every request Hono answers and labels it with the route pattern that answered (never the
 * raw path: one series per route, however many stories there are). Requests no route claimed are
 * labelled `unmatched`.
 */
export function requestMetrics(metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const pattern = routePath(c);
    const route = pattern === '' || pattern.endsWith('*') ? 'unmatched' : pattern;
    metrics.observeRequest(c.req.method, route, c.res.status, (performance.now() - started) / 1000);
  };
}

/** METRICS_PORT: the ops routes on a listener of their own; /metrics there needs no token unless METRICS_TOKEN is set. */
export function startOpsServer(
  options: OpsOptions,
  listen: { host: string; port: number },
): Promise<{ url: string; close(): Promise<void> }> {
  const app = createOpsApp({ ...options, openMetrics: true });
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, hostname: listen.host, port: listen.port },
      (info: AddressInfo) => {
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () =>
            new Promise<void>((done, fail) => {
              server.close((error) => (error ? fail(error) : done()));
            }),
        });
      },
    );
    server.once('error', reject);
  });
}
