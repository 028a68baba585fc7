import { z } from 'zod';

export const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const timeZone = z.string().refine(isTimeZone, 'must be an IANA time zone such as Asia/Shanghai');

/** `zh=Asia/Shanghai,en=America/New_York`: the time zone each locale's digests are scheduled in. */
const localeTimeZones = z.string().transform((value, ctx) => {
  const zones: Record<string, string> = {};
  for (const pair of value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [locale, zone] = pair.split('=').map((part) => part.trim());
    if (!locale || !zone || !isTimeZone(zone)) {
      ctx.addIssue({ code: 'custom', message: `"${pair}" is not locale=IANA time zone` });
      return z.NEVER;
    }
    zones[locale] = zone;
  }
  return zones;
});

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** A PEM private key given inline (with \\n for newlines, as env files need) or as a file path. */
const pemOrPath = z.string().min(1);

/** The newsletter's settings: SMTP, sender identity, signup limits, sending, scheduling, bounces. */
export const newsletterSettings = {
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional()
    .describe(
      'smtp://user:password@host:port (or smtps:// for TLS from the start) for newsletter mail; takes precedence over SMTP_HOST. With neither set, messages are written to DATA_DIR/outbox/*.eml instead of sent.',
    ),
  SMTP_HOST: z.string().min(1).optional().describe('SMTP server host for newsletter mail.'),
  SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(587).describe('SMTP server port.'),
  SMTP_SECURE: booleanFromEnv
    .default(false)
    .describe('Use TLS from the start (port 465); otherwise STARTTLS is used when the server offers it.'),
  SMTP_USER: z.string().min(1).optional().describe('SMTP user name.'),
  SMTP_PASSWORD: z.string().min(1).optional().describe('SMTP password.'),
  SMTP_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(5)
    .describe('SMTP connections kept open at once for newsletter mail.'),
  SMTP_RATE_PER_SECOND: z.coerce
    .number()
    .int()
    .min(0)
    .default(0)
    .describe('Most messages handed to the SMTP server per second (0: no limit).'),
  NEWSLETTER_FROM: z
    .email()
    .optional()
    .describe(
      "From address of newsletter mail; its domain must be the site's (SITE_URL host) or a parent of it. Defaults to newsletter@ the site host.",
    ),
  NEWSLETTER_REPLY_TO: z
    .email()
    .optional()
    .describe('Reply-To address of newsletter mail (none when unset).'),
  NEWSLETTER_SIGNUPS_PER_IP_PER_HOUR: z.coerce
    .number()
    .int()
    .min(1)
    .default(10)
    .describe('Newsletter signups one IP address may make per hour.'),
  NEWSLETTER_SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce
    .number()
    .int()
    .min(1)
    .default(3)
    .describe('Confirmation requests one email address may receive per hour.'),
  NEWSLETTER_SEND: booleanFromEnv
    .default(true)
    .describe('Compose and send due digests from `serve` (and from `velocity worker`).'),
  NEWSLETTER_SEND_HOUR: z.coerce
    .number()
    .int()
    .min(0)
    .max(23)
    .default(8)
    .describe("Hour of the day (0–23, in the locale's time zone) at which digests go out."),
  NEWSLETTER_WEEKLY_DAY: z
    .enum(WEEKDAYS)
    .default('monday')
    .describe('Day of the week on which weekly digests go out.'),
  NEWSLETTER_TIME_ZONE: timeZone
    .default('UTC')
    .describe('IANA time zone of the send hour for locales NEWSLETTER_TIME_ZONES does not name.'),
  NEWSLETTER_TIME_ZONES: localeTimeZones
    .default({})
    .describe('Time zone per locale, such as zh=Asia/Shanghai,en=America/New_York.'),
  NEWSLETTER_BATCH_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(5000)
    .default(200)
    .describe('Deliveries a sender claims at once.'),
  NEWSLETTER_CLAIM_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(300)
    .describe(
      "How long a claimed batch stays with its sender; after that a crashed sender's batch is taken over.",
    ),
  NEWSLETTER_MAX_ATTEMPTS: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(8)
    .describe('Attempts for a delivery that fails temporarily before it is given up as failed.'),
  NEWSLETTER_RETRY_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(60)
    .describe(
      'Wait before the first retry of a temporary failure; each later retry waits four times longer.',
    ),
  NEWSLETTER_DOMAIN_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(0)
    .default(1200)
    .describe('Most messages per minute to one recipient domain, such as gmail.com (0: no limit).'),
  NEWSLETTER_SOFT_BOUNCE_LIMIT: z.coerce
    .number()
    .int()
    .min(1)
    .default(3)
    .describe('Soft bounces in a row after which an address is suppressed.'),
  NEWSLETTER_WEBHOOK_SECRET: z
    .string()
    .min(16)
    .optional()
    .describe(
      'Shared secret of the bounce and complaint webhook in our own JSON shape (HMAC-SHA256 of the body); the endpoint is off when unset.',
    ),
  MAILGUN_WEBHOOK_SIGNING_KEY: z
    .string()
    .min(1)
    .optional()
    .describe("Mailgun's webhook signing key; turns on /webhooks/newsletter/mailgun."),
  SENDGRID_WEBHOOK_PUBLIC_KEY: z
    .string()
    .min(1)
    .optional()
    .describe(
      "SendGrid's signed event webhook verification key (base64 DER or PEM); turns on /webhooks/newsletter/sendgrid.",
    ),
  POSTMARK_WEBHOOK_PASSWORD: z
    .string()
    .min(12)
    .optional()
    .describe(
      'Basic-auth password set on the Postmark webhook (user "postmark"); turns on /webhooks/newsletter/postmark.',
    ),
  DKIM_DOMAIN: z
    .string()
    .min(1)
    .optional()
    .describe(
      "Domain newsletter mail is DKIM-signed for (d=); must be the From address's domain or a parent.",
    ),
  DKIM_SELECTOR: z
    .string()
    .min(1)
    .default('velocity')
    .describe('DKIM selector (s=) under which the public key is published.'),
  DKIM_PRIVATE_KEY: pemOrPath
    .optional()
    .describe(
      'DKIM private key: PEM text (\\n for newlines) or the path of a PEM file. Mail is signed when this and DKIM_DOMAIN are set.',
    ),
};
