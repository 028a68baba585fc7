// Composing and sending digests: runs and issues planned per list, deliveries claimed and sent.

import type { NewsletterDeps } from '../deps.js';
import { composeDigest } from '../digest/index.js';
import type { ComposeIssue } from './plan.js';

export {
  countDeliveries,
  type DeliveryCounts,
  EMPTY_COUNTS,
} from './deliveries.js';
export { findIssueById, type IssueRow, listIssues } from './issues.js';
export { deliveryCopy, issueMessage } from './message.js';
export { type ComposeIssue, planRun } from './plan.js';
export { latestDueSlot, planDepsOf, planDueRuns, startNewsletterScheduler } from './schedule.js';
export { type SendTally, sendPending } from './sender.js';

/** The newsletter's deps with the digest composer every planner uses. */
export type SendingDeps = NewsletterDeps & { compose: ComposeIssue };

export function withDigestComposer(deps: NewsletterDeps): SendingDeps {
  const digestDeps = {
    db: deps.db,
    siteUrl: deps.config.siteUrl,
    mediaPublicBaseUrl: deps.config.MEDIA_PUBLIC_BASE_URL,
    siteName: deps.siteName,
    languageTag: deps.languageTag,
  };
  return { ...deps, compose: (request) => composeDigest(digestDeps, request) };
}
