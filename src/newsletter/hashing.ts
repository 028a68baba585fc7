import { createHmac } from 'node:crypto';

// Keyed hashes for rate limiting and the consent trail: the same input always gives the same
// value, so attempts can be counted, but without the secret nobody can test a guessed address or
// IP against the table. Each use has its own label, so the two can never be compared.

export function addressHash(secret: string, email: string): string {
  return createHmac('sha256', secret).update(`newsletter-address\n${email}`).digest('base64url');
}

export function ipHash(secret: string, ip: string): string {
  return createHmac('sha256', secret).update(`newsletter-ip\n${ip}`).digest('base64url');
}
