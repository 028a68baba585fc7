import { describe, expect, it } from 'vitest';
import { cleanDetail, derivedEventId, IsoInstant, storedMessageId } from './event.js';
import { equalHexDigests, equalSecrets, isFreshTimestamp } from './signatures.js';

describe('storedMessageId', () => {
  it.each([
    ['abc@news.example.test', '<abc@news.example.test>'],
    ['<abc@news.example.test>', '<abc@news.example.test>'],
    ['  <abc@news.example.test>\t', '<abc@news.example.test>'],
    ['', undefined],
    ['<>', undefined],
    ['abc@x\r\nBcc: y@z', undefined],
    ['two words@x', undefined],
    [`${'a'.repeat(997)}`, undefined],
    [undefined, undefined],
  ])('%j → %j', (input, stored) => expect(storedMessageId(input)).toBe(stored));
});

describe('cleanDetail', () => {
  it.each([
    [['550', '5.1.1 User unknown'], '550 5.1.1 User unknown'],
    [[undefined, '', null, 'only'], 'only'],
    [['line one\r\nline two\u0000'], 'line one line two'],
    [['x'.repeat(2000)], 'x'.repeat(1000)],
  ])('%j → %j', (parts, detail) => expect(cleanDetail(parts)).toBe(detail));
});

describe('IsoInstant', () => {
  it.each([
    ['2026-12-01T09:58:12Z', '2026-12-01T09:58:12.000Z'],
    ['2026-12-01T04:58:10.2735393-05:00', '2026-12-01T09:58:10.273Z'],
    ['2026-12-01T10:58+01:00', '2026-12-01T09:58:00.000Z'],
  ])('%s is %s', (input, iso) => expect(IsoInstant.parse(input)).toBe(iso));

  it.each(['2026-12-01 09:58', '2026-12-01T09:58:12', 'Dec 1 2026', '1', '2026-13-45T99:00:00Z'])(
    'refuses %s',
    (input) => expect(IsoInstant.safeParse(input).success).toBe(false),
  );
});

describe('derivedEventId', () => {
  it('is the same for the same content and differs for any other', () => {
    const id = derivedEventId(['hard_bounce', 'a@example.org', undefined, '2026-12-01T09:00:00.000Z']);
    expect(derivedEventId(['hard_bounce', 'a@example.org', undefined, '2026-12-01T09:00:00.000Z'])).toBe(id);
    expect(derivedEventId(['hard_bounce', 'a@example.org', '', '2026-12-01T09:00:00.000Z'])).not.toBe(id);
    expect(derivedEventId(['soft_bounce', 'a@example.org', undefined, '2026-12-01T09:00:00.000Z'])).not.toBe(
      id,
    );
  });
});

describe('signature checks', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  it.each([
    ['1796119200', true],
    ['1796118900', true],
    ['1796118899', false],
    ['1796119501', false],
    ['', false],
    ['1796119200.5', false],
    ['-1796119200', false],
    [undefined, false],
  ])('timestamp %j fresh: %s', (timestamp, fresh) => expect(isFreshTimestamp(timestamp, now)).toBe(fresh));

  it('compares digests and secrets exactly', () => {
    const digest = 'ab'.repeat(32);
    expect(equalHexDigests(digest, digest.toUpperCase())).toBe(true);
    expect(equalHexDigests(digest, `${'ab'.repeat(31)}ac`)).toBe(false);
    expect(equalHexDigests(digest, digest.slice(2))).toBe(false);
    expect(equalSecrets('secret', 'secret')).toBe(true);
    expect(equalSecrets('secret', 'secret ')).toBe(false);
  });
});
