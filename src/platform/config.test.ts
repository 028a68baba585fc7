import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, envValueOf, loadConfig } from './config.js';

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

describe('DKIM configuration', () => {
  const site = { SITE_URL: 'https://news.example.com', NEWSLETTER_FROM: 'digest@news.example.com' };
  const key = '-----BEGIN PRIVATE KEY-----\\nMII...\\n-----END PRIVATE KEY-----';

  it.each([
    ['the From domain itself', 'news.example.com'],
    ['a parent of the From domain', 'example.com'],
    ['the From domain in capitals', 'News.Example.COM'],
  ])('accepts DKIM_DOMAIN as %s', (_, domain) => {
    const config = loadConfig({ ...site, DKIM_DOMAIN: domain, DKIM_PRIVATE_KEY: key });
    expect(config.DKIM_DOMAIN).toBe(domain);
    expect(config.DKIM_SELECTOR).toBe('velocity');
  });

  it.each([
    ['another domain', 'example.org'],
    ['a lookalike suffix', 'ews.example.com'],
    ['a subdomain of the From domain', 'mail.news.example.com'],
    ['a bare top-level domain', 'com'],
    ['something that is no domain', 'example.com; s=x'],
  ])('refuses DKIM_DOMAIN as %s, naming the variable and the From domain', (_, domain) => {
    expect(() => loadConfig({ ...site, DKIM_DOMAIN: domain, DKIM_PRIVATE_KEY: key })).toThrow(
      /DKIM_DOMAIN: must be news\.example\.com \(the From address's domain\) or a parent of it/,
    );
  });

  it('checks alignment against the default From address when NEWSLETTER_FROM is unset', () => {
    const env = { SITE_URL: 'https://news.example.com', DKIM_PRIVATE_KEY: key };
    expect(loadConfig({ ...env, DKIM_DOMAIN: 'example.com' }).newsletterFrom).toBe(
      'newsletter@news.example.com',
    );
    expect(() => loadConfig({ ...env, DKIM_DOMAIN: 'example.net' })).toThrow(/DKIM_DOMAIN/);
  });

  it('wants DKIM_DOMAIN and DKIM_PRIVATE_KEY together', () => {
    expect(() => loadConfig({ ...site, DKIM_DOMAIN: 'example.com' })).toThrow(
      /DKIM_PRIVATE_KEY: must be set when DKIM_DOMAIN is/,
    );
    expect(() => loadConfig({ ...site, DKIM_PRIVATE_KEY: key })).toThrow(
      /DKIM_DOMAIN: must be set when DKIM_PRIVATE_KEY is/,
    );
    expect(() => loadConfig({ ...site, DKIM_DOMAIN: 'example.com', DKIM_PRIVATE_KEY: '' })).toThrow(
      ConfigError,
    );
    expect(loadConfig(site).DKIM_DOMAIN).toBeUndefined();
  });

  it.each([
    ['a selector with a tag separator', 'sel;h=from'],
    ['a selector with a space', 'my key'],
    ['a selector ending in a dot', 'velocity.'],
  ])('refuses %s', (_, selector) => {
    expect(() =>
      loadConfig({ ...site, DKIM_DOMAIN: 'example.com', DKIM_PRIVATE_KEY: key, DKIM_SELECTOR: selector }),
    ).toThrow(/DKIM_SELECTOR: must be DNS labels/);
  });

  it('accepts a dated, dotted selector', () => {
    const env = { ...site, DKIM_DOMAIN: 'example.com', DKIM_PRIVATE_KEY: key, DKIM_SELECTOR: 'cv-2026.news' };
    expect(loadConfig(env).DKIM_SELECTOR).toBe('cv-2026.news');
  });
});

// Issue 11: `velocity --help` printed `(default: [object Object])` for NEWSLETTER_TIME_ZONES.
describe('describeConfig', () => {
  it.each([
    ['a number', 3000, '3000'],
    ['a boolean', true, 'true'],
    ['a string', 'UTC', 'UTC'],
    ['a list, as the comma list it is set as', ['a.example', 'b.example:8080'], 'a.example,b.example:8080'],
    ['a map, as key=value pairs', { zh: 'Asia/Shanghai', en: 'UTC' }, 'zh=Asia/Shanghai,en=UTC'],
    ['an empty list', [], ''],
    ['an empty map', {}, ''],
    ['nothing', undefined, ''],
  ])('writes %s as an environment value', (_, value, expected) => {
    expect(envValueOf(value)).toBe(expected);
  });

  it('gives every default as text a variable could hold, and none for the empty ones', () => {
    const rows = describeConfig();
    for (const row of rows) expect(row.defaultValue).not.toMatch(/\[object |^\{|^\[/);
    const byName = new Map(rows.map((row) => [row.name, row.defaultValue]));
    expect(byName.get('NEWSLETTER_TIME_ZONES')).toBe('');
    expect(byName.get('DESK_ALLOW_HOSTS')).toBe('');
    expect(byName.get('NEWSLETTER_TIME_ZONE')).toBe('UTC');
    expect(byName.get('PORT')).toBe('3000');
    // Each default parses back to the default itself.
    const defaults = loadConfig({});
    for (const row of rows.filter((r) => r.defaultValue !== '')) {
      const reparsed = loadConfig({ [row.name]: row.defaultValue });
      expect(reparsed[row.name as keyof typeof reparsed]).toEqual(
        defaults[row.name as keyof typeof defaults],
      );
    }
  });
});
