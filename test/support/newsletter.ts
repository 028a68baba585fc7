import type { Kysely } from 'kysely';
import type { NewsletterDeps } from '../../src/newsletter/deps.js';
import { createMailer } from '../../src/newsletter/mailer.js';
import { loadConfig } from '../../src/platform/config.js';
import type { Database } from '../../src/platform/database/index.js';
import { createLogger } from '../../src/platform/logger.js';

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
