import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.js';
import { seedDueDigest } from '../../test/support/newsletter.js';
import { type CountingSink, startCountingSink } from '../../test/support/smtp-sink.js';
import { loadConfig } from '../platform/config.js';
import { runNewsletterCommand } from './newsletter.js';
import { openMigratedDatabase } from './runtime.js';

// `velocity newsletter …` called in process, as main.ts calls it, over a SQLite file and a real
// SMTP server; the kill-and-restart runs of the same command are in send-crash.soak.test.ts.

interface Ran {
  code: number;
  out: string;
  err: string;
  progress: string;
}

let database: TestDatabase;
let sink: CountingSink;

async function velocity(args: string[], options: { tty?: boolean } = {}): Promise<Ran> {
  const out: string[] = [];
  const err: string[] = [];
  let progress = '';
  const stream = Object.assign(new PassThrough(), { isTTY: options.tty === true, columns: 100 });
  stream.on('data', (chunk: Buffer) => {
    progress += chunk.toString('utf8');
  });
  const code = await runNewsletterCommand(args, {
    config: () =>
      loadConfig({
        DATA_DIR: database.dataDir,
        SITE_URL: 'https://news.example.test',
        SECRET_KEY: 'cli-newsletter-secret-0123456789',
        SMTP_URL: sink.url,
        NEWSLETTER_DOMAIN_PER_MINUTE: '0',
        LOG_LEVEL: 'silent',
      }),
    openDatabase: openMigratedDatabase,
    out: (text) => out.push(`${text}\n`),
    write: (text) => out.push(text),
    err: (text) => err.push(`${text}\n`),
    progressStream: stream,
    now: () => new Date(),
  });
  return { code, out: out.join(''), err: err.join(''), progress };
}

beforeAll(async () => {
  sink = await startCountingSink();
  database = await createTestDatabase('sqlite');
  await seedDueDigest(database.db, { slug: 'cli-digest', count: 30, locale: 'en', domains: 1 });
});
afterAll(async () => {
  await sink.close();
  await database.destroy();
});

describe('velocity newsletter', () => {
  it('previews the digest a list would get, as HTML or text, without sending', async () => {
    const html = await velocity(['preview', '--locale', 'en']);
    expect(html.code).toBe(0);
    expect(html.out).toMatch(/^<!doctype html>/i);
    expect(html.out).toContain('Nvidia announces the cli-digest plan');
    const file = path.join(database.dataDir, 'preview.txt');
    const text = await velocity(['preview', '--locale', 'en', '--text', '--output', file]);
    expect(text.code).toBe(0);
    expect(fs.readFileSync(file, 'utf8')).toContain('https://news.example.test/en/');
    expect(text.err).toContain(`written to ${file}`);
    const none = await velocity(['preview', '--locale', 'en', '--topics', 'section:no-such-section']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no digest');
    expect(sink.accepted).toHaveLength(0);
  });

  it('refuses wrong usage with a one-line reason and exit code 2', async () => {
    for (const [args, reason] of [
      [['preview'], 'needs --locale'],
      [['preview', '--locale', 'en', '--frequency', 'hourly'], 'daily or weekly'],
      [['preview', '--locale', 'en', '--topics', 'tag:x'], 'section:KEY or entity:SLUG'],
      [['send', '--locale', 'en'], 'go with --now'],
      [['status', '--limit', 'many'], 'whole number'],
      [['status', '--colour'], 'Unknown option'],
      [['launch'], 'Unknown subcommand'],
    ] as const) {
      const ran = await velocity([...args]);
      expect(ran.code, args.join(' ')).toBe(2);
      expect(ran.err).toContain(reason);
    }
  });

  it('plans what is due, sends it with a progress bar on a terminal, and reports the issue', async () => {
    const sent = await velocity(['send'], { tty: true });
    expect(sent.err).toBe('');
    expect(sent.code).toBe(0);
    expect(sent.out).toContain('Deliveries: 30 sent, 0 failed, 0 suppressed.');
    expect(sent.progress).toContain('Sending');
    expect(sent.progress).toContain('30/30');
    expect(new Set(sink.accepted.map((m) => m.recipient)).size).toBe(30);

    const again = await velocity(['send']);
    expect(again.out).toContain('Nothing to send');
    expect(sink.accepted).toHaveLength(30);

    const status = await velocity(['status', '--json']);
    const [issue] = JSON.parse(status.out) as {
      locale: string;
      state: string;
      sent: number;
      stories: number;
    }[];
    expect(issue).toMatchObject({ locale: 'en', state: 'sent', sent: 30, stories: 1 });
    const table = await velocity(['status']);
    expect(table.out).toMatch(/^ID\s+SLOT\s+LOCALE/);
    expect(table.out).toMatch(/\ben\s+daily\s+all\s+1\s+sent\s+30\s+0\s+0\s+0\s+0/);
  });

  it('plans an issue at once with --now, covering what is new since the last one', async () => {
    const ran = await velocity(['send', '--now', '--frequency', 'daily', '--locale', 'en']);
    expect(ran.code).toBe(0);
    // The scheduled issue took the story already: nothing new, so no issue and nothing sent.
    expect(ran.out).toContain('en daily: 0 deliveries planned in 0 issues.');
    expect(sink.accepted).toHaveLength(30);
  });
});

describe('velocity newsletter on a database with no site', () => {
  it('says what to run first, with exit code 1', async () => {
    const empty = await createTestDatabase('sqlite');
    const errors: string[] = [];
    try {
      const ran = await runNewsletterCommand(['status'], {
        config: () => loadConfig({ DATA_DIR: empty.dataDir, LOG_LEVEL: 'silent' }),
        openDatabase: openMigratedDatabase,
        out: () => {},
        write: () => {},
        err: (text) => errors.push(text),
        progressStream: new PassThrough(),
        now: () => new Date(),
      });
      expect(ran).toBe(1);
      expect(errors).toEqual([
        'The database holds no site yet: run `velocity serve` once, or `velocity seed` or `velocity import`.',
      ]);
    } finally {
      await empty.destroy();
    }
  });
});
