// The newsletter benchmark's measured process, started fresh for every run so that its peak
// memory is its own. `send`: the sender as the scheduler runs it, on a database the parent
// seeded: planRun for the due slot of each locale, then sendPending until idle. `raw`: the limit,
// ready-made digest messages (bytes our mailer produced) sent through a nodemailer pool of the
// same size, as many at once as the sender has in flight. The job arrives as JSON in argv[2];
// the figures go back over the IPC channel.
import fs from 'node:fs';
import nodemailer from 'nodemailer';
import { createNewsletter } from '../src/newsletter/index.js';
import { createMailer } from '../src/newsletter/mailer.js';
import { latestDueSlot, planDepsOf, planRun, sendPending } from '../src/newsletter/sending/index.js';
import { loadConfig } from '../src/platform/config.js';
import { openDatabase } from '../src/platform/database/index.js';
import { createLogger } from '../src/platform/logger.js';
import { htmlLangTag } from '../src/publishing/index.js';
import { loadSiteName } from '../src/site/index.js';
import {
  MESSAGE_ID_PLACEHOLDER,
  type RawJob,
  type RawResult,
  type SendJob,
  type SendResult,
  TO_PLACEHOLDER,
  type WorkerJob,
} from './newsletter-jobs.js';

/** Samples rss and heapUsed every 100 ms (and on demand) and keeps the peaks. */
class MemorySampler {
  peakRss = 0;
  peakHeapUsed = 0;
  peakLiveHeap = 0;
  readonly #timer: NodeJS.Timeout;
  // Every 2 s a full collection is forced (the worker runs with --expose-gc) and the heap still in
  // use read: what the work holds on to, whatever the collector's own timing. It costs a few tens
  // of milliseconds each time, about 1% of the run.
  readonly #liveTimer: NodeJS.Timeout;
  constructor() {
    this.sample();
    this.#timer = setInterval(() => this.sample(), 100);
    this.#liveTimer = setInterval(() => {
      (globalThis as { gc?: () => void }).gc?.();
      this.peakLiveHeap = Math.max(this.peakLiveHeap, process.memoryUsage().heapUsed);
    }, 2000);
  }
  sample(): void {
    const { rss, heapUsed } = process.memoryUsage();
    this.peakRss = Math.max(this.peakRss, rss);
    this.peakHeapUsed = Math.max(this.peakHeapUsed, heapUsed);
  }
  /** Stops sampling; returns the heap used after a full collection (the worker runs with --expose-gc). */
  stop(): number {
    this.sample();
    clearInterval(this.#timer);
    clearInterval(this.#liveTimer);
    (globalThis as { gc?: () => void }).gc?.();
    return process.memoryUsage().heapUsed;
  }
}

const cpuSecondsSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};

async function runSend(job: SendJob): Promise<SendResult> {
  const handle = openDatabase(job.database);
  const log = createLogger('silent');
  const config = loadConfig({
    SITE_URL: job.siteUrl,
    DATA_DIR: job.dataDir,
    LOG_LEVEL: 'silent',
    SMTP_URL: job.smtpUrl,
    SMTP_POOL_SIZE: String(job.poolSize),
    // Pacing off: this measures throughput, not what receivers would let through.
    NEWSLETTER_DOMAIN_PER_MINUTE: '0',
    ...(job.dkim ? { DKIM_DOMAIN: job.dkim.domain, DKIM_PRIVATE_KEY: job.dkim.privateKeyPem } : {}),
  });
  const mailer = createMailer(config, log);
  const offset = new Date(job.startAt).getTime() - Date.now();
  const now = () => new Date(Date.now() + offset);
  const deps = createNewsletter({
    db: handle.db,
    config,
    log,
    secret: job.secret,
    mailer,
    now,
    siteName: await loadSiteName(handle.db),
    languageTag: htmlLangTag,
  }).sending;
  try {
    const memory = new MemorySampler();
    const startRssBytes = memory.peakRss;
    const planStarted = performance.now();
    let planned = 0;
    for (const locale of job.locales) {
      const due = latestDueSlot(config, 'daily', locale, now());
      const outcome = await planRun(planDepsOf(deps), {
        frequency: 'daily',
        locale,
        kind: 'scheduled',
        ...due,
      });
      planned += outcome.deliveriesPlanned;
    }
    const planSeconds = (performance.now() - planStarted) / 1000;
    memory.sample();
    const planPeakRssBytes = memory.peakRss;

    const cpu = process.cpuUsage();
    const sendStarted = performance.now();
    const windowStart = Number(process.hrtime.bigint() / 1000n);
    // A retry is not waited for: a run where anything fails is reported, not measured.
    const tally = await sendPending(deps, { untilIdle: true, maxIdleWaitMs: 1000 });
    const windowMicros: [number, number] = [windowStart, Number(process.hrtime.bigint() / 1000n)];
    const sendSeconds = (performance.now() - sendStarted) / 1000;
    const sendCpuSeconds = cpuSecondsSince(cpu);
    const retainedHeapBytes = memory.stop();
    const failure =
      tally.sent === planned
        ? undefined
        : await handle.db
            .selectFrom('newsletter_deliveries')
            .select('last_error')
            .where('last_error', 'is not', null)
            .executeTakeFirst();
    return {
      ...(failure?.last_error ? { firstError: failure.last_error } : {}),
      kind: 'send',
      retainedHeapBytes,
      planned,
      planSeconds,
      planPeakRssBytes,
      sendSeconds,
      sendCpuSeconds,
      windowMicros,
      tally,
      startRssBytes,
      peakRssBytes: memory.peakRss,
      peakHeapUsedBytes: memory.peakHeapUsed,
      peakLiveHeapBytes: memory.peakLiveHeap,
    };
  } finally {
    mailer.close();
    await handle.close();
  }
}

