import { InvalidEmailAddress } from './errors.js';

// RFC 5321 §4.5.3.1: 64 octets of local part, 254 for a forward path in practice (RFC 3696 errata).
const MAX_LOCAL_LENGTH = 64;
const MAX_ADDRESS_LENGTH = 254;
// A deliberately narrow dot-atom (RFC 5322 §3.4.1) without quoted local parts or address literals:
// real subscribers never need them, and each is a way to smuggle commas, angle brackets or spaces
// into a header. Labels are LDH (RFC 1035) or IDNA.
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * The address as we store it (trimmed, lower case), or InvalidEmailAddress. Lower-casing the local
 * part is not what RFC 5321 promises, but every provider a reader would use treats it so, and it
 * keeps one subscriber per mailbox.
 */
export function normaliseEmailAddress(input: string): string {
  // Any control character (CR, LF, NUL, tab) is a header-injection attempt or a paste accident;
  // both are refused rather than cleaned, so what we store is exactly what the reader typed.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f]/.test(input)) throw new InvalidEmailAddress('control characters');
  const address = input.trim().toLowerCase();
  if (address === '') throw new InvalidEmailAddress('empty');
  if (address.length > MAX_ADDRESS_LENGTH) throw new InvalidEmailAddress('too long');
  const at = address.lastIndexOf('@');
  if (at <= 0 || at !== address.indexOf('@')) throw new InvalidEmailAddress('needs exactly one @');
  const local = address.slice(0, at);
  const domain = address.slice(at + 1);
  if (local.length > MAX_LOCAL_LENGTH || !LOCAL_PART.test(local)) {
    throw new InvalidEmailAddress('malformed local part');
  }
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) {
    throw new InvalidEmailAddress('malformed domain');
  }
  if (/^\d+$/.test(labels.at(-1) ?? '')) throw new InvalidEmailAddress('numeric top-level domain');
  return address;
}
