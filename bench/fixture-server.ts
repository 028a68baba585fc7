// The benchmark's server process: builds a site with 10,000 stories in two locales on a fresh
// SQLite file, serves it on a free port, and serves the same story page's bytes from a plain
// node:http server on another port, so both are measured under the same conditions.
import http from 'node:http';
import path from 'node:path';
import { importStories } from '../src/editorial/index.js';
import { createMailer, createNewsletter } from '../src/newsletter/index.js';
import { loadConfig } from '../src/platform/config.js';
import { migrateToLatest, openDatabase } from '../src/platform/database/index.js';
import { createApp } from '../src/platform/http/app.js';
import { startServer } from '../src/platform/http/server.js';
import { createLogger } from '../src/platform/logger.js';
import { RenderCache } from '../src/platform/render-cache.js';
import { htmlLangTag } from '../src/publishing/index.js';
import { createSite, loadSiteName } from '../src/site/index.js';
import {
  countStories,
  type EntityInput,
  insertMedia,
  type StoryInput,
  saveSiteSettings,
  upsertEntity,
  upsertSection,
} from '../src/stories/index.js';
import { testSections, testSite } from '../test/support/factories.js';

const STORIES = Number(process.env.BENCH_STORIES ?? 10_000);
const ENTITIES = 200;
const now = new Date('2026-11-28T00:00:00Z');

function paragraphZh(i: number): string {
  return `英伟达与多家云服务商在第${i}季度扩大了数据中心部署，新一代加速卡的供货周期明显缩短。分析人士认为，开放权重模型的普及正在改变企业采购算力的方式，推理成本的下降让更多中小团队能够负担大模型服务。`;
}
function paragraphEn(i: number): string {
  return `Nvidia and several cloud providers expanded data-centre deployments in quarter ${i}, and lead times for the new accelerators shortened noticeably. Analysts say the spread of open-weights models is changing how companies buy compute, as falling inference costs let smaller teams afford large-model services.`;
}

function benchStory(n: number): StoryInput {
  const body = (zh: boolean) =>
    [
      zh ? '## 发生了什么' : '## What happened',
      ...Array.from({ length: 6 }, (_, i) => (zh ? paragraphZh(i + n) : paragraphEn(i + n))),
      zh ? '## 对比' : '## Comparison',
      zh
        ? '| 项目 | 旧款 | 新款 |\n| --- | --- | --- |\n| 显存 | 80GB | 141GB |\n| 带宽 | 3.35TB/s | 4.8TB/s |'
        : '| Item | Old | New |\n| --- | --- | --- |\n| Memory | 80GB | 141GB |\n| Bandwidth | 3.35TB/s | 4.8TB/s |',
      ...Array.from({ length: 4 }, (_, i) => (zh ? paragraphZh(i) : paragraphEn(i))),
    ].join('\n\n');
  const faq = (zh: boolean) =>
    Array.from({ length: 4 }, (_, i) =>
      zh
        ? { question: `第${i + 1}个常见问题是什么？`, answer: paragraphZh(i) }
        : { question: `What is frequently asked question ${i + 1}?`, answer: paragraphEn(i) },
    );
  const entities = [
    `entity-${n % ENTITIES}`,
    `entity-${(n * 7 + 3) % ENTITIES}`,
    `entity-${(n * 13 + 5) % ENTITIES}`,
  ];
  const publishedAt = new Date(now.getTime() - n * 60_000).toISOString();
  return {
    section: n % 2 === 0 ? 'ai-models' : 'chips',
    sourceLocale: 'zh',
    heroImage: 'bench-hero.webp',
    entities: [...new Set(entities)],
    sources: [
      {
        url: `https://news.example.com/story-${n}`,
        publisher: 'Example Wire',
        author: 'A. Writer',
        publishedAt,
      },
    ],
    variants: (['zh', 'en'] as const).map((locale) => ({
      locale,
      title:
        locale === 'zh'
          ? `英伟达扩大数据中心部署（第${n}篇）`
          : `Nvidia widens data-centre roll-out (part ${n})`,
      slug: `story-${n}`,
      summary:
        locale === 'zh'
          ? '新一代加速卡的供货周期明显缩短。'
          : 'Lead times for new accelerators shortened noticeably.',
      body: body(locale === 'zh'),
      faq: faq(locale === 'zh'),
      heroAlt: locale === 'zh' ? '数据中心里整齐排列的服务器机柜' : 'Rows of server racks in a data centre',
      status: 'published' as const,
      publishedAt,
    })),
  };
}

