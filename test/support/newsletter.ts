import type { Kysely } from 'kysely';
import { importStories } from '../../src/editorial/index.js';
import type { NewsletterDeps } from '../../src/newsletter/deps.js';
import { createMailer } from '../../src/newsletter/mailer.js';
import { latestDueSlot } from '../../src/newsletter/sending/schedule.js';
import { loadConfig } from '../../src/platform/config.js';
import type { Database } from '../../src/platform/database/index.js';
import { createLogger } from '../../src/platform/logger.js';
import { buildStory, seedTaxonomy } from './factories.js';

/** Newsletter deps for tests: a real mailer to `smtpUrl`, a clock the test can move. */
export function newsletterTestDeps(
  db: Kysely<Database>,
  options: { smtpUrl: string; dataDir: string; env?: Record<string, string> },
) {
  const clock = { now: new Date('2026-11-28T09:00:00Z') };
  const config = loadConfig({
    SITE_URL: 'https://news.example.test',
    DATA_DIR: options.dataDir,
    SMTP_URL: options.smtpUrl,
    SMTP_POOL_SIZE: '1',
    ...options.env,
  });
  const deps: NewsletterDeps = {
    db,
    config,
    mailer: createMailer(config, createLogger('silent')),
    log: createLogger('silent'),
    secret: 'test-secret-key-0123456789',
    now: () => clock.now,
    siteName: (locale) => (locale === 'zh' ? '代码速度' : 'Code Velocity'),
    languageTag: (locale) => (locale === 'zh' ? 'zh-Hans' : locale),
  };
  return { deps, clock };
}

/**
 * `count` confirmed subscribers at reader-N@<domain>, inserted directly (the signup flow has tests
 * of its own); returns their ids in order.
 */
export async function addActiveSubscribers(
  db: Kysely<Database>,
  count: number,
  options: {
    locale?: string;
    frequency?: 'daily' | 'weekly';
    domain?: string | ((n: number) => string);
    topics?: { kind: 'section' | 'entity'; key: string }[];
    confirmedAt?: string;
    prefix?: string;
  } = {},
): Promise<number[]> {
  const at = options.confirmedAt ?? '2026-11-01T00:00:00.000Z';
  const ids: number[] = [];
  const rows = Array.from({ length: count }, (_, n) => {
    const domain =
      typeof options.domain === 'function' ? options.domain(n) : (options.domain ?? 'example.org');
    return {
      email: `${options.prefix ?? 'reader'}-${n}@${domain}`,
      locale: options.locale ?? 'en',
      frequency: options.frequency ?? 'daily',
      state: 'active' as const,
      consent_requested_at: at,
      confirmed_at: at,
      created_at: at,
      updated_at: at,
    };
  });
  for (let start = 0; start < rows.length; start += 500) {
    const inserted = await db
      .insertInto('subscribers')
      .values(rows.slice(start, start + 500))
      .returning('id')
      .execute();
    ids.push(...inserted.map((r) => r.id));
  }
  if (options.topics?.length) {
    const topics = options.topics;
    const topicRows = ids.flatMap((id) =>
      topics.map((t) => ({ subscriber_id: id, kind: t.kind, topic_key: t.key })),
    );
    for (let start = 0; start < topicRows.length; start += 500)
      await db
        .insertInto('subscriber_topics')
        .values(topicRows.slice(start, start + 500))
        .execute();
  }
  return ids;
}

/**
 * One subscriber still waiting to confirm (as the signup form leaves them), inserted directly;
 * returns the id. Its stored nonce matches no mail: only a new one (a resend) confirms.
 */
export async function addPendingSubscriber(db: Kysely<Database>, email: string): Promise<number> {
  const at = '2026-11-01T00:00:00.000Z';
  const row = await db
    .insertInto('subscribers')
    .values({
      email,
      locale: 'en',
      frequency: 'weekly',
      state: 'pending',
      confirm_nonce: `pending-${email}`,
      consent_requested_at: at,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A site whose daily digest is due now by the real clock: the factories' taxonomy, one story
 * published an hour before the latest send time, and `count` subscribers in `locale` confirmed a
 * day before it. For tests that run `velocity newsletter send` in processes of its own, which
 * read the real clock. Returns the subscribers' ids.
 */
export async function seedDueDigest(
  db: Kysely<Database>,
  options: { slug: string; count: number; locale: 'zh' | 'en'; domains: number },
): Promise<number[]> {
  await seedTaxonomy(db);
  const config = loadConfig({ SITE_URL: 'https://news.example.test' });
  const { dueAt } = latestDueSlot(config, 'daily', options.locale, new Date());
  const publishedAt = new Date(dueAt.getTime() - 3_600_000).toISOString();
  await importStories(db, [buildStory(options.slug, { variant: { publishedAt } })], {
    now: new Date(publishedAt),
  });
  return addActiveSubscribers(db, options.count, {
    locale: options.locale,
    domain: (n) => `mail-${n % options.domains}.example`,
    confirmedAt: new Date(dueAt.getTime() - 86_400_000).toISOString(),
  });
}
