import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { createMailer } from './mailer.js';

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
