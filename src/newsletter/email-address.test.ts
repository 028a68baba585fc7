import { describe, expect, it } from 'vitest';
import { normaliseEmailAddress } from './email-address.js';
import { InvalidEmailAddress } from './errors.js';

describe('normaliseEmailAddress', () => {
  it.each([
    ['plain', 'reader@example.com', 'reader@example.com'],
    ['upper case and spaces around', '  Reader.Name@Example.COM ', 'reader.name@example.com'],
    ['plus tag', 'reader+ai@mail.example.org', 'reader+ai@mail.example.org'],
    ['punycode domain', 'a@xn--fiqs8s.example', 'a@xn--fiqs8s.example'],
  ])('accepts %s', (_, input, expected) => expect(normaliseEmailAddress(input)).toBe(expected));

  it.each([
    ['CRLF header injection', 'reader@example.com\r\nBcc: victim@example.org'],
    ['bare LF', 'reader@example.com\nCc: x@example.org'],
    ['NUL', 'reader@example.com\u0000'],
    ['two recipients', 'a@example.com,b@example.com'],
    ['angle brackets', 'Reader <reader@example.com>'],
    ['no at', 'reader.example.com'],
    ['two ats', 'a@b@example.com'],
    ['no domain dot', 'reader@localhost'],
    ['empty local part', '@example.com'],
    ['double dot', 'a..b@example.com'],
    ['leading hyphen label', 'a@-example.com'],
    ['IP literal', 'a@[127.0.0.1]'],
    ['numeric TLD', 'a@10.0.0.1'],
    ['quoted local part', '"a b"@example.com'],
    ['too long', `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`],
    ['empty', '   '],
  ])('refuses %s', (_, input) => {
    expect(() => normaliseEmailAddress(input)).toThrow(InvalidEmailAddress);
  });
});
