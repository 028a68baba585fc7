import type { Kysely } from 'kysely';
import type { Config } from '../platform/config.js';
import type { Database, SubscriberState } from '../platform/database/index.js';
import type { Surface } from '../platform/http/app.js';
import type { Logger } from '../platform/logger.js';
import { importSubscribersCsv } from './admin-import.js';
import {
  anyIssueSending,
  countIssues,
  issueIdsOfDeliveries,
  listTroubledDeliveries,
} from './admin-issues.js';
import {
  eachSubscriber,
  listActiveLocales,
  listSubscribersForAdmin,
  subscriberCounts,
} from './admin-queries.js';
import { eraseForAdmin, unsubscribeForAdmin } from './admin-subscriber-actions.js';
import type { NewsletterDeps } from './deps.js';
import { countNewsletterEvents, createNewsletterWebhooks, listNewsletterEvents } from './events/index.js';
import type { Mailer } from './mailer.js';
import {
  checkUnsubscribeLink,
  deleteSubscriberData,
  exportSubscriberData,
  loadPreferences,
  savePreferences,
  unsubscribe,
} from './manage.js';
import { listNextSends, type NextSend } from './next-send.js';
import { findSubscriber } from './queries.js';
import {
  countDeliveries,
  findIssueById,
  listIssues,
  planDepsOf,
  planDueRuns,
  planRun,
  type SendingDeps,
  sendPending,
  startNewsletterScheduler,
  withDigestComposer,
} from './sending/index.js';
import {
  checkConfirmation,
  confirmSubscription,
  manageLinks,
  requestSubscription,
  resendConfirmation,
} from './subscribe.js';
import { buildTestMail, type ComposedDigest, type DigestChoice, previewPeriod } from './test-send.js';

// Drops the first parameter (the deps every newsletter function takes): what the entry point
// binds once, so its callers never build or hold the deps themselves.
type Bound<F> = F extends (deps: never, ...args: infer A) => infer R ? (...args: A) => R : never;

/**
 * The newsletter as the rest of the platform sees it: the readers' signup and subscription pages
 * (site), the admin's lists, imports, previews and test sends (newsroom), the background sending
 * and the provider webhooks (cli). Built once by `createNewsletter` over the platform's database
 * and mailer; nothing outside `newsletter` queries its tables.
 */
export interface Newsletter {
  /** Readers: double opt-in signup, confirmation, and the pages behind signed links. */
  requestSubscription: Bound<typeof requestSubscription>;
  checkConfirmation: Bound<typeof checkConfirmation>;
  confirmSubscription: Bound<typeof confirmSubscription>;
  manageLinks: Bound<typeof manageLinks>;
  loadPreferences: Bound<typeof loadPreferences>;
  savePreferences: Bound<typeof savePreferences>;
  unsubscribe: Bound<typeof unsubscribe>;
  checkUnsubscribeLink: Bound<typeof checkUnsubscribeLink>;
  exportSubscriberData: Bound<typeof exportSubscriberData>;
  deleteSubscriberData: Bound<typeof deleteSubscriberData>;
  /** The admin: issues, deliveries, events and subscribers, and sending a list now. */
  admin: {
    listIssues: Bound<typeof listIssues>;
    countIssues: () => Promise<number>;
    findIssue: Bound<typeof findIssueById>;
    countDeliveries: Bound<typeof countDeliveries>;
    anyIssueSending: () => Promise<boolean>;
    listTroubledDeliveries: Bound<typeof listTroubledDeliveries>;
    issueIdsOfDeliveries: Bound<typeof issueIdsOfDeliveries>;
    listEvents: Bound<typeof listNewsletterEvents>;
    countEvents: Bound<typeof countNewsletterEvents>;
    listSubscribers: Bound<typeof listSubscribersForAdmin>;
    eachSubscriber: Bound<typeof eachSubscriber>;
    subscriberCounts: () => ReturnType<typeof subscriberCounts>;
    listActiveLocales: () => Promise<string[]>;
    /** Each list's next scheduled digest and its active subscribers (the newsroom's home page). */
    listNextSends: () => Promise<NextSend[]>;
    importSubscribersCsv: Bound<typeof importSubscribersCsv>;
    /** One subscriber by id, for the admin's confirmation pages. */
    findSubscriber: (
      id: number,
    ) => Promise<{ id: number; email: string; state: SubscriberState } | undefined>;
    /** Unsubscribes one subscriber now; undefined when there is none with that id. */
    unsubscribeSubscriber: (id: number) => ReturnType<typeof unsubscribeForAdmin>;
    /** Sends a pending subscriber's confirmation again, within the hourly limit per address. */
    resendConfirmation: Bound<typeof resendConfirmation>;
    /** Erases one subscriber and everything held about them; undefined when there is none. */
    eraseSubscriber: (id: number) => ReturnType<typeof eraseForAdmin>;
    /** Plans a run (a list's issue) now or at its slot; the sender delivers it. */
    planRun: (request: Parameters<typeof planRun>[1]) => ReturnType<typeof planRun>;
    /** The digest a list would get for the `days` before now (null when nothing is in it). */
    previewDigest: (
      choice: DigestChoice,
    ) => Promise<{ period: { since: string; until: string }; digest: ComposedDigest | null }>;
    /** Sends a previewed digest once to one address, marked as a test; no delivery is recorded. */
    sendTestDigest: (
      digest: ComposedDigest,
      options: { locale: string; to: string; signupUrl: string },
    ) => Promise<void>;
  };
  /** Background: planning due runs and sending pending deliveries. */
  planDueRuns: () => ReturnType<typeof planDueRuns>;
  sendPending: Bound<typeof sendPending>;
  startScheduler: Bound<typeof startNewsletterScheduler>;
  /** The bounce and complaint webhooks of the mail providers. */
  webhooks: Surface;
  /** The services' own deps with the digest composer, for the `velocity newsletter` command. */
  sending: SendingDeps;
}

