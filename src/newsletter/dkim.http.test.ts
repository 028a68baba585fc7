import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// The package root also loads undici for BIMI, which needs Node 22; the verifier alone runs on 20.
import { dkimVerify } from 'mailauth/lib/dkim/verify.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmtpSink, startSmtpSink } from '../../test/support/smtp-sink.js';
import { ConfigError, loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { buildConfirmationEmail } from './confirmation-email.js';
import { createMailer } from './mailer.js';
import { compileIssueMessage } from './sending/mime-template.js';

const DOMAIN = 'example.test';
const SELECTOR = 'cv2026';
const UNSUBSCRIBE_URL = 'https://news.example.test/newsletter/unsubscribe?t=abc123';

function pemOf(key: KeyObject): string {
  return key.export({ type: 'pkcs8', format: 'pem' }).toString();
}

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsaPem = pemOf(rsa.privateKey);
const keyRecord = `v=DKIM1; k=rsa; p=${rsa.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')}`;

// Answers only the one name the signature points at, as DNS would; anything else is NXDOMAIN.
async function resolver(name: string, type: string): Promise<string[][]> {
  if (type === 'TXT' && name === `${SELECTOR}._domainkey.${DOMAIN}`) return [[keyRecord]];
  throw Object.assign(new Error(`no ${type} record for ${name}`), { code: 'ENOTFOUND' });
}

async function verify(raw: string) {
  // Strict: RFC 6376 as written, so a broken body hash is "fail" rather than mailauth's lenient "neutral".
  const { results } = await dkimVerify(Buffer.from(raw, 'utf8'), { resolver, strict: true });
  return results;
}

function confirmationMail(to: string) {
  return buildConfirmationEmail({
    locale: 'zh',
    languageTag: 'zh-Hans',
    siteName: '代码速度',
    from: 'newsletter@news.example.test',
    replyTo: 'editors@example.test',
    to,
    confirmUrl: 'https://news.example.test/newsletter/confirm?t=xyz',
    preferencesUrl: 'https://news.example.test/newsletter/preferences?t=xyz',
    unsubscribeUrl: UNSUBSCRIBE_URL,
    validDays: 7,
    messageId: '<confirm-1@news.example.test>',
  });
}

let sink: SmtpSink;
let tmp: string;

beforeAll(async () => {
  sink = await startSmtpSink();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-dkim-'));
});

afterAll(async () => {
  await sink.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function configWith(env: Record<string, string>) {
  return loadConfig({
    SITE_URL: 'https://news.example.test',
    NEWSLETTER_FROM: 'newsletter@news.example.test',
    DATA_DIR: tmp,
    ...env,
  });
}

function dkimEnv(privateKey: string) {
  return { DKIM_DOMAIN: DOMAIN, DKIM_SELECTOR: SELECTOR, DKIM_PRIVATE_KEY: privateKey };
}

/** Sends one confirmation mail through the real SMTP sink and returns the raw message received. */
async function sendThroughSink(env: Record<string, string>): Promise<string> {
  const mailer = createMailer(configWith({ SMTP_URL: sink.url, ...env }), createLogger('silent'));
  const before = sink.received.length;
  const to = `reader-${before}@example.org`;
  try {
    await mailer.send(confirmationMail(to));
  } finally {
    mailer.close();
  }
  const received = await sink.waitFor(before + 1);
  const mail = received.find((m) => m.recipients.includes(to));
  if (!mail) throw new Error(`the sink got nothing for ${to}`);
  return mail.raw;
}

describe('DKIM signing', () => {
  let raw: string;

  beforeAll(async () => {
    raw = await sendThroughSink(dkimEnv(rsaPem.replace(/\n/g, '\\n')));
  });

  it('signs a confirmation mail so that it verifies, for the configured d= and s=', async () => {
    const [result, ...others] = await verify(raw);
    expect(others).toHaveLength(0);
    expect(result?.status.result).toBe('pass');
    expect(result?.status.warnings ?? []).toEqual([]);
    expect(result?.signingDomain).toBe(DOMAIN);
    expect(result?.selector).toBe(SELECTOR);
    expect(result?.algo).toBe('rsa-sha256');
    expect(result?.modulusLength).toBe(2048);
  });

  it('covers the one-click unsubscribe headers, sender, subject, language and Message-ID', async () => {
    const [result] = await verify(raw);
    const signed = (result?.signingHeaders?.keys ?? '').toLowerCase().split(/:\s*/);
    for (const header of [
      'from',
      'to',
      'reply-to',
      'subject',
      'date',
      'message-id',
      'mime-version',
      'content-type',
      'content-language',
      'list-unsubscribe',
      'list-unsubscribe-post',
    ]) {
      expect(signed, header).toContain(header);
    }
  });

  it("signs a digest copy sent as a prepared message, the bulk sender's path, with the same coverage", async () => {
    const message = compileIssueMessage({
      fromName: '代码速度',
      fromAddress: 'newsletter@news.example.test',
      replyTo: 'editors@example.test',
      subject: '每日简报：英伟达承诺260亿美元',
      html: '<p>你好</p><a href="__VELOCITY_PREFERENCES_URL__">偏好</a> <a href="__VELOCITY_UNSUBSCRIBE_URL__">退订</a>',
      text: '你好\n__VELOCITY_PREFERENCES_URL__\n__VELOCITY_UNSUBSCRIBE_URL__\n',
      languageTag: 'zh-Hans',
      listId: 'daily.zh.newsletter.news.example.test',
    });
    const mailer = createMailer(
      configWith({ SMTP_URL: sink.url, ...dkimEnv(rsaPem.replace(/\n/g, '\\n')) }),
      createLogger('silent'),
    );
    const to = 'digest-reader@example.org';
    try {
      await mailer.sendRaw({
        from: 'newsletter@news.example.test',
        to,
        raw: message.render({
          to,
          messageId: '<7.42.abc@news.example.test>',
          date: new Date(),
          preferencesUrl: 'https://news.example.test/zh/newsletter/preferences/t1',
          unsubscribeUrl: UNSUBSCRIBE_URL,
        }),
      });
    } finally {
      mailer.close();
    }
    const received = (await sink.waitFor(sink.received.length)).find((m) => m.recipients.includes(to));
    const [result] = await verify(received?.raw ?? '');
    expect(result?.status.result).toBe('pass');
    const signed = (result?.signingHeaders?.keys ?? '').toLowerCase().split(/:\s*/);
    for (const header of [
      'from',
      'to',
      'subject',
      'message-id',
      'list-id',
      'list-unsubscribe',
      'list-unsubscribe-post',
    ])
      expect(signed, header).toContain(header);
    expect(received?.parsed.subject).toBe('每日简报：英伟达承诺260亿美元');
    const tampered = (received?.raw ?? '').replace(UNSUBSCRIBE_URL, 'https://evil.example/u');
    expect((await verify(tampered))[0]?.status.result).toBe('fail');
  });

  it('keeps the message itself intact: Chinese subject, body and headers as built', async () => {
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe(confirmationMail('x').subject);
    expect(parsed.subject).toMatch(/[\u4e00-\u9fff]/);
    expect(parsed.text).toContain('https://news.example.test/newsletter/confirm?t=xyz');
    expect(parsed.headerLines.find((h) => h.key === 'list-unsubscribe-post')?.line).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    expect(raw).toContain(`List-Unsubscribe: <${UNSUBSCRIBE_URL}>`);
  });

  it.each([
    ['the List-Unsubscribe URL', (m: string) => m.replace(UNSUBSCRIBE_URL, 'https://evil.example.net/u')],
    [
      'the subject',
      (m: string) =>
        m.replace(
          /^Subject: .*(\r\n[ \t].*)*/m,
          `Subject: =?UTF-8?B?${Buffer.from('中奖通知').toString('base64')}?=`,
        ),
    ],
    [
      'List-Unsubscribe-Post',
      (m: string) => m.replace('List-Unsubscribe=One-Click', 'List-Unsubscribe=Two-Click'),
    ],
    [
      'the body',
      (m: string) => m.replace('https://news.example.test/newsletter/confirm', 'https://evil.example.net/c'),
    ],
  ])('fails verification once %s is changed', async (_, tamper) => {
    const tampered = tamper(raw);
    expect(tampered).not.toBe(raw);
    const [result] = await verify(tampered);
    expect(result?.status.result).toBe('fail');
  });

  it('takes the key as PEM with real newlines and as a file path', async () => {
    const file = path.join(tmp, 'dkim.pem');
    fs.writeFileSync(file, rsaPem, { mode: 0o600 });
    for (const key of [rsaPem, file]) {
      const [result] = await verify(await sendThroughSink(dkimEnv(key)));
      expect(result?.status.result, key === file ? 'file path' : 'inline PEM').toBe('pass');
    }
  });

  it('signs outbox files too, so a developer sees the headers recipients get', async () => {
    const dataDir = fs.mkdtempSync(path.join(tmp, 'outbox-'));
    const mailer = createMailer(
      configWith({ DATA_DIR: dataDir, ...dkimEnv(rsaPem) }),
      createLogger('silent'),
    );
    await mailer.send(confirmationMail('reader@example.org'));
    mailer.close();
    const files = fs.readdirSync(mailer.destination);
    expect(files).toHaveLength(1);
    const eml = fs.readFileSync(path.join(mailer.destination, files[0] ?? ''), 'utf8');
    const [result] = await verify(eml);
    expect(result?.status.result).toBe('pass');
    expect(result?.signingHeaders?.keys.toLowerCase()).toContain('list-unsubscribe-post');
  });

  it('reports d= and s= for the start-up log, and null without DKIM', () => {
    const log = createLogger('silent');
    const signed = createMailer(configWith(dkimEnv(rsaPem)), log);
    const unsigned = createMailer(configWith({}), log);
    expect(signed.dkim).toEqual({ domain: DOMAIN, selector: SELECTOR });
    expect(unsigned.dkim).toBeNull();
    signed.close();
    unsigned.close();
  });

  it('sends no DKIM-Signature when DKIM is not configured', async () => {
    const unsigned = await sendThroughSink({});
    expect(unsigned).toContain('List-Unsubscribe: <');
    expect(unsigned).not.toMatch(/^DKIM-Signature:/im);
    expect((await verify(unsigned))[0]?.status.result).toBe('none');
  });
});

describe('a DKIM key that cannot sign stops mailer creation', () => {
  const weak = pemOf(generateKeyPairSync('rsa', { modulusLength: 768 }).privateKey);
  const encrypted = rsa.privateKey
    .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'secret' })
    .toString();
  // nodemailer 10 always signs rsa-sha256; given an Ed25519 key it sends the mail unsigned
  // without an error, so such a key must be refused rather than accepted and ignored.
  const ed25519 = pemOf(generateKeyPairSync('ed25519').privateKey);
  const secretBody = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7';

  it.each([
    [
      'PEM armour around garbage',
      `-----BEGIN PRIVATE KEY-----\\n${secretBody}\\n-----END PRIVATE KEY-----`,
      /not a PEM private key/,
    ],
    [
      'a public key',
      rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      /not a PEM private key/,
    ],
    [
      'a missing file',
      path.join(os.tmpdir(), 'no-such-dir', 'dkim.pem'),
      /neither PEM text nor a readable PEM file .*ENOENT/,
    ],
    [
      'key text without its BEGIN line',
      secretBody.repeat(4),
      /neither PEM text nor a readable PEM file \(the given path: ENOENT\)/,
    ],
    ['an encrypted key', encrypted, /the key is encrypted/],
    ['an Ed25519 key', ed25519, /Ed25519 keys are not supported/],
    ['a 768-bit RSA key', weak, /768 bits; verifiers refuse under 1024/],
  ])('refuses %s with a message naming DKIM_PRIVATE_KEY', (_, key, reason) => {
    let refusal: unknown;
    try {
      createMailer(configWith(dkimEnv(key)), createLogger('silent')).close();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ConfigError);
    const message = (refusal as Error).message;
    expect(message).toMatch(/DKIM_PRIVATE_KEY: /);
    expect(message).toMatch(reason);
    // The refusal goes to the console at start-up: it must not carry key material.
    expect(message).not.toMatch(/MII|BEGIN/);
  });

  it('refuses the bad key even with no SMTP configured (outbox mode)', () => {
    expect(() => createMailer(configWith(dkimEnv('not a key')), createLogger('silent'))).toThrow(
      /DKIM_PRIVATE_KEY/,
    );
  });
});