/** A message template cut at its placeholders: the parts between them, as bytes. */
interface Template {
  parts: Buffer[];
  /** What goes after parts[i]: the recipient or the Message-ID. */
  holes: ('to' | 'messageId')[];
}

function cutTemplate(text: string): Template {
  const literally = (literal: string) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${literally(TO_PLACEHOLDER)}|${literally(MESSAGE_ID_PLACEHOLDER)}`, 'g');
  const parts: Buffer[] = [];
  const holes: Template['holes'] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(Buffer.from(text.slice(last, match.index), 'utf8'));
    holes.push(match[0] === TO_PLACEHOLDER ? 'to' : 'messageId');
    last = match.index + match[0].length;
  }
  parts.push(Buffer.from(text.slice(last), 'utf8'));
  if (!holes.includes('to') || !holes.includes('messageId'))
    throw new Error('a template lacks a placeholder');
  return { parts, holes };
}

function fillTemplate(template: Template, to: string, messageId: string): Buffer {
  const chunks: Buffer[] = [];
  template.holes.forEach((hole, i) => {
    chunks.push(template.parts[i] as Buffer, Buffer.from(hole === 'to' ? to : messageId, 'latin1'));
  });
  chunks.push(template.parts[template.parts.length - 1] as Buffer);
  return Buffer.concat(chunks);
}

async function runRaw(job: RawJob): Promise<RawResult> {
  const templates = job.templates.map((file) => cutTemplate(fs.readFileSync(file, 'utf8')));
  const url = new URL(job.smtpUrl);
  const transport = nodemailer.createTransport({
    pool: true,
    maxConnections: job.poolSize,
    host: url.hostname,
    port: Number(url.port),
    secure: false,
  });
  const domain = job.from.split('@')[1] ?? 'localhost';
  try {
    const memory = new MemorySampler();
    const startRssBytes = memory.peakRss;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const windowStart = Number(process.hrtime.bigint() / 1000n);
    let next = 0;
    let sent = 0;
    // The sender keeps twice the pool size in flight; so does this.
    const lanes = Array.from({ length: job.poolSize * 2 }, async () => {
      while (next < job.messages) {
        const n = next++;
        const to = `raw-${n}@mail${n % job.domains}.example.net`;
        const raw = fillTemplate(templates[n % templates.length] as Template, to, `<raw.${n}@${domain}>`);
        await transport.sendMail({ envelope: { from: job.from, to }, raw });
        sent += 1;
      }
    });
    await Promise.all(lanes);
    const windowMicros: [number, number] = [windowStart, Number(process.hrtime.bigint() / 1000n)];
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = cpuSecondsSince(cpu);
    const retainedHeapBytes = memory.stop();
    return {
      kind: 'raw',
      retainedHeapBytes,
      sent,
      seconds,
      cpuSeconds,
      windowMicros,
      startRssBytes,
      peakRssBytes: memory.peakRss,
      peakHeapUsedBytes: memory.peakHeapUsed,
      peakLiveHeapBytes: memory.peakLiveHeap,
    };
  } finally {
    transport.close();
  }
}

const job = JSON.parse(process.argv[2] ?? '{}') as WorkerJob;
const result = job.kind === 'send' ? await runSend(job) : await runRaw(job);
process.send?.(result, () => process.disconnect());
