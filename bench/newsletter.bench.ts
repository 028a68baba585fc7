// The newsletter sender's benchmark (issue 6). Messages per second delivered to a local SMTP
// sink for 100,000 subscribers, beside the sink's own acceptance rate measured in the same run
// with raw messages of the same size and shape (the limit), as a ratio; and the sender's peak
// memory at a tenth of the list and at the whole list, each in a fresh process. Target: at least
// 0.8 of the limit, and memory that does not grow with the list size.
//
// The sink is a child process (bench/smtp-sink-process.ts), as an MTA would be; every measured
// run is another (bench/newsletter-worker.ts). Per-domain pacing is off for the throughput
// figures (NEWSLETTER_DOMAIN_PER_MINUTE=0). BENCH_NEWSLETTER_SUBSCRIBERS replaces 100,000 for a
// quick run; BENCH_NEWSLETTER_CPU_PROF=<folder> writes a CPU profile of the full-list send there
// and prints where its time went. With DATABASE_URL set, the full-list send runs on PostgreSQL
// too, in a schema of its own that is dropped afterwards.
import { type ChildProcess, fork } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { importStories } from '../src/editorial/index.js';
import { createNewsletter } from '../src/newsletter/index.js';
import { createMailer } from '../src/newsletter/mailer.js';
import type { Topic } from '../src/newsletter/queries.js';
import { deliveryCopy, issueMessage, latestDueSlot } from '../src/newsletter/sending/index.js';
import { loadConfig } from '../src/platform/config.js';
import { type Database, migrateToLatest, openDatabase } from '../src/platform/database/index.js';
import { createLogger } from '../src/platform/logger.js';
import { htmlLangTag } from '../src/publishing/index.js';
import { loadSiteName } from '../src/site/index.js';
import { buildStory, seedTaxonomy } from '../test/support/factories.js';
import { addActiveSubscribers } from '../test/support/newsletter.js';
import { summariseCpuProfile } from './cpu-profile-summary.js';
import {
  type DatabaseTarget,
  MESSAGE_ID_PLACEHOLDER,
  type RawResult,
  type SendJob,
  type SendResult,
  TO_PLACEHOLDER,
  type WorkerJob,
  type WorkerResult,
} from './newsletter-jobs.js';
import type { SinkStats } from './smtp-sink-process.js';

const SUBSCRIBERS = Number(process.env.BENCH_NEWSLETTER_SUBSCRIBERS ?? 100_000);
const SMALL_SUBSCRIBERS = Math.max(10, Math.round(SUBSCRIBERS / 10));
const RAW_MESSAGES = Number(process.env.BENCH_NEWSLETTER_RAW_MESSAGES ?? Math.min(20_000, SUBSCRIBERS));
const DKIM_SUBSCRIBERS = Number(
  process.env.BENCH_NEWSLETTER_DKIM_SUBSCRIBERS ?? Math.min(10_000, SUBSCRIBERS),
);
const CPU_PROFILE_DIR = process.env.BENCH_NEWSLETTER_CPU_PROF;
const TARGET_RATIO = 0.8;

const SITE_URL = 'https://news.example.test';
const SECRET = 'bench-secret-key-0123456789abcdef';
/** An hour after the daily send hour (08:00 UTC): the 2026-11-28 slot is due. */
const START_AT = '2026-11-28T09:00:00.000Z';
const STORIES = 12;
const DOMAINS = 50;
const LOCALES = ['zh', 'en'] as const;
const TOPIC_SETS: Topic[][] = [
  [],
  [{ kind: 'section', key: 'ai-models' }],
  [{ kind: 'section', key: 'chips' }],
  [{ kind: 'entity', key: 'nvidia' }],
  [
    { kind: 'section', key: 'chips' },
    { kind: 'entity', key: 'h200' },
  ],
];
const baseConfig = loadConfig({ SITE_URL, DATA_DIR: os.tmpdir(), LOG_LEVEL: 'silent' });
/** The sender's pool size is the configuration's default; the limit is measured with the same. */
const POOL_SIZE = baseConfig.SMTP_POOL_SIZE;
const due = latestDueSlot(baseConfig, 'daily', 'en', new Date(START_AT));
const periodStart = new Date(due.dueAt.getTime() - 86_400_000);

const here = path.dirname(fileURLToPath(import.meta.url));
const profileDir = (run: string) => (CPU_PROFILE_DIR ? path.join(CPU_PROFILE_DIR, run) : undefined);

// --- the sink -------------------------------------------------------------------------------

interface Sink {
  url: string;
  stats(): Promise<SinkStats>;
  stop(): Promise<void>;
}

