import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  isLegacySecret,
  newWebhookSecret,
  signatureHeaders,
  signingKey,
  verifySignature,
} from './signature.js';

const body = '{"event":"story.published","storyId":1}';
const timestamp = 1_795_856_400;
const now = new Date(timestamp * 1000);

afterEach(() => {
  vi.useRealTimers();
});

describe('secrets', () => {
  it('are whsec_ and the base64 of 24 random bytes, each new one different', () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(signingKey(secret)).toHaveLength(24);
    expect(isLegacySecret(secret)).toBe(false);
    expect(newWebhookSecret()).not.toBe(secret);
  });

  it('a secret from before the standard (base64url, unpadded) keeps its old key: the whole string', () => {
    const legacy = 'whsec_Zm9vYmFyYmF6cXV4LWNvcnJlY3QtaG9yc2UtYmF0dGVyeS1zdGFwbGU';
    expect(isLegacySecret(legacy)).toBe(true);
    expect(signingKey(legacy).toString('utf8')).toBe(legacy);
  });
});

describe('signatureHeaders', () => {
  it('gives the Standard Webhooks example signature', () => {
    // The example of the specification: its secret, message id, timestamp and body.
    const headers = signatureHeaders(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1_614_265_330,
      '{"test": 2432232314}',
    );
    expect(headers).toEqual({
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('verifies with the standardwebhooks package, and fails on any change', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
    const secret = newWebhookSecret();
    const headers = signatureHeaders(secret, '42', timestamp, body);
    const receiver = new Webhook(secret);
    expect(receiver.verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => receiver.verify(`${body} `, headers)).toThrow(WebhookVerificationError);
    expect(() => receiver.verify(body, { ...headers, 'webhook-id': '43' })).toThrow(WebhookVerificationError);
    expect(() => receiver.verify(body, { ...headers, 'webhook-timestamp': String(timestamp + 1) })).toThrow(
      WebhookVerificationError,
    );
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
    vi.setSystemTime(new Date((timestamp + 360) * 1000));
    expect(() => receiver.verify(body, headers)).toThrow(/too old/);
  });

  it('a legacy secret verifies with the package given as raw bytes', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(now);
    const legacy = 'whsec_Zm9vYmFyYmF6cXV4LWNvcnJlY3QtaG9yc2UtYmF0dGVyeS1zdGFwbGU';
    const headers = signatureHeaders(legacy, '7', timestamp, body);
    expect(new Webhook(legacy, { format: 'raw' }).verify(body, headers)).toEqual(JSON.parse(body));
  });
});

describe('verifySignature', () => {
  const secret = newWebhookSecret();
  const good = signatureHeaders(secret, '42', timestamp, body);
  it.each([
    ['the headers that were sent', {}, {}, true],
    ['another body', {}, { body: `${body} ` }, false],
    ['another secret', {}, { secret: newWebhookSecret() }, false],
    ['another delivery id', { 'webhook-id': '43' }, {}, false],
    ['a timestamp that was not signed', { 'webhook-timestamp': String(timestamp + 1) }, {}, false],
    ['a delivery six minutes old', {}, { now: new Date((timestamp + 360) * 1000) }, false],
    ['a delivery four minutes old', {}, { now: new Date((timestamp + 240) * 1000) }, true],
    ['no signature', { 'webhook-signature': undefined }, {}, false],
    ['no id', { 'webhook-id': undefined }, {}, false],
    ['a truncated signature', { 'webhook-signature': good['webhook-signature'].slice(0, 20) }, {}, false],
    [
      'an old and the current signature',
      { 'webhook-signature': `v1,AAAA ${good['webhook-signature']}` },
      {},
      true,
    ],
  ])('%s → %s', (_, headers, override, expected) => {
    expect(verifySignature({ secret, headers: { ...good, ...headers }, body, now, ...override })).toBe(
      expected,
    );
  });
});
