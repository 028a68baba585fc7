import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composePlatform } from '../../src/cli/compose.js';
import { serve } from '../../src/cli/serve.js';
import { loadConfig } from '../../src/platform/config.js';
import { createLogger } from '../../src/platform/logger.js';
import { RenderCache } from '../../src/platform/render-cache.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { DIALECTS } from '../support/database.js';
import { buildStory } from '../support/factories.js';

const TOKEN = 'metrics-token-0123456789abcdef';

/** The value of one sample line of the text format, e.g. `name{a="b"} 3`, or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.indexOf('}'));
    const found = Object.fromEntries([...labelText.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) {
      return Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return undefined;
}

describe.each(DIALECTS)('health and metrics on %s', (dialect) => {
  let t: TestApp;
  let open: TestApp;

  beforeAll(async () => {
    t = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('ops-story')] }, undefined, {
      env: { METRICS_TOKEN: TOKEN },
    });
    open = await createTestApp(dialect, { seed: 'stories', stories: [buildStory('ops-open')] });
  });
  afterAll(async () => {
    await t?.destroy();
    await open?.destroy();
  });

  describe('/healthz', () => {
    it('answers 200 without touching anything, never cached', async () => {
      const response = await t.get('/healthz');
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok' });
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(t.cache.keys()).not.toContain('/healthz');
    });
  });

  describe('/readyz', () => {
    it('answers 200 with each check when the database answers and migrations are current', async () => {
      const response = await t.get('/readyz');
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({
        status: 'ready',
        checks: {
          database: { ok: true },
          migrations: { ok: true },
          workers: { ok: true, detail: 'not run by this process' },
        },
      });
    });

    it('answers 503 naming the pending migration when the database is behind the code', async () => {
      const [last] = await sql<{ name: string }>`select name from kysely_migration order by name desc limit 1`
        .execute(open.database.db)
        .then((r) => r.rows);
      await sql`delete from kysely_migration where name = ${last?.name}`.execute(open.database.db);
      try {
        const response = await open.get('/readyz');
        expect(response.status).toBe(503);
        const body = await response.json();
        expect(body.status).toBe('not ready');
        expect(body.checks.database).toEqual({ ok: true });
        expect(body.checks.migrations).toEqual({ ok: false, detail: { pending: [last?.name] } });
      } finally {
        await sql`insert into kysely_migration (name, timestamp) values (${last?.name}, ${new Date().toISOString()})`.execute(
          open.database.db,
        );
      }
      expect((await open.get('/readyz')).status).toBe(200);
    });

    it('answers 503 once the background workers it ran have stopped', async () => {
      const config = loadConfig({ DATA_DIR: t.database.dataDir, LOG_LEVEL: 'silent', DESK_REFRESH: 'false' });
      const platform = await composePlatform({
        db: t.database.db,
        config,
        cache: new RenderCache(10),
        log: createLogger('silent'),
        secret: 'test-secret-key-0123456789',
      });
      const readyz = async () => {
        const response = await platform.app.request('/readyz');
        return { status: response.status, workers: (await response.json()).checks.workers };
      };
      const background = platform.startBackground();
      try {
        expect(await readyz()).toEqual({
          status: 200,
          workers: {
            ok: true,
            detail: { running: ['scheduled-publishing', 'webhook-deliveries', 'newsletter', 'maintenance'] },
          },
        });
      } finally {
        await background.stop();
        platform.mailer.close();
      }
      expect(await readyz()).toEqual({ status: 503, workers: { ok: false, detail: 'stopped' } });

      // A web-only node (SERVE_BACKGROUND=false) runs none of the jobs: they are the workers'.
      const webOnly = platform.startBackground({ jobs: false });
      try {
        expect(await readyz()).toEqual({ status: 200, workers: { ok: true, detail: { running: [] } } });
      } finally {
        await webOnly.stop();
      }
    });
  });

  describe('/metrics on the main port', () => {
    it('is 404 when neither METRICS_TOKEN nor METRICS_PORT is set', async () => {
      expect((await open.get('/metrics')).status).toBe(404);
      expect((await open.get('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(
        404,
      );
    });

    it('refuses a missing or wrong token with 401', async () => {
      for (const authorization of [undefined, 'Bearer wrong-token-wrong-token', `Basic ${TOKEN}`, TOKEN]) {
        const response = await t.get('/metrics', authorization ? { headers: { authorization } } : {});
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(await response.text()).not.toContain('velocity_');
      }
    });

    it('serves the Prometheus text format whose request counts follow the requests, by route pattern', async () => {
      const scrape = async () => {
        const response = await t.get('/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
        return response.text();
      };
      const before = await scrape();
      for (const name of [
        'process_resident_memory_bytes',
        'nodejs_eventloop_lag_seconds',
        'velocity_http_request_duration_seconds_bucket',
        'velocity_render_cache_hits_total',
        'velocity_render_cache_misses_total',
        'velocity_render_cache_bytes',
        'velocity_job_queue_depth',
        'velocity_job_queue_oldest_age_seconds',
      ]) {
        expect(before).toContain(`\n${name}`);
      }
      for (const queue of [
        'scheduled-publishing',
        'webhook-deliveries',
        'desk-feeds',
        'newsletter-deliveries',
      ]) {
        expect(sample(before, 'velocity_job_queue_depth', { queue })).toBe(0);
      }
      const count = (text: string, labels: Record<string, string>) =>
        sample(text, 'velocity_http_request_duration_seconds_count', labels) ?? 0;
      const healthz = { method: 'GET', route: '/healthz', status: '200' };
      const readyz = { method: 'GET', route: '/readyz', status: '200' };

      await t.get('/healthz');
      await t.get('/healthz');
      await t.get('/readyz');
      await t.get('/no/such/page/at/all-42');
      const after = await scrape();
      expect(count(after, healthz) - count(before, healthz)).toBe(2);
      expect(count(after, readyz) - count(before, readyz)).toBe(1);
      // Raw paths never become labels.
      expect(after).not.toContain('all-42');
      expect(after).toMatch(/velocity_http_request_duration_seconds_count\{[^}]*status="404"/);
    });
  });
});

describe('velocity serve with METRICS_PORT', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { seed: 'stories', stories: [buildStory('ops-served')] });
  });
  afterAll(() => t?.destroy());

  it('serves /metrics, /healthz and /readyz on a listener of its own, counting render-cache answers', async () => {
    const config = loadConfig({
      DATA_DIR: t.database.dataDir,
      HOST: '127.0.0.1',
      PORT: '0',
      METRICS_PORT: '0',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'false',
      DESK_REFRESH: 'false',
    });
    const server = await serve(config);
    try {
      expect(server.metricsUrl).toBeDefined();
      expect(server.metricsUrl).not.toBe(server.url);
      // The public port does not serve metrics without a token.
      expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
      const ready = await fetch(`${server.metricsUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect((await ready.json()).checks.workers.ok).toBe(true);
      expect((await fetch(`${server.metricsUrl}/healthz`)).status).toBe(200);

      // The second request for the front page is answered by the render cache before Hono.
      for (let i = 0; i < 3; i++) await (await fetch(`${server.url}/en/`)).arrayBuffer();
      const metrics = await fetch(`${server.metricsUrl}/metrics`);
      expect(metrics.status).toBe(200);
      const text = await metrics.text();
      expect(
        sample(text, 'velocity_http_request_duration_seconds_count', {
          route: 'render-cache',
          status: '200',
        }),
      ).toBeGreaterThanOrEqual(1);
      expect(text).toMatch(/\nvelocity_render_cache_hits_total [1-9]/);
      expect(text).toMatch(/\nvelocity_render_cache_bytes [1-9]/);
    } finally {
      await server.close();
    }
  });
});
