import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { classifySendError, createMailer } from './mailer.js';

describe('mailer without SMTP', () => {
  it('writes each message to DATA_DIR/outbox as an .eml file', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-outbox-'));
    try {
      const mailer = createMailer(loadConfig({ DATA_DIR: dataDir }), createLogger('silent'));
      expect(mailer.destination).toBe(path.join(dataDir, 'outbox'));
      await mailer.send({
        from: 'newsletter@news.example.test',
        to: 'reader@example.org',
        subject: '请确认订阅',
        text: 'text part',
        html: '<p>html part</p>',
        messageId: '<m1@news.example.test>',
        headers: { 'List-Unsubscribe': '<https://news.example.test/u/1>', 'Content-Language': 'zh-Hans' },
      });
      mailer.close();
      const files = fs.readdirSync(mailer.destination);
      expect(files).toHaveLength(1);
      const parsed = await simpleParser(fs.readFileSync(path.join(mailer.destination, files[0] ?? '')));
      expect(parsed.subject).toBe('请确认订阅');
      expect(parsed.messageId).toBe('<m1@news.example.test>');
      expect(parsed.text?.trim()).toBe('text part');
      expect(parsed.html).toContain('html part');
      expect(parsed.headerLines.find((h) => h.key === 'list-unsubscribe')?.line).toBe(
        'List-Unsubscribe: <https://news.example.test/u/1>',
      );
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('classifySendError on real nodemailer errors', () => {
  // Each recipient's local part picks the refusal, so one server covers every case.
  const refusals: Record<string, { code: number; text: string }> = {
    busy: { code: 450, text: '4.2.1 Mailbox busy, try again later' },
    gone: { code: 550, text: '5.1.1 The email account that you tried to reach does not exist' },
    blocked: { code: 550, text: '5.7.1 Service unavailable; client host blocked by a DNS blocklist' },
    full: { code: 552, text: '5.2.2 Mailbox full' },
  };
  let server: SMTPServer;
  let url: string;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, callback) {
        const refusal = refusals[address.address.split('@')[0] ?? ''];
        if (!refusal) return callback();
        callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
      },
      onData(stream, session, callback) {
        stream.resume();
        stream.on('end', () => {
          if (!session.envelope.rcptTo.some((r) => r.address.startsWith('spam@'))) return callback();
          callback(Object.assign(new Error('5.7.1 Message rejected as spam'), { responseCode: 554 }));
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  async function failureOf(smtpUrl: string, to: string): Promise<unknown> {
    const mailer = createMailer(loadConfig({ SMTP_URL: smtpUrl }), createLogger('silent'));
    try {
      await mailer.send({
        from: 'newsletter@news.example.test',
        to,
        subject: '本周摘要',
        text: 'text',
        html: '<p>html</p>',
        messageId: '<c1@news.example.test>',
        headers: {},
      });
      return undefined;
    } catch (error) {
      return error;
    } finally {
      mailer.close();
    }
  }

  it.each([
    ['450 on RCPT TO', 'busy@example.org', 'temporary', 'RCPT TO: 450 4.2.1 Mailbox busy'],
    ['550 5.1.1 on RCPT TO', 'gone@example.org', 'permanent-address', 'RCPT TO: 550 5.1.1 The email account'],
    ['550 5.7.1 (policy) on RCPT TO', 'blocked@example.org', 'permanent-message', 'RCPT TO: 550 5.7.1'],
    ['552 5.2.2 (mailbox full) on RCPT TO', 'full@example.org', 'temporary', 'RCPT TO: 552 5.2.2'],
    ['554 on DATA', 'spam@example.org', 'permanent-message', 'DATA: 554 5.7.1 Message rejected as spam'],
  ])('%s', async (_, to, kind, detail) => {
    const failure = classifySendError(await failureOf(url, to));
    expect(failure.kind).toBe(kind);
    expect(failure.detail.startsWith(detail)).toBe(true);
  });

  it('accepts a recipient the server takes, so the refusals above are the server speaking', async () => {
    expect(await failureOf(url, 'reader@example.org')).toBeUndefined();
  });

  it('calls a refused connection temporary', async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const failure = classifySendError(await failureOf(`smtp://127.0.0.1:${port}`, 'reader@example.org'));
    expect(failure.kind).toBe('temporary');
    expect(failure.detail).toMatch(/ECONNREFUSED/);
  });
});

describe('classifySendError rules', () => {
  it.each([
    ['421 on connect', { code: 'EPROTOCOL', command: 'CONN', responseCode: 421 }, 'temporary'],
    ['451 on DATA', { code: 'EMESSAGE', command: 'DATA', responseCode: 451 }, 'temporary'],
    ['503 bad sequence', { code: 'EENVELOPE', command: 'RCPT TO', responseCode: 503 }, 'temporary'],
    ['535 bad SMTP login', { code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535 }, 'temporary'],
    ['5xx to EHLO', { code: 'EPROTOCOL', command: 'EHLO', responseCode: 554 }, 'temporary'],
    ['553 on MAIL FROM', { code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 553 }, 'permanent-message'],
    ['550 on RCPT TO without enhanced code', { command: 'RCPT TO', responseCode: 550 }, 'permanent-address'],
    [
      '551 5.1.6 user moved',
      { command: 'RCPT TO', responseCode: 551, response: '551 5.1.6 moved' },
      'permanent-address',
    ],
    ['552 on RCPT TO (too many recipients)', { command: 'RCPT TO', responseCode: 552 }, 'temporary'],
    ['a timeout', { code: 'ETIMEDOUT', command: 'CONN' }, 'temporary'],
    ['a DNS failure', { code: 'EDNS', command: 'CONN' }, 'temporary'],
    ['a reset socket', Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'temporary'],
    ['an unknown error', new Error('something odd'), 'temporary'],
    ['a thrown string', 'boom', 'temporary'],
    ['undefined', undefined, 'temporary'],
  ])('%s', (_, error, kind) => {
    const failure = classifySendError(error);
    expect(failure.kind).toBe(kind);
    expect(failure.detail).not.toBe('');
  });

  it('bounds the detail and strips control characters from a hostile reply', () => {
    const response = `550 5.1.1 ${'x'.repeat(2000)}\r\nInjected: header\u0000\u001b[31m`;
    const { detail } = classifySendError({ command: 'RCPT TO', responseCode: 550, response });
    expect(detail.length).toBeLessThanOrEqual(300);
    expect(detail).toMatch(/^RCPT TO: 550 5\.1\.1 x+…$/);
    expect(detail).not.toMatch(/\p{Cc}/u);
  });
});
