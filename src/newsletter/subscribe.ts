import { createHash, randomBytes } from 'node:crypto';
import type { DigestFrequency } from '../platform/database/index.js';
import { buildConfirmationEmail } from './confirmation-email.js';
import type { NewsletterDeps } from './deps.js';
import { normaliseEmailAddress } from './email-address.js';
import { NewsletterLinkRefused, SignupRateLimited } from './errors.js';
import { fromHeader } from './from-header.js';
import { addressHash, ipHash } from './hashing.js';
import { confirmPath, preferencesPath, unsubscribePath } from './links.js';
import {
  confirmSubscriber,
  countSignupAttempts,
  deleteSignupAttemptsBefore,
  findSubscriber,
  insertSignupAttempt,
  renewPendingNonce,
  replaceSubscriberTopics,
  type SubscriberRow,
  type Topic,
  upsertPendingSubscriber,
} from './queries.js';
import { signToken, verifyToken } from './tokens.js';

/** How long a confirmation link works. */
const CONFIRM_VALID_DAYS = 3;
/** Preferences and unsubscribe links sit in every email; a year outlives any digest in an inbox. */
const MANAGE_VALID_DAYS = 365;
const HOUR_MS = 3_600_000;
const DAY_S = 86_400;

export interface SignupRequest {
  email: string;
  locale: string;
  frequency: DigestFrequency;
  topics: Topic[];
  /** The hidden field people never see; anything in it means a bot filled the form. */
  honeypot: string;
  ip: string;
}

export interface SignupOutcome {
  /**
   * The confirmation mail on its way (already settled when none is due). The route does not wait
   * for it, so the answer takes as long for a known address as for an unknown one.
   */
  delivery: Promise<void>;
}

const NOTHING_TO_SEND: SignupOutcome = { delivery: Promise.resolve() };

/** A signed link for managing a subscription (preferences or one-click unsubscribe), absolute. */
export function manageLinks(deps: NewsletterDeps, subscriber: Pick<SubscriberRow, 'id' | 'locale'>) {
  const expiresAt = Math.floor(deps.now().getTime() / 1000) + MANAGE_VALID_DAYS * DAY_S;
  const site = deps.config.siteUrl;
  const token = (purpose: 'preferences' | 'unsubscribe') =>
    signToken(deps.secret, { purpose, subscriberId: subscriber.id, expiresAt });
  return {
    preferencesUrl: `${site}${preferencesPath(subscriber.locale, token('preferences'))}`,
    unsubscribeUrl: `${site}${unsubscribePath(subscriber.locale, token('unsubscribe'))}`,
  };
}

/**
 * Double opt-in. A new, pending or unsubscribed address gets one confirmation mail and nothing
 * else until it confirms. An active or suppressed address gets nothing: a second "you are
 * already subscribed" mail would let anyone mail-bomb a subscriber through us, and every
 * newsletter already carries the preferences link. The caller answers the same in every case,
 * so the form reveals nothing about who subscribes (no enumeration). Invalid addresses and the
 * hourly limits (per IP and per address, counted on attempts, known or not) throw.
 */
export async function requestSubscription(
  deps: NewsletterDeps,
  request: SignupRequest,
): Promise<SignupOutcome> {
  const email = normaliseEmailAddress(request.email);
  if (request.honeypot.trim() !== '') {
    deps.log.info('newsletter signup with a filled honeypot ignored');
    return NOTHING_TO_SEND;
  }
  const now = deps.now();
  const hashes = { addressHash: addressHash(deps.secret, email), ipHash: ipHash(deps.secret, request.ip) };
  const since = new Date(now.getTime() - HOUR_MS).toISOString();
  const counts = await countSignupAttempts(deps.db, { ...hashes, since });
  if (
    counts.byIp >= deps.config.NEWSLETTER_SIGNUPS_PER_IP_PER_HOUR ||
    counts.byAddress >= deps.config.NEWSLETTER_SIGNUPS_PER_ADDRESS_PER_HOUR
  ) {
    throw new SignupRateLimited();
  }
  await insertSignupAttempt(deps.db, { ...hashes, now: now.toISOString() });
  // Older attempts count toward nothing; dropping them here keeps the table an hour deep.
  await deleteSignupAttemptsBefore(deps.db, since);

  const nonce = randomBytes(16).toString('base64url');
  const subscriber = await deps.db.transaction().execute(async (trx) => {
    const row = await upsertPendingSubscriber(trx, {
      email,
      locale: request.locale,
      frequency: request.frequency,
      nonce,
      now: now.toISOString(),
    });
    if (row) await replaceSubscriberTopics(trx, row.id, request.topics);
    return row;
  });
  if (!subscriber) return NOTHING_TO_SEND;
  const delivery = deps.mailer.send(confirmationMail(deps, subscriber, nonce));
  // The route never awaits it; a failure is logged here so it is never an unhandled rejection.
  delivery.catch((error: unknown) =>
    deps.log.error({ err: error, subscriber: subscriber.id }, 'confirmation mail not sent'),
  );
  return { delivery };
}

/** What an admin's resend did: sent to `email`, or nothing because the address is not pending. */
export type ResendOutcome = { sent: true; email: string } | { sent: false; email: string; state: string };

