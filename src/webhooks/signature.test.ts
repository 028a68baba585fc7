import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from './signature.js';

const secret = 'whsec_test';
const body = '{"event":"story.published","storyId":1}';
const timestamp = 1_795_856_400;
const now = new Date(timestamp * 1000);

describe('signatureHeader', () => {
  it('is the hex HMAC-SHA256 of "<timestamp>.<body>"', () => {
    const hex = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    expect(signatureHeader(secret, timestamp, body)).toBe(`sha256=${hex}`);
  });
});

describe('verifySignature', () => {
  const good = signatureHeader(secret, timestamp, body);
  it.each([
    ['the signature that was sent', { signature: good }, true],
    ['another body', { body: `${body} ` }, false],
    ['another secret', { secret: 'whsec_other' }, false],
    ['a timestamp that was not signed', { timestamp: String(timestamp + 1) }, false],
    ['a delivery six minutes old', { now: new Date((timestamp + 360) * 1000) }, false],
    ['a delivery four minutes old', { now: new Date((timestamp + 240) * 1000) }, true],
    ['no signature', { signature: undefined }, false],
    ['no timestamp', { timestamp: undefined }, false],
    ['a truncated signature', { signature: good.slice(0, 20) }, false],
  ])('%s → %s', (_, override, expected) => {
    expect(
      verifySignature({ secret, timestamp: String(timestamp), body, signature: good, now, ...override }),
    ).toBe(expected);
  });
});
