import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { countInWindow, type Database, releaseLease, takeLease } from '../platform/database/index.js';
import { createTranslator } from '../platform/i18n.js';
import type { NewsletterDeps } from './deps.js';
import { fillDigestLinks } from './digest/index.js';
import { fromHeader } from './from-header.js';
import type { OutgoingMail } from './mailer.js';
import type { Topic } from './queries.js';

// A digest previewed in the admin and sent once to one person to look at in their own mail
// client. It is not a delivery: no row records it, the subscriber links go to the signup page, and
// each test gets a Message-ID of its own so a mail client never folds two tests into one.

export interface DigestChoice {
  locale: string;
  frequency: 'daily' | 'weekly';
  /** How far back from now the digest reaches. */
  days: number;
  topics: Topic[];
}

export interface ComposedDigest {
  subject: string;
  html: string;
  text: string;
  storyIds: number[];
}

const DAY_MS = 86_400_000;

/** The period the admin's preview covers: the `days` before now. */
export function previewPeriod(now: Date, days: number): { since: string; until: string } {
  return { since: new Date(now.getTime() - days * DAY_MS).toISOString(), until: now.toISOString() };
}

export function buildTestMail(
  deps: NewsletterDeps,
  digest: ComposedDigest,
  options: { locale: string; to: string; signupUrl: string },
): OutgoingMail {
  const marker = createTranslator(options.locale)('newsletterAdmin.testSend.marker');
  const body = fillDigestLinks(digest, {
    preferencesUrl: options.signupUrl,
    unsubscribeUrl: options.signupUrl,
  });
  const domain = deps.config.newsletterFrom.split('@')[1] ?? 'localhost';
  return {
    from: fromHeader(deps, options.locale),
    ...(deps.config.NEWSLETTER_REPLY_TO ? { replyTo: deps.config.NEWSLETTER_REPLY_TO } : {}),
    to: options.to,
    subject: `${marker} ${digest.subject}`,
    html: body.html,
    text: body.text,
    messageId: `<test.${randomBytes(12).toString('hex')}@${domain}>`,
    headers: { 'Content-Language': deps.languageTag(options.locale) },
  };
}

const MAX_ERROR_CHARS = 300;

/** A mailer's failure as one short line: the SMTP reply when there is one (it says the most). */
export function sendErrorLine(error: unknown): string {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as {
    response?: unknown;
    message?: unknown;
  };
  const raw =
    typeof fields.response === 'string' && fields.response
      ? fields.response
      : typeof fields.message === 'string' && fields.message
        ? fields.message
        : String(error);
  const line = raw
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return line.length > MAX_ERROR_CHARS ? `${line.slice(0, MAX_ERROR_CHARS - 1)}…` : line;
}

/** Longer than a test send can take, even against a slow SMTP server. */
const TEST_SEND_LEASE_MS = 120_000;

export type TestSendSlot = 'granted' | 'busy' | 'limited';

/**
 * Per person: one test at a time, and a few per window, counted in the database so that the limit
 * holds across web nodes. A double click then sends once (the second finds the first in flight)
 * or twice (it came after), never a stream. A test that dies in flight frees its person after
 * `TEST_SEND_LEASE_MS`.
 */
export function createTestSendLimiter(db: Kysely<Database>, options: { max: number; windowMs: number }) {
  return {
    async take(userId: number, now: number): Promise<TestSendSlot> {
      if (!(await takeLease(db, `test-send-busy:${userId}`, TEST_SEND_LEASE_MS, now))) return 'busy';
      if ((await countInWindow(db, `test-send:${userId}`, options.windowMs, now)) > options.max) {
        await releaseLease(db, `test-send-busy:${userId}`);
        return 'limited';
      }
      return 'granted';
    },
    async release(userId: number): Promise<void> {
      await releaseLease(db, `test-send-busy:${userId}`);
    },
  };
}
