import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';

/** One message, fully built: the mailer adds nothing but the envelope. */
export interface OutgoingMail {
  from: string;
  replyTo?: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** With angle brackets; stable for the same message, so a resend is recognisably the same. */
  messageId: string;
  headers: Record<string, string>;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** Where mail goes, for the start-up log: `smtp://host:port` or the outbox folder. */
  readonly destination: string;
  close(): void;
}

function smtpOptions(config: Config) {
  const pooling = {
    pool: true,
    maxConnections: config.SMTP_POOL_SIZE,
    ...(config.SMTP_RATE_PER_SECOND > 0 ? { rateDelta: 1000, rateLimit: config.SMTP_RATE_PER_SECOND } : {}),
  };
  if (config.SMTP_URL) {
    const url = new URL(config.SMTP_URL);
    const secure = url.protocol === 'smtps:';
    return {
      ...pooling,
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
    };
  }
  return {
    ...pooling,
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    ...(config.SMTP_USER ? { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } } : {}),
  };
}

function toNodemailer(mail: OutgoingMail) {
  const { 'List-Unsubscribe': listUnsubscribe, ...headers } = mail.headers;
  return {
    from: mail.from,
    ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    headers: {
      ...headers,
      // Prepared: nodemailer would otherwise encode or fold the URL list; RFC 2369 wants it as is.
      ...(listUnsubscribe ? { 'List-Unsubscribe': { prepared: true, value: listUnsubscribe } } : {}),
    },
  };
}

/**
 * Newsletter mail over SMTP (pooled, rate-limited as configured). With no SMTP configured, each
 * message is written to DATA_DIR/outbox/<time>-<random>.eml instead, so `npm start` works with
 * nothing else installed and a developer can open the confirmation mail in any mail client.
 */
export function createMailer(config: Config, log: Logger): Mailer {
  if (config.SMTP_URL || config.SMTP_HOST) {
    const options = smtpOptions(config);
    const transport: Transporter = nodemailer.createTransport(options);
    return {
      destination: `smtp://${options.host}:${options.port}`,
      async send(mail) {
        await transport.sendMail(toNodemailer(mail));
      },
      close: () => transport.close(),
    };
  }
  const outbox = path.join(config.dataDir, 'outbox');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return {
    destination: outbox,
    async send(mail) {
      const info = await transport.sendMail(toNodemailer(mail));
      fs.mkdirSync(outbox, { recursive: true });
      const file = path.join(outbox, `${Date.now()}-${randomBytes(4).toString('hex')}.eml`);
      fs.writeFileSync(file, info.message as Buffer);
      log.info({ file }, 'no SMTP configured: newsletter mail written to the outbox');
    },
    close: () => transport.close(),
  };
}