async function startSinkProcess(): Promise<Sink> {
  const child = fork(path.join(here, 'smtp-sink-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited with ${code}`)));
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    stats: () =>
      new Promise<SinkStats>((resolve) => {
        child.once('message', (message: SinkStats) => resolve(message));
        child.send({ type: 'stats' });
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

// --- the data ------------------------------------------------------------------------------

/** Site, sections, STORIES stories published in the due period, and `count` confirmed subscribers. */
async function seed(db: Kysely<Database>, count: number): Promise<void> {
  await seedTaxonomy(db);
  const stories = Array.from({ length: STORIES }, (_, i) =>
    buildStory(`bench-story-${i + 1}`, {
      section: i % 2 === 0 ? 'ai-models' : 'chips',
      entities: i % 3 === 0 ? ['nvidia', 'h200'] : i % 3 === 1 ? ['nvidia'] : ['h200'],
      variant: { publishedAt: new Date(periodStart.getTime() + (i + 1) * 3_600_000).toISOString() },
    }),
  );
  await importStories(db, stories, { now: due.dueAt });
  const groups = LOCALES.flatMap((locale) => TOPIC_SETS.map((topics) => ({ locale, topics })));
  await db.transaction().execute(async (trx) => {
    for (const [g, group] of groups.entries()) {
      const size = Math.floor(count / groups.length) + (g < count % groups.length ? 1 : 0);
      await addActiveSubscribers(trx, size, {
        locale: group.locale,
        prefix: `${group.locale}-${g}`,
        domain: (n) => `mail${n % DOMAINS}.example.net`,
        ...(group.topics.length > 0 ? { topics: group.topics } : {}),
      });
    }
  });
}

async function seedSqlite(file: string, count: number): Promise<DatabaseTarget> {
  const handle = openDatabase({ sqliteFile: file });
  try {
    await migrateToLatest(handle.db as never, 'sqlite');
    await seed(handle.db, count);
  } finally {
    await handle.close();
  }
  return { sqliteFile: file };
}

async function withPgAdmin(databaseUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

async function seedPostgres(databaseUrl: string, pgSchema: string, count: number): Promise<DatabaseTarget> {
  await withPgAdmin(databaseUrl, `create schema ${pgSchema}`);
  const handle = openDatabase({ databaseUrl, pgSchema });
  try {
    await migrateToLatest(handle.db as never, 'postgres');
    await seed(handle.db, count);
  } finally {
    await handle.close();
  }
  return { databaseUrl, pgSchema };
}

/**
 * One real digest message per list (locale × topic set), as our mailer writes it: composed from
 * the seeded stories, filled for a subscriber and built by nodemailer into the outbox (no SMTP
 * configured), then read back with the recipient and Message-ID marked for replacement.
 */
async function captureTemplates(target: DatabaseTarget, dir: string): Promise<string[]> {
  const handle = openDatabase(target);
  const config = loadConfig({ SITE_URL, DATA_DIR: dir, LOG_LEVEL: 'silent' });
  const log = createLogger('silent');
  const mailer = createMailer(config, log);
  const outbox = path.join(dir, 'outbox');
  const now = () => new Date(START_AT);
  const files: string[] = [];
  try {
    const deps = createNewsletter({
      db: handle.db,
      config,
      log,
      secret: SECRET,
      mailer,
      now,
      siteName: await loadSiteName(handle.db),
      languageTag: htmlLangTag,
    }).sending;
    for (const locale of LOCALES) {
      for (const topics of TOPIC_SETS) {
        const composed = await deps.compose({
          locale,
          frequency: 'daily',
          topics,
          since: periodStart.toISOString(),
          until: due.dueAt.toISOString(),
        });
        if (!composed) throw new Error(`no digest for ${locale} ${JSON.stringify(topics)}`);
        const issue = { ...composed, locale, frequency: 'daily' as const };
        // A subscriber id of a size the full list has, so the signed links are as long.
        const recipient = { id: Math.floor(SUBSCRIBERS / 2), email: TO_PLACEHOLDER, locale };
        await mailer.sendRaw(
          deliveryCopy(deps, issueMessage(deps, issue), recipient, MESSAGE_ID_PLACEHOLDER),
        );
        const [written] = fs.readdirSync(outbox);
        if (!written) throw new Error('the outbox is empty');
        const file = path.join(dir, `template-${files.length}.eml`);
        fs.renameSync(path.join(outbox, written), file);
        files.push(file);
      }
    }
  } finally {
    mailer.close();
    await handle.close();
  }
  return files;
}

// --- the runs --------------------------------------------------------------------------------

function runWorker<T extends WorkerResult>(job: WorkerJob, cpuProfileDir?: string): Promise<T> {
  const execArgv = [
    '--import',
    'tsx',
    '--expose-gc',
    ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : []),
  ];
  const child: ChildProcess = fork(path.join(here, 'newsletter-worker.ts'), [JSON.stringify(job)], {
    execArgv,
    stdio: 'inherit',
  });
  return new Promise<T>((resolve, reject) => {
    let result: T | undefined;
    child.on('message', (message: T) => {
      result = message;
    });
    child.once('exit', (code) => {
      if (code === 0 && result) resolve(result);
      else reject(new Error(`the ${job.kind} worker exited with ${code}${result ? '' : ' and no figures'}`));
    });
  });
}

interface Measured<T> {
  result: T;
  accepted: number;
  bytes: number;
  sinkCpuSeconds: number;
}

/** A worker's run, with what the sink saw of it: every message it sent must have arrived. */
async function measured<T extends WorkerResult>(
  sink: Sink,
  job: WorkerJob,
  sent: (result: T) => number,
  cpuProfileDir?: string,
): Promise<Measured<T>> {
  const before = await sink.stats();
  const result = await runWorker<T>(job, cpuProfileDir);
  const after = await sink.stats();
  if (result.kind === 'send' && result.tally.sent !== result.planned) {
    throw new Error(
      `${result.planned} deliveries planned, ${result.tally.sent} sent: ${JSON.stringify(result.tally)}${result.firstError ? `; first error: ${result.firstError}` : ''}`,
    );
  }
  const accepted = after.messages - before.messages;
  if (accepted !== sent(result)) {
    throw new Error(`the worker reports ${sent(result)} messages sent, the sink accepted ${accepted}`);
  }
  return {
    result,
    accepted,
    bytes: after.bytes - before.bytes,
    sinkCpuSeconds: (after.cpuMicros - before.cpuMicros) / 1e6,
  };
}

// --- the report ------------------------------------------------------------------------------

/** Other work on the machine moves both figures of a ratio, but the absolute ones more. */
const loadAverage = () => `load average ${os.loadavg()[0]?.toFixed(2)} on ${os.availableParallelism()} cores`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (messages: number, seconds: number) => messages / seconds;
const count = (n: number) => n.toLocaleString('en-US');
const pad = (text: string, width: number) => text.padEnd(width);

function describeSend(label: string, run: Measured<SendResult>, limit: number): string[] {
  const { result } = run;
  const perSecond = rate(result.tally.sent, result.sendSeconds);
  const unexpected =
    result.tally.failed + result.tally.retrying + result.tally.suppressed + result.tally.deferred;
  return [
    `${label}:`,
    `  planning ${count(result.planned)} deliveries: ${result.planSeconds.toFixed(1)} s (${count(Math.round(result.planned / result.planSeconds))} deliveries/s)`,
    `  sending: ${count(result.tally.sent)} messages in ${result.sendSeconds.toFixed(1)} s = ${perSecond.toFixed(0)} msgs/s, ratio to the limit ${(perSecond / limit).toFixed(2)}` +
      (unexpected > 0 ? `  (not sent: ${JSON.stringify(result.tally)})` : ''),
    `  sender CPU ${result.sendCpuSeconds.toFixed(1)} s (${((result.sendCpuSeconds * 1000) / result.tally.sent).toFixed(3)} ms a message), sink CPU ${run.sinkCpuSeconds.toFixed(1)} s; ${count(Math.round(run.bytes / run.accepted))} bytes a message`,
    `  memory: rss ${mb(result.startRssBytes)} at start, peak ${mb(result.planPeakRssBytes)} planning, peak ${mb(result.peakRssBytes)} overall; heap used peak ${mb(result.peakHeapUsedBytes)}, at most ${mb(result.peakLiveHeapBytes)} live after a full collection, ${mb(result.retainedHeapBytes)} at the end`,
  ];
}

export async function runNewsletterBench(): Promise<void> {
  const root = process.env.BENCH_DATA_DIR ?? os.tmpdir();
  fs.mkdirSync(root, { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, 'velocity-newsletter-bench-'));
  const databaseUrl = process.env.DATABASE_URL;
  const pgSchema = `bench_newsletter_${randomBytes(4).toString('hex')}`;
  let pgCreated = false;
  const sink = await startSinkProcess();
  try {
    console.log(
      `Newsletter: ${count(SUBSCRIBERS)} subscribers (zh and en, ${TOPIC_SETS.length} topic sets, ${DOMAINS} domains), ${STORIES} stories in the period; SMTP pool ${POOL_SIZE} connections, ${POOL_SIZE * 2} messages in flight; per-domain pacing off (NEWSLETTER_DOMAIN_PER_MINUTE=0).`,
    );
    console.log(`  SMTP sink in a process of its own at ${sink.url}; ${loadAverage()}`);
    let started = performance.now();
    const big = await seedSqlite(path.join(dir, 'big.db'), SUBSCRIBERS);
    const small = await seedSqlite(path.join(dir, 'small.db'), SMALL_SUBSCRIBERS);
    const signed = await seedSqlite(path.join(dir, 'dkim.db'), DKIM_SUBSCRIBERS);
    console.log(
      `  seeded three SQLite files (${count(SUBSCRIBERS)}, ${count(SMALL_SUBSCRIBERS)} and ${count(DKIM_SUBSCRIBERS)} subscribers) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const templates = await captureTemplates(small, dir);
    const sizes = templates.map((file) => fs.statSync(file).size);
    console.log(
      `  captured ${templates.length} digest messages, ${count(Math.min(...sizes))}–${count(Math.max(...sizes))} bytes, for the raw baseline`,
    );

    const rawJob: WorkerJob = {
      kind: 'raw',
      smtpUrl: sink.url,
      poolSize: POOL_SIZE,
      templates,
      messages: RAW_MESSAGES,
      from: baseConfig.newsletterFrom,
      domains: DOMAINS,
    };
    const sendJob = (database: DatabaseTarget, extra: Partial<SendJob> = {}): SendJob => ({
      kind: 'send',
      database,
      smtpUrl: sink.url,
      dataDir: dir,
      poolSize: POOL_SIZE,
      locales: [...LOCALES],
      startAt: START_AT,
      secret: SECRET,
      siteUrl: SITE_URL,
      ...extra,
    });
    const rawSent = (r: RawResult) => r.sent;
    const tallySent = (r: SendResult) => r.tally.sent;

    // The limit is measured before and after the full-list send, so both see the same machine.
    console.log(`Raw baseline (the limit), ${count(RAW_MESSAGES)} messages…`);
    const rawBefore = await measured(sink, rawJob, rawSent);
    console.log(`Sender, ${count(SUBSCRIBERS)} subscribers (SQLite)…`);
    const full = await measured(sink, sendJob(big), tallySent, profileDir('send'));
    console.log(`Raw baseline again, ${count(RAW_MESSAGES)} messages…`);
    const rawAfter = await measured(sink, rawJob, rawSent, profileDir('raw'));
    console.log(`Sender, ${count(SMALL_SUBSCRIBERS)} subscribers (SQLite), for memory…`);
    const tenth = await measured(sink, sendJob(small), tallySent);
    console.log(`Sender with DKIM signing (RSA-2048), ${count(DKIM_SUBSCRIBERS)} subscribers (SQLite)…`);
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const fromDomain = baseConfig.newsletterFrom.split('@')[1] ?? '';
    const dkim = await measured(
      sink,
      sendJob(signed, { dkim: { domain: fromDomain, privateKeyPem } }),
      tallySent,
      profileDir('dkim'),
    );
    let postgres: Measured<SendResult> | undefined;
    if (databaseUrl) {
      console.log(`Sender, ${count(SUBSCRIBERS)} subscribers (PostgreSQL, schema ${pgSchema})…`);
      started = performance.now();
      pgCreated = true;
      const target = await seedPostgres(databaseUrl, pgSchema, SUBSCRIBERS);
      console.log(`  seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      postgres = await measured(sink, sendJob(target), tallySent);
    }

    // --- figures
    const rawRates = [rawBefore, rawAfter].map((r) => rate(r.result.sent, r.result.seconds));
    const limit = Math.max(...rawRates);
    const ours = rate(full.result.tally.sent, full.result.sendSeconds);
    const lines: string[] = [''];
    lines.push(
      `the limit: raw digest messages through a nodemailer pool of ${POOL_SIZE}, ${count(RAW_MESSAGES)} each:`,
    );
    for (const [i, run] of [rawBefore, rawAfter].entries()) {
      lines.push(
        `  ${i === 0 ? 'before' : 'after '}  ${(rawRates[i] ?? 0).toFixed(0)} msgs/s   (client CPU ${run.result.cpuSeconds.toFixed(1)} s, ${((run.result.cpuSeconds * 1000) / run.result.sent).toFixed(3)} ms a message; sink CPU ${run.sinkCpuSeconds.toFixed(1)} s; ${count(Math.round(run.bytes / run.accepted))} bytes a message)`,
      );
    }
    lines.push(`  the limit (the better of the two): ${limit.toFixed(0)} msgs/s`);
    lines.push(...describeSend(`sender, ${count(SUBSCRIBERS)} subscribers, SQLite`, full, limit));
    lines.push(...describeSend(`sender, ${count(SMALL_SUBSCRIBERS)} subscribers, SQLite`, tenth, limit));
    lines.push(
      ...describeSend(
        `sender with DKIM (RSA-2048), ${count(DKIM_SUBSCRIBERS)} subscribers, SQLite`,
        dkim,
        limit,
      ),
    );
    if (postgres)
      lines.push(...describeSend(`sender, ${count(SUBSCRIBERS)} subscribers, PostgreSQL`, postgres, limit));
    const rssRatio = full.result.peakRssBytes / tenth.result.peakRssBytes;
    const heapRatio = full.result.peakHeapUsedBytes / tenth.result.peakHeapUsedBytes;

    lines.push('');
    lines.push('summary');
    const row = (name: string, value: string, target = '') => `  ${pad(name, 46)}${pad(value, 18)}${target}`;
    lines.push(row('the limit (raw messages)', `${limit.toFixed(0)} msgs/s`));
    lines.push(row(`sender, ${count(SUBSCRIBERS)} subscribers`, `${ours.toFixed(0)} msgs/s`));
    lines.push(row('ratio', (ours / limit).toFixed(2), `target ≥ ${TARGET_RATIO}`));
    lines.push(
      row(`planning ${count(full.result.planned)} deliveries`, `${full.result.planSeconds.toFixed(1)} s`),
    );
    lines.push(
      row(
        `peak rss, ${count(SMALL_SUBSCRIBERS)} / ${count(SUBSCRIBERS)}`,
        `${mb(tenth.result.peakRssBytes)} / ${mb(full.result.peakRssBytes)}`,
      ),
    );
    lines.push(row('peak rss ratio', rssRatio.toFixed(2), 'target ≈ 1.0'));
    lines.push(
      row(
        `peak heap used, ${count(SMALL_SUBSCRIBERS)} / ${count(SUBSCRIBERS)}`,
        `${mb(tenth.result.peakHeapUsedBytes)} / ${mb(full.result.peakHeapUsedBytes)}`,
      ),
    );
    lines.push(row('peak heap used ratio', heapRatio.toFixed(2)));
    lines.push(
      row(
        `live heap, ${count(SMALL_SUBSCRIBERS)} / ${count(SUBSCRIBERS)}`,
        `${mb(tenth.result.peakLiveHeapBytes)} / ${mb(full.result.peakLiveHeapBytes)}`,
      ),
    );
    lines.push(
      row(
        'live heap ratio',
        (full.result.peakLiveHeapBytes / tenth.result.peakLiveHeapBytes).toFixed(2),
        'target ≈ 1.0',
      ),
    );
    const dkimRate = rate(dkim.result.tally.sent, dkim.result.sendSeconds);
    lines.push(
      row(
        `with DKIM, ${count(DKIM_SUBSCRIBERS)} subscribers`,
        `${dkimRate.toFixed(0)} msgs/s`,
        `ratio ${(dkimRate / limit).toFixed(2)}`,
      ),
    );
    if (postgres) {
      const pgRate = rate(postgres.result.tally.sent, postgres.result.sendSeconds);
      lines.push(
        row(
          `PostgreSQL, ${count(SUBSCRIBERS)} subscribers`,
          `${pgRate.toFixed(0)} msgs/s`,
          `ratio ${(pgRate / limit).toFixed(2)}`,
        ),
      );
    } else {
      lines.push(row('PostgreSQL', 'not run', '(DATABASE_URL is not set)'));
    }
    lines.push(`  (${loadAverage()} at the end)`);
    console.log(lines.join('\n'));
    const sendProfile = profileDir('send');
    const rawProfile = profileDir('raw');
    if (sendProfile && rawProfile) {
      console.log(
        `\nwhere the time of the ${count(SUBSCRIBERS)}-subscriber send phase went (${sendProfile}):`,
      );
      console.log(summariseCpuProfile(sendProfile, full.result.windowMicros));
      console.log(`\nand that of the second raw baseline (${rawProfile}):`);
      console.log(summariseCpuProfile(rawProfile, rawAfter.result.windowMicros));
      const dkimProfile = profileDir('dkim') as string;
      console.log(`\nand that of the send with DKIM (${dkimProfile}):`);
      console.log(summariseCpuProfile(dkimProfile, dkim.result.windowMicros));
    }
  } finally {
    await sink.stop();
    if (pgCreated && databaseUrl) await withPgAdmin(databaseUrl, `drop schema if exists ${pgSchema} cascade`);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await runNewsletterBench();
