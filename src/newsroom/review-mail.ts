import { randomBytes } from 'node:crypto';
import type { ReviewNotice } from '../editorial/index.js';
import type { OutgoingMail } from '../newsletter/index.js';
import { createTranslator } from '../platform/i18n.js';
import type { NewsroomDeps } from './deps.js';

// Review notices by email: one message per recipient, in the language they chose for the admin
// (users.ui_locale), sent after the step committed. A mail that fails is logged; the notice in the
// admin is already stored, so nobody misses the step.

const ADMIN_LOCALES = new Set(['zh', 'en']);

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch,
  );
}

function reviewMails(deps: Pick<NewsroomDeps, 'config'>, notice: ReviewNotice): OutgoingMail[] {
  const link = new URL(`/admin/stories/${notice.storyId}/${notice.locale}`, deps.config.siteUrl).href;
  const from = deps.config.newsletterFrom;
  return notice.recipients.map((recipient) => {
    const locale = ADMIN_LOCALES.has(recipient.uiLocale) ? recipient.uiLocale : 'en';
    const t = createTranslator(locale);
    const values = { title: notice.title, name: notice.actorName, locale: notice.locale };
    const subject = t(`reviewMail.${notice.kind}.subject`, values);
    const lead = t(`reviewMail.${notice.kind}.body`, values);
    const noteLine = notice.note ? `${t('reviewMail.note')}\n${notice.note}\n\n` : '';
    const open = t('reviewMail.open');
    return {
      from,
      to: recipient.email,
      subject,
      text: `${lead}\n\n${noteLine}${open}: ${link}\n`,
      html: [
        `<p>${escapeHtml(lead)}</p>`,
        notice.note
          ? `<p>${escapeHtml(t('reviewMail.note'))}</p><blockquote style="white-space:pre-wrap">${escapeHtml(notice.note)}</blockquote>`
          : '',
        `<p><a href="${escapeHtml(link)}">${escapeHtml(open)}</a></p>`,
      ].join(''),
      messageId: `<review.${randomBytes(12).toString('hex')}@${deps.config.newsletterDomain}>`,
      headers: { 'Content-Language': locale },
    };
  });
}

/** Sends a step's mails one by one; returns once all were tried. Never throws. */
export async function sendReviewMails(
  deps: Pick<NewsroomDeps, 'config' | 'mailer' | 'log'>,
  notice: ReviewNotice,
): Promise<void> {
  for (const mail of reviewMails(deps, notice)) {
    try {
      await deps.mailer.send(mail);
    } catch (error) {
      deps.log.error(
        { err: error, kind: notice.kind, storyId: notice.storyId },
        'could not send a review notice',
      );
    }
  }
}
