import { randomBytes } from 'node:crypto';
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

export type TestSendSlot = 'granted' | 'busy' | 'limited';

/**
 * Per person: one test at a time, and a few per window. A double click then sends once (the
 * second finds the first in flight) or twice (it came after), never a stream.
 */
export function createTestSendLimiter(options: { max: number; windowMs: number }) {
  const recent = new Map<number, number[]>();
  const inFlight = new Set<number>();
  return {
    take(userId: number, now: number): TestSendSlot {
      if (inFlight.has(userId)) return 'busy';
      const times = (recent.get(userId) ?? []).filter((at) => now - at < options.windowMs);
      if (times.length >= options.max) {
        recent.set(userId, times);
        return 'limited';
      }
      times.push(now);
      recent.set(userId, times);
      inFlight.add(userId);
      return 'granted';
    },
    release(userId: number): void {
      inFlight.delete(userId);
    },
  };
}
