import { createTranslator } from '../platform/i18n.js';
import { escapeHtml } from './escape-html.js';
import type { OutgoingMail } from './mailer.js';

export interface ConfirmationEmailInput {
  locale: string;
  /** BCP 47 tag for Content-Language and `<html lang>` (`zh-Hans`, `en`). */
  languageTag: string;
  siteName: string;
  from: string;
  replyTo?: string;
  to: string;
  confirmUrl: string;
  preferencesUrl: string;
  unsubscribeUrl: string;
  /** Days the confirmation link stays valid. */
  validDays: number;
  messageId: string;
}

/**
 * The double opt-in email, in the subscriber's language, with an HTML and a plain-text part
 * saying the same. It carries List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) like every
 * newsletter mail, so even a pending subscriber can say "stop" from the mail client.
 */
export function buildConfirmationEmail(input: ConfirmationEmailInput): OutgoingMail {
  const t = createTranslator(input.locale);
  const site = input.siteName;
  const subject = t('newsletterMail.confirm.subject', { site });
  const lines = {
    heading: t('newsletterMail.confirm.heading'),
    intro: t('newsletterMail.confirm.intro', { site }),
    button: t('newsletterMail.confirm.button'),
    expiry: t('newsletterMail.confirm.expiry', { days: input.validDays }),
    ignore: t('newsletterMail.confirm.ignore'),
    preferences: t('newsletterMail.preferences'),
    unsubscribe: t('newsletterMail.unsubscribe'),
  };
  const text = [
    lines.heading,
    '',
    lines.intro,
    '',
    `${lines.button}:`,
    input.confirmUrl,
    '',
    lines.expiry,
    lines.ignore,
    '',
    '--',
    `${lines.preferences}: ${input.preferencesUrl}`,
    `${lines.unsubscribe}: ${input.unsubscribeUrl}`,
    '',
  ].join('\n');
  const e = escapeHtml;
  // Inline styles and a table layout: mail clients drop <style> blocks and ignore most CSS.
  const html = `<!doctype html>
<html lang="${e(input.languageTag)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(subject)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f2;color:#1a1a1a;font-family:system-ui,-apple-system,'Segoe UI',Roboto,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f4f4f2;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:8px;"><tr><td style="padding:28px 24px;font-size:17px;line-height:1.6;">
<p style="margin:0 0 8px;font-weight:700;">${e(site)}</p>
<h1 style="margin:0 0 16px;font-size:24px;line-height:1.3;">${e(lines.heading)}</h1>
<p style="margin:0 0 24px;">${e(lines.intro)}</p>
<p style="margin:0 0 24px;"><a href="${e(input.confirmUrl)}" style="display:inline-block;padding:12px 20px;background:#0b57d0;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:700;">${e(lines.button)}</a></p>
<p style="margin:0 0 8px;font-size:15px;color:#444444;">${e(lines.expiry)}</p>
<p style="margin:0;font-size:15px;color:#444444;">${e(lines.ignore)}</p>
</td></tr></table>
<p style="margin:16px 0 0;font-size:13px;color:#555555;"><a href="${e(input.preferencesUrl)}" style="color:#555555;">${e(lines.preferences)}</a> · <a href="${e(input.unsubscribeUrl)}" style="color:#555555;">${e(lines.unsubscribe)}</a></p>
</td></tr></table>
</body>
</html>
`;
  return {
    from: input.from,
    ...(input.replyTo ? { replyTo: input.replyTo } : {}),
    to: input.to,
    subject,
    text,
    html,
    messageId: input.messageId,
    headers: {
      'Content-Language': input.languageTag,
      'List-Unsubscribe': `<${input.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
