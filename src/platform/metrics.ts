import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/** What the render cache reports (RenderCache.stats()). */
export interface CacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  evictions: number;
}

/** One background queue at scrape time: rows due now and how long the oldest has waited. */
export interface QueueDepth {
  queue: string;
  depth: number;
  oldestAgeSeconds: number;
}

export interface MetricsSources {
  cache?: { stats(): CacheStats };
  /** Queried on each scrape; cheap counts over indexed columns. */
  queues?: () => Promise<QueueDepth[]>;
}

/**
 * The process's Prometheus metrics, in a registry of its own (not prom-client's global one) so
 * that every platform a test builds has separate figures. Counters the platform cannot see
 * (newsletter sends, desk fetches) are fed through the recorders below.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests: Histogram<'method' | 'route' | 'status'>;
  private readonly newsletter: Counter<'outcome'>;
  private readonly deskFetches: Counter<'outcome'>;

  constructor(sources: MetricsSources = {}) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry });
    this.requests = new Histogram({
      name: 'velocity_http_request_duration_seconds',
      help: 'HTTP requests by method, matched route pattern and status, with their latency.',
      labelNames: ['method', 'route', 'status'],
      // From a render-cache hit (well under a millisecond) to a slow admin page.
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      registers,
    });
    this.newsletter = new Counter({
      name: 'velocity_newsletter_messages_total',
      help: 'Newsletter messages this process handed to the mail server (sent) or gave up on (failed).',
      labelNames: ['outcome'],
      registers,
    });
    this.deskFetches = new Counter({
      name: 'velocity_desk_fetches_total',
      help: 'Followed-feed refreshes by outcome (updated, not-modified, failed, busy, missing).',
      labelNames: ['outcome'],
      registers,
    });
    if (sources.cache) this.registerCache(sources.cache);
    if (sources.queues) this.registerQueues(sources.queues);
  }

  /** One answered request; `route` is a pattern (`/:locale/:section/:slug`), never a raw path. */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requests.observe({ method, route, status: String(status) }, seconds);
  }

  newsletterProgress(delta: { sent: number; failed: number }): void {
    if (delta.sent > 0) this.newsletter.inc({ outcome: 'sent' }, delta.sent);
    if (delta.failed > 0) this.newsletter.inc({ outcome: 'failed' }, delta.failed);
  }

  deskFetched(outcomes: string[]): void {
    for (const outcome of outcomes) this.deskFetches.inc({ outcome });
  }

  /** The text exposition format, with its content type. */
  async expose(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }

  private registerCache(cache: { stats(): CacheStats }): void {
    const registers = [this.registry];
    // The cache keeps its own running totals; each scrape copies them.
    const copied = (name: string, help: string, pick: (s: CacheStats) => number) =>
      new Counter({
        name,
        help,
        registers,
        collect() {
          this.reset();
          this.inc(pick(cache.stats()));
        },
      });
    copied('velocity_render_cache_hits_total', 'Pages answered from the render cache.', (s) => s.hits);
    copied(
      'velocity_render_cache_misses_total',
      'Cacheable requests the render cache did not hold.',
      (s) => s.misses,
    );
    copied('velocity_render_cache_evictions_total', 'Pages dropped to make room.', (s) => s.evictions);
    new Gauge({
      name: 'velocity_render_cache_bytes',
      help: 'Bytes of page bodies the render cache holds.',
      registers,
      collect() {
        this.set(cache.stats().bytes);
      },
    });
    new Gauge({
      name: 'velocity_render_cache_entries',
      help: 'Pages the render cache holds.',
      registers,
      collect() {
        this.set(cache.stats().entries);
      },
    });
  }

  private registerQueues(queues: () => Promise<QueueDepth[]>): void {
    const registers = [this.registry];
    // Both gauges come from one query pass per scrape (prom-client collects them concurrently):
    // whichever asks first starts it, the other shares it.
    let pass: Promise<QueueDepth[]> | undefined;
    let passAt = 0;
    const current = () => {
      if (!pass || Date.now() - passAt > 1000) {
        passAt = Date.now();
        pass = queues();
      }
      return pass;
    };
    new Gauge({
      name: 'velocity_job_queue_depth',
      help: 'Background work due now, by queue (scheduled variants, webhook deliveries, feeds, newsletter deliveries).',
      labelNames: ['queue'],
      registers,
      async collect() {
        const depths = await current();
        this.reset();
        for (const q of depths) this.set({ queue: q.queue }, q.depth);
      },
    });
    new Gauge({
      name: 'velocity_job_queue_oldest_age_seconds',
      help: 'How long the oldest due item of each queue has waited past its due time (0 when none is due).',
      labelNames: ['queue'],
      registers,
      async collect() {
        const depths = await current();
        this.reset();
        for (const q of depths) this.set({ queue: q.queue }, q.oldestAgeSeconds);
      },
    });
  }
}