/** Fills an empty database with the benchmark's site; a database already built is left alone. */
async function build(dataDir: string): Promise<void> {
  const handle = openDatabase({ sqliteFile: path.join(dataDir, 'velocity.db') });
  await migrateToLatest(handle.db as never, 'sqlite');
  const alreadyBuilt = (await countStories(handle.db)) >= STORIES;
  const started = performance.now();
  if (!alreadyBuilt) {
    await saveSiteSettings(handle.db, testSite);
    for (const section of testSections) await upsertSection(handle.db, section, now);
    for (let i = 0; i < ENTITIES; i++) {
      const entity: EntityInput = {
        slug: `entity-${i}`,
        kind: i % 3 === 0 ? 'gpu' : 'company',
        translations: {
          zh: { name: `实体${i}`, aliases: [], description: '用于基准测试的实体。' },
          en: { name: `Entity ${i}`, aliases: [], description: 'An entity for the benchmark.' },
        },
      };
      await upsertEntity(handle.db, entity, now);
    }
    await insertMedia(
      handle.db,
      {
        fileName: 'bench-hero.webp',
        mimeType: 'image/webp',
        width: 1600,
        height: 900,
        renditions: [480, 800, 1200, 1600].map((width) => ({ width, file: `bench-hero-${width}.webp` })),
        credit: '',
      },
      now,
    );
    for (let batch = 0; batch < STORIES; batch += 250) {
      const stories = Array.from({ length: Math.min(250, STORIES - batch) }, (_, i) => benchStory(batch + i));
      await importStories(handle.db, stories, { now });
    }
  }
  process.send?.({ kind: 'built', loadSeconds: (performance.now() - started) / 1000, reused: alreadyBuilt });
  await handle.close();
}

// Building and serving run in separate processes, so the server's memory is that of a server
// started on an existing database, not of the process that wrote 10,000 stories.
async function serve(dataDir: string): Promise<void> {
  const handle = openDatabase({ sqliteFile: path.join(dataDir, 'velocity.db') });

  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', RENDER_CACHE_ENTRIES: '20000' });
  const cache = new RenderCache(config.RENDER_CACHE_ENTRIES, config.RENDER_CACHE_BYTES);
  const log = createLogger('silent');
  const secret = 'bench-secret-0123456789';
  const newsletter = createNewsletter({
    db: handle.db,
    config,
    log,
    secret,
    // No SMTP configured: any newsletter mail goes to DATA_DIR/outbox.
    mailer: createMailer(config, log),
    now: () => now,
    siteName: await loadSiteName(handle.db),
    languageTag: htmlLangTag,
  });
  const site = await createSite({ db: handle.db, config, cache, log, secret, newsletter, now: () => now });
  const app = createApp(log, [site.surface]);
  const server = await startServer(app, cache, { host: '127.0.0.1', port: 0 });

  const storyPath = '/zh/ai-models/story-42';
  // The bytes as they are, for the plain server to send (fetch would ask for gzip and decode it).
  const warm = await fetch(`${server.url}${storyPath}`, { headers: { 'accept-encoding': 'identity' } });
  const pageBytes = Buffer.from(await warm.arrayBuffer());
  const pageHeaders = Object.fromEntries(warm.headers.entries());
  const plain = http.createServer((_req, res) => {
    res.writeHead(200, pageHeaders);
    res.end(pageBytes);
  });
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
  // The cache adds the brotli form shortly after storing the page.
  let brBytes = 0;
  for (let attempt = 0; attempt < 1000 && brBytes === 0; attempt++) {
    brBytes = cache.get(storyPath)?.br?.body.length ?? 0;
    if (brBytes === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const plainPort = (plain.address() as { port: number }).port;

  // Cache misses: each story page rendered for the first time, timed inside the process, after
  // 300 other first renders so the figure is the steady state of a running server, not JIT warm-up.
  const storyUrl = (n: number) =>
    `/${n % 2 === 0 ? 'en' : 'zh'}/${n % 2 === 0 ? 'ai-models' : 'chips'}/story-${n}`;
  for (let n = 1000; n < 1300; n++) await (await app.request(storyUrl(n))).arrayBuffer();
  const missTimes: number[] = [];
  for (let n = 100; n < 600; n++) {
    const t0 = performance.now();
    const response = await app.request(storyUrl(n));
    await response.arrayBuffer();
    missTimes.push(performance.now() - t0);
    if (response.status !== 200) throw new Error(`story-${n} answered ${response.status}`);
  }
  missTimes.sort((a, b) => a - b);
  global.gc?.();
  process.send?.({
    kind: 'ready',
    siteUrl: `${server.url}${storyPath}`,
    plainUrl: `http://127.0.0.1:${plainPort}${storyPath}`,
    pageBytes: pageBytes.length,
    brBytes,
    stories: STORIES,
    missMedianMs: missTimes[Math.floor(missTimes.length / 2)],
    missP95Ms: missTimes[Math.floor(missTimes.length * 0.95)],
  });
  process.on('message', (message: { kind: string }) => {
    if (message.kind === 'memory') {
      // Both before and after a full collection: the load leaves garbage V8 would reclaim anyway.
      const loaded = process.memoryUsage();
      global.gc?.();
      const settled = process.memoryUsage();
      process.send?.({
        kind: 'memory',
        rss: settled.rss,
        heapUsed: settled.heapUsed,
        rssUnderLoad: loaded.rss,
      });
    }
    if (message.kind === 'stop') {
      plain.close();
      void server.close().then(async () => {
        await handle.close();
        process.exit(0);
      });
    }
  });
}

const [mode, dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: fixture-server.ts build|serve DATA_DIR');
void (mode === 'build' ? build(dataDir) : serve(dataDir));