/** Builds the newsletter over the platform's database and mailer, with the site's names. */
export function createNewsletter(options: {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  secret: string;
  mailer: Mailer;
  now: () => Date;
  /** The site's name in a locale, for the mail's subject and body. */
  siteName: (locale: string) => string;
  /** BCP 47 tag of a locale for Content-Language (`zh` → `zh-Hans`). */
  languageTag: (locale: string) => string;
}): Newsletter {
  const deps: NewsletterDeps = options;
  const sending = withDigestComposer(deps);
  const { db } = deps;
  return {
    requestSubscription: (request) => requestSubscription(deps, request),
    checkConfirmation: (token) => checkConfirmation(deps, token),
    confirmSubscription: (confirmation) => confirmSubscription(deps, confirmation),
    manageLinks: (subscriber) => manageLinks(deps, subscriber),
    loadPreferences: (token) => loadPreferences(deps, token),
    savePreferences: (token, changes) => savePreferences(deps, token, changes),
    unsubscribe: (token, purpose) => unsubscribe(deps, token, purpose),
    checkUnsubscribeLink: (token) => checkUnsubscribeLink(deps, token),
    exportSubscriberData: (token) => exportSubscriberData(deps, token),
    deleteSubscriberData: (token) => deleteSubscriberData(deps, token),
    admin: {
      listIssues: (page) => listIssues(db, page),
      countIssues: () => countIssues(db),
      findIssue: (id) => findIssueById(db, id),
      countDeliveries: (issueIds) => countDeliveries(db, issueIds),
      anyIssueSending: () => anyIssueSending(db),
      listTroubledDeliveries: (issueId, page) => listTroubledDeliveries(db, issueId, page),
      issueIdsOfDeliveries: (deliveryIds) => issueIdsOfDeliveries(db, deliveryIds),
      listEvents: (filter) => listNewsletterEvents(db, filter),
      listNextSends: () => listNextSends(deps),
      countEvents: (filter) => countNewsletterEvents(db, filter),
      listSubscribers: (filter, page) => listSubscribersForAdmin(db, filter, page),
      eachSubscriber: (filter, batch) => eachSubscriber(db, filter, batch),
      subscriberCounts: () => subscriberCounts(db),
      listActiveLocales: () => listActiveLocales(db),
      importSubscribersCsv: (text, importOptions) => importSubscribersCsv(db, text, importOptions),
      findSubscriber: (id) => findSubscriber(db, id),
      unsubscribeSubscriber: (id) => unsubscribeForAdmin(db, id, deps.now().toISOString()),
      resendConfirmation: (id) => resendConfirmation(deps, id),
      eraseSubscriber: (id) => eraseForAdmin(db, deps.secret, id),
      planRun: (request) => planRun(planDepsOf(sending), request),
      previewDigest: async (choice) => {
        const period = previewPeriod(deps.now(), choice.days);
        const { locale, frequency, topics } = choice;
        const digest = await sending.compose({ locale, frequency, topics, ...period });
        return { period, digest };
      },
      sendTestDigest: (digest, testOptions) => deps.mailer.send(buildTestMail(deps, digest, testOptions)),
    },
    planDueRuns: () => planDueRuns(sending),
    sendPending: (sendOptions) => sendPending(deps, sendOptions),
    startScheduler: (schedulerOptions) => startNewsletterScheduler(sending, schedulerOptions),
    webhooks: createNewsletterWebhooks(deps),
    sending,
  };
}
