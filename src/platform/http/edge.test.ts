import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { bodyLimitFor, formatBytes } from './body-limit.js';
import { edgeSettings, onSiteLocation, refuseTarget } from './edge.js';

describe('refuseTarget', () => {
  it.each<[string, 400 | 414 | undefined]>([
    ['/en/ai-models/', undefined],
    ['/zh/ai-models?page=2', undefined],
    ['/%E4%BA%BA%E5%B7%A5', undefined],
    ['/%5Cevil.com', undefined],
    ['/en/?q=a%0Ab', undefined],
    ['http://news.example.test/en/', undefined],
    ['/%0d%0aSet-Cookie:x', 400],
    ['/%00', 400],
    ['/en/x%0D', 400],
    ['/en/%7F', 400],
    ['/en/x\u0007', 400],
    ['/\\evil.com', 400],
    ['/en/%E0%A4%A', 400],
    ['/en/%zz', 400],
    ['*', 400],
    ['evil.com', 400],
    ['/en/?q=a\u0000', 400],
    [`/${'a'.repeat(300)}`, 414],
  ])('%s', (target, expected) => {
    expect(refuseTarget(target, 256)).toBe(expected);
  });
});

describe('onSiteLocation', () => {
  const origins = ['https://news.example.test'];
  it.each([
    ['/en/', '/en/'],
    ['/zh/ai-models/?page=2', '/zh/ai-models/?page=2'],
    ['//evil.com/', '/evil.com/'],
    ['/\\evil.com/', '/evil.com/'],
    ['\\\\evil.com', '/evil.com'],
    ['https://news.example.test/en/', 'https://news.example.test/en/'],
    ['https://evil.com/x?y=1', '/x?y=1'],
    ['javascript:alert(1)', '/'],
    ['../en/', '../en/'],
  ])('%s → %s', (location, expected) => {
    expect(onSiteLocation(location, origins)).toBe(expected);
  });
});

describe('edgeSettings', () => {
  it('HSTS only when the public URL is https', () => {
    expect(edgeSettings(loadConfig({ SITE_URL: 'https://news.example.test' })).hsts).toBe(true);
    expect(edgeSettings(loadConfig({ SITE_URL: 'http://news.example.test' })).hsts).toBe(false);
    expect(edgeSettings(loadConfig({})).hsts).toBe(false);
  });
});

describe('bodyLimitFor', () => {
  const rules = [
    { family: 'api', path: '/api/', maxBytes: 2 },
    { family: 'forms', path: /^\/[^/]+\/newsletter(?:\/|$)/, maxBytes: 3 },
    { family: 'rest', path: '/', maxBytes: 1 },
  ];
  it.each([
    ['/api/admin/v1/stories', 'api'],
    ['/en/newsletter', 'forms'],
    ['/zh/newsletter/confirm/abc', 'forms'],
    ['/en/newsletters', 'rest'],
    ['/apix', 'rest'],
  ])('%s → %s', (path, family) => {
    expect(bodyLimitFor(rules, path).family).toBe(family);
  });

  it('a list without a catch-all is a programming error', () => {
    expect(() => bodyLimitFor(rules.slice(0, 1), '/en/')).toThrow(/catch-all/);
  });

  it('formats sizes for people', () => {
    expect(formatBytes(2 * 1024 * 1024)).toBe('2 MiB');
    expect(formatBytes(16 * 1024)).toBe('16 KiB');
    expect(formatBytes(500)).toBe('500 bytes');
  });
});
