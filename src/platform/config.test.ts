import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('newsletter configuration', () => {
  it('defaults the From address to the site host', () => {
    expect(loadConfig({ SITE_URL: 'https://news.example.com' }).newsletterFrom).toBe(
      'newsletter@news.example.com',
    );
  });

  it.each([
    ['the site host itself', 'digest@news.example.com'],
    ['a parent domain of the site host', 'digest@example.com'],
  ])('accepts a From on %s', (_, from) => {
    expect(loadConfig({ SITE_URL: 'https://news.example.com', NEWSLETTER_FROM: from }).newsletterFrom).toBe(
      from,
    );
  });

  it.each([
    ['another domain', 'digest@example.org'],
    ['a lookalike suffix', 'digest@badexample.com'],
    ['a subdomain of the site host', 'digest@mail.news.example.com'],
  ])('refuses a From on %s', (_, from) => {
    expect(() => loadConfig({ SITE_URL: 'https://news.example.com', NEWSLETTER_FROM: from })).toThrow(
      ConfigError,
    );
  });

  it('refuses a malformed From and an SMTP_URL of another scheme', () => {
    expect(() => loadConfig({ NEWSLETTER_FROM: 'not an address' })).toThrow(/NEWSLETTER_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.com' })).toThrow(/SMTP_URL/);
  });
});
