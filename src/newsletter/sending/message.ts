import type { NewsletterDeps } from '../deps.js';
import { fillDigestLinks } from '../digest/index.js';
import type { OutgoingMail } from '../mailer.js';
import { manageLinks } from '../subscribe.js';
import type { IssueRow } from './issues.js';

export interface Recipient {
  id: number;
  email: string;
  locale: string;
}

/** `"Site name" <newsletter@host>`, with what could break out of the quoted name removed. */
export function fromHeader(deps: Pick<NewsletterDeps, 'config' | 'siteName'>, locale: string): string {
  const name = deps.siteName(locale).replace(/["\\\r\n]/g, '');
  return name ? `"${name}" <${deps.config.newsletterFrom}>` : deps.config.newsletterFrom;
}

/**
 * One subscriber's copy of an issue: the issue's HTML and text with their own signed links, and
 * the headers the 2024 Gmail and Yahoo bulk-sender rules ask for (one-click List-Unsubscribe,
 * RFC 8058), a List-Id naming the list, and the delivery's stable Message-ID.
 */
export function buildDeliveryMail(
  deps: NewsletterDeps,
  issue: Pick<IssueRow, 'subject' | 'html' | 'text' | 'locale' | 'frequency'>,
  recipient: Recipient,
  messageId: string,
): OutgoingMail {
  const links = manageLinks(deps, recipient);
  const body = fillDigestLinks(issue, links);
  const host = new URL(deps.config.siteUrl).hostname;
  return {
    from: fromHeader(deps, issue.locale),
    ...(deps.config.NEWSLETTER_REPLY_TO ? { replyTo: deps.config.NEWSLETTER_REPLY_TO } : {}),
    to: recipient.email,
    subject: issue.subject,
    html: body.html,
    text: body.text,
    messageId,
    headers: {
      'Content-Language': deps.languageTag(issue.locale),
      'List-Id': `<${issue.frequency}.${issue.locale}.newsletter.${host}>`,
      'List-Unsubscribe': `<${links.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
