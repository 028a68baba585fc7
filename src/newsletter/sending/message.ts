import type { NewsletterDeps } from '../deps.js';
import type { RawMail } from '../mailer.js';
import { manageLinks } from '../subscribe.js';
import type { IssueRow } from './issues.js';
import { compileIssueMessage } from './mime-template.js';

export interface Recipient {
  id: number;
  email: string;
  locale: string;
}

export type IssueMessage = ReturnType<typeof compileIssueMessage>;

/**
 * An issue compiled once for all its copies, with the headers the 2024 Gmail and Yahoo
 * bulk-sender rules ask for (one-click List-Unsubscribe, RFC 8058), a List-Id naming the list,
 * and Content-Language.
 */
export function issueMessage(
  deps: NewsletterDeps,
  issue: Pick<IssueRow, 'subject' | 'html' | 'text' | 'locale' | 'frequency'>,
): IssueMessage {
  const host = new URL(deps.config.siteUrl).hostname;
  return compileIssueMessage({
    fromName: deps.siteName(issue.locale),
    fromAddress: deps.config.newsletterFrom,
    replyTo: deps.config.NEWSLETTER_REPLY_TO,
    subject: issue.subject,
    html: issue.html,
    text: issue.text,
    languageTag: deps.languageTag(issue.locale),
    listId: `${issue.frequency}.${issue.locale}.newsletter.${host}`,
  });
}

/** One subscriber's copy: their own signed links, their address and the delivery's Message-ID. */
export function deliveryCopy(
  deps: NewsletterDeps,
  message: IssueMessage,
  recipient: Recipient,
  messageId: string,
): RawMail {
  const links = manageLinks(deps, recipient);
  return {
    from: deps.config.newsletterFrom,
    to: recipient.email,
    raw: message.render({ to: recipient.email, messageId, date: deps.now(), ...links }),
  };
}
