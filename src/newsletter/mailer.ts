import { randomBytes } from 'node:crypto';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../platform/config.js';
import type { Logger } from '../platform/logger.js';
import { ensurePrivateDir, restrictFolder, writePrivateFile } from '../platform/private-files.js';
import { dkimSigning } from './dkim.js';

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

/** A message already written out in full (RFC 5322, CRLF), with the envelope to send it under. */
export interface RawMail {
  from: string;
  to: string;
  raw: string | Buffer;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** Sends a prepared message as it is (DKIM-signed like any other): the bulk sender's path. */
  sendRaw(mail: RawMail): Promise<void>;
  /** Where mail goes, for the start-up log: `smtp://host:port` or the outbox folder. */
  readonly destination: string;
  /** The DKIM signing domain (d=) and selector (s=), for the start-up log; null when unsigned. */
  readonly dkim: { domain: string; selector: string } | null;
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

function fromRaw(mail: RawMail) {
  return { envelope: { from: mail.from, to: [mail.to] }, raw: mail.raw };
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
 * With DKIM_DOMAIN and DKIM_PRIVATE_KEY set, every message is signed, outbox files too, so the
 * headers a developer inspects are the ones recipients get. A bad key throws ConfigError here.
 */
export function createMailer(config: Config, log: Logger): Mailer {
  const signing = dkimSigning(config);
  const dkim = signing ? { domain: signing.domain, selector: signing.selector } : null;
  const signOption = signing ? { dkim: signing.options } : {};
  if (config.SMTP_URL || config.SMTP_HOST) {
    const options = smtpOptions(config);
    const transport: Transporter = nodemailer.createTransport({ ...options, ...signOption });
    return {
      destination: `smtp://${options.host}:${options.port}`,
      dkim,
      async send(mail) {
        await transport.sendMail(toNodemailer(mail));
      },
      async sendRaw(mail) {
        await transport.sendMail(fromRaw(mail));
      },
      close: () => transport.close(),
    };
  }
  const outbox = path.join(config.dataDir, 'outbox');
  // The outbox holds readers' addresses and their personal links: the server's user only.
  restrictFolder(outbox);
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'windows',
    ...signOption,
  });
  const keep = (message: Buffer) => {
    ensurePrivateDir(outbox);
    const file = path.join(outbox, `${Date.now()}-${randomBytes(4).toString('hex')}.eml`);
    writePrivateFile(file, message);
    log.info({ file }, 'no SMTP configured: newsletter mail written to the outbox');
  };
  return {
    destination: outbox,
    dkim,
    async send(mail) {
      keep((await transport.sendMail(toNodemailer(mail))).message as Buffer);
    },
    async sendRaw(mail) {
      keep((await transport.sendMail(fromRaw(mail))).message as Buffer);
    },
    close: () => transport.close(),
  };
}

export type SendFailureKind = 'temporary' | 'permanent-address' | 'permanent-message';

interface SmtpErrorFields {
  message?: unknown;
  code?: unknown;
  command?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

const MAX_DETAIL_CHARS = 300;

// The reply text comes from a remote server and ends up in logs and the database: one line,
// no control characters, bounded.
function oneLine(text: string): string {
  const flat = text
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return flat.length > MAX_DETAIL_CHARS ? `${flat.slice(0, MAX_DETAIL_CHARS - 1)}…` : flat;
}

function describeFailure(fields: SmtpErrorFields, fallback: string): string {
  const command = typeof fields.command === 'string' && fields.command !== '' ? `${fields.command}: ` : '';
  const text =
    typeof fields.response === 'string' && fields.response !== ''
      ? fields.response
      : typeof fields.message === 'string' && fields.message !== ''
        ? fields.message
        : fallback;
  const code = typeof fields.code === 'string' && fields.code !== '' ? ` (${fields.code})` : '';
  return oneLine(`${command}${text}${code}`);
}

/** RFC 3463 enhanced status code after the reply code: "550 5.1.1 ..." gives [5, 1, 1]. */
function enhancedStatus(response: unknown): [number, number, number] | null {
  if (typeof response !== 'string') return null;
  const match = /^\d{3}[ -]([245])\.(\d{1,3})\.(\d{1,3})\b/.exec(response);
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function classifyPermanent(fields: SmtpErrorFields, responseCode: number): SendFailureKind {
  const command = typeof fields.command === 'string' ? fields.command.toUpperCase() : '';
  // A refused login or TLS handshake is our relay set-up, not this message or this address:
  // retrying after the operator fixes it must still deliver.
  if (fields.code === 'EAUTH' || fields.code === 'ETLS' || /^(AUTH|EHLO|HELO|STARTTLS|CONN)/.test(command)) {
    return 'temporary';
  }
  if (!command.startsWith('RCPT')) return 'permanent-message';
  const status = enhancedStatus(fields.response);
  // RFC 5321 §4.5.3.1.10: a 552 on RCPT means "too many recipients", to be treated as 452.
  // X.2.2 (mailbox full) may be transient (RFC 3463 §3.3); NEWSLETTER_MAX_ATTEMPTS bounds the retries.
  if (responseCode === 552 || (status?.[1] === 2 && status[2] === 2)) return 'temporary';
  // X.7.X is security or policy (RFC 3463 §3.8): a block of our sender or content, such as a
  // blocklisted IP, says nothing about the subscriber's mailbox.
  if (status?.[1] === 7) return 'permanent-message';
  return 'permanent-address';
}

/**
 * What a failed `Mailer.send` means for the delivery. 4xx replies, 503 (bad sequence: a session
 * problem, not a refusal), connection, DNS, TLS and login failures, and anything unrecognised
 * are temporary. A 5xx on RCPT TO refuses the address, unless its enhanced status is policy
 * (X.7.X) or a full mailbox; any other 5xx (MAIL FROM, DATA) refuses the message.
 */
export function classifySendError(error: unknown): { kind: SendFailureKind; detail: string } {
  if (typeof error !== 'object' || error === null) {
    return { kind: 'temporary', detail: oneLine(String(error)) || 'unknown error' };
  }
  const fields = error as SmtpErrorFields;
  const detail = describeFailure(fields, 'unknown error');
  const responseCode = typeof fields.responseCode === 'number' ? fields.responseCode : 0;
  if (responseCode >= 500 && responseCode < 600 && responseCode !== 503) {
    return { kind: classifyPermanent(fields, responseCode), detail };
  }
  return { kind: 'temporary', detail };
}