// The admin's resend counts as an attempt on the address, under a stand-in for the IP: the
// newsroom's own address must not use up (or be limited by) the readers' signup allowance.
const ADMIN_RESEND_SOURCE = 'newsroom-resend';

/**
 * Sends a pending subscriber's confirmation again (from the admin, for a person whose mail never
 * came), with a fresh nonce, so the earlier link stops working. It is one more confirmation
 * request for the address, so the per-address hourly limit of signups applies here too (a
 * resend button must not become a way to flood an inbox) and SignupRateLimited is thrown past
 * it. Undefined when there is no such subscriber. The mail is awaited: the admin is told.
 */
export async function resendConfirmation(
  deps: NewsletterDeps,
  id: number,
): Promise<ResendOutcome | undefined> {
  const subscriber = await findSubscriber(deps.db, id);
  if (!subscriber) return undefined;
  if (subscriber.state !== 'pending')
    return { sent: false, email: subscriber.email, state: subscriber.state };
  const now = deps.now();
  const hashes = {
    addressHash: addressHash(deps.secret, subscriber.email),
    ipHash: ipHash(deps.secret, ADMIN_RESEND_SOURCE),
  };
  const since = new Date(now.getTime() - HOUR_MS).toISOString();
  const counts = await countSignupAttempts(deps.db, { ...hashes, since });
  if (counts.byAddress >= deps.config.NEWSLETTER_SIGNUPS_PER_ADDRESS_PER_HOUR) throw new SignupRateLimited();
  await insertSignupAttempt(deps.db, { ...hashes, now: now.toISOString() });
  const nonce = randomBytes(16).toString('base64url');
  const renewed = await renewPendingNonce(deps.db, { id, nonce, now: now.toISOString() });
  // Confirmed or unsubscribed between the read and now: nothing to resend.
  if (!renewed) return { sent: false, email: subscriber.email, state: 'changed' };
  await deps.mailer.send(confirmationMail(deps, renewed, nonce));
  return { sent: true, email: subscriber.email };
}

function confirmationMail(deps: NewsletterDeps, subscriber: SubscriberRow, nonce: string) {
  const expiresAt = Math.floor(deps.now().getTime() / 1000) + CONFIRM_VALID_DAYS * DAY_S;
  const token = signToken(deps.secret, { purpose: 'confirm', subscriberId: subscriber.id, expiresAt, nonce });
  // Stable for one confirmation request: the same nonce always gives the same Message-ID.
  const messageKey = createHash('sha256').update(`${subscriber.id}\n${nonce}`).digest('hex').slice(0, 24);
  const siteName = deps.siteName(subscriber.locale);
  return buildConfirmationEmail({
    locale: subscriber.locale,
    languageTag: deps.languageTag(subscriber.locale),
    siteName,
    from: fromHeader(deps, subscriber.locale),
    ...(deps.config.NEWSLETTER_REPLY_TO ? { replyTo: deps.config.NEWSLETTER_REPLY_TO } : {}),
    to: subscriber.email,
    confirmUrl: `${deps.config.siteUrl}${confirmPath(subscriber.locale, token)}`,
    ...manageLinks(deps, subscriber),
    validDays: CONFIRM_VALID_DAYS,
    messageId: `<confirm.${messageKey}@${deps.config.newsletterDomain}>`,
  });
}

/** Checks a confirmation link without using it (the GET page that shows the button). */
export async function checkConfirmation(deps: NewsletterDeps, token: string): Promise<void> {
  const claims = verifyToken(deps.secret, token, 'confirm', deps.now());
  const subscriber = await findSubscriber(deps.db, claims.subscriberId);
  if (!subscriber) throw new NewsletterLinkRefused('unknown-subscriber');
  if (subscriber.state !== 'pending' || subscriber.confirm_nonce !== claims.nonce) {
    throw new NewsletterLinkRefused('used');
  }
}

/**
 * Confirms with a signed, unexpired link whose nonce is still the subscriber's: the nonce is
 * consumed, so a replayed link (or one superseded by a newer signup) is refused as 'used'.
 */
export async function confirmSubscription(
  deps: NewsletterDeps,
  confirmation: { token: string; ip: string; userAgent: string },
): Promise<void> {
  const claims = verifyToken(deps.secret, confirmation.token, 'confirm', deps.now());
  if (!claims.nonce) throw new NewsletterLinkRefused('forged');
  const confirmed = await confirmSubscriber(deps.db, {
    id: claims.subscriberId,
    nonce: claims.nonce,
    ipHash: ipHash(deps.secret, confirmation.ip),
    userAgent: confirmation.userAgent.slice(0, 512),
    now: deps.now().toISOString(),
  });
  if (confirmed) return;
  const subscriber = await findSubscriber(deps.db, claims.subscriberId);
  throw new NewsletterLinkRefused(subscriber ? 'used' : 'unknown-subscriber');
}

/** Signup attempts older than the hour the limits look at; the hourly prune calls this. */
export function pruneSignupAttempts(db: NewsletterDeps['db'], now: Date): Promise<number> {
  return deleteSignupAttemptsBefore(db, new Date(now.getTime() - HOUR_MS).toISOString());
}
