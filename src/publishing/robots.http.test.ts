import { describe, expect, it } from 'vitest';
import { robotParserVerdicts } from '../../test/support/seo-checks.js';
import { renderRobotsTxt } from './robots.js';

const siteUrl = 'https://velocity.example';

describe('renderRobotsTxt', () => {
  it('allows everything but the given paths and names the sitemap', () => {
    const text = renderRobotsTxt({
      siteUrl,
      sitemapUrl: 'https://velocity.example/sitemap.xml',
      disallow: ['/admin/', '/api/'],
    });
    expect(text).toBe(
      [
        'User-agent: *',
        'Disallow: /admin/',
        'Disallow: /api/',
        'Allow: /',
        '',
        'Sitemap: https://velocity.example/sitemap.xml',
        '',
      ].join('\n'),
    );
  });

  // Issue 11: `Allow: /` came first, and first-match parsers let crawlers into /admin/.
  it('keeps first-match parsers (Python robotparser) out of the disallowed paths', () => {
    const text = renderRobotsTxt({ siteUrl, sitemapUrl: '/sitemap.xml', disallow: ['/admin/', '/api/'] });
    const urls = [
      '/admin/',
      '/admin/stories/3',
      '/api/v1/stories',
      '/en/ai-models/a-story',
      '/',
      '/administer',
    ];
    expect(
      robotParserVerdicts(
        text,
        urls.map((path) => `${siteUrl}${path}`),
      ),
    ).toEqual([false, false, false, true, true, true]);
  });

  it('allows everything when nothing is disallowed', () => {
    const lines = renderRobotsTxt({ siteUrl, sitemapUrl: `${siteUrl}/sitemap.xml`, disallow: [] }).split(
      '\n',
    );
    expect(lines.filter((line) => line.startsWith('Disallow'))).toEqual([]);
    expect(lines).toContain('Allow: /');
  });

  it('resolves a relative sitemap URL against the site', () => {
    const text = renderRobotsTxt({
      siteUrl: 'https://velocity.example/news/',
      sitemapUrl: 'sitemap.xml',
      disallow: [],
    });
    expect(text).toContain('Sitemap: https://velocity.example/news/sitemap.xml\n');
  });

  it('writes each path once', () => {
    const text = renderRobotsTxt({ siteUrl, sitemapUrl: '/sitemap.xml', disallow: ['/api/', '/api/'] });
    expect(text.match(/Disallow: \/api\//g)).toHaveLength(1);
  });

  it.each([
    ['no leading slash', 'admin/'],
    ['a newline that would add a directive', '/x\nAllow: /admin/'],
    ['a space', '/a b'],
    ['a comment mark', '/a#b'],
    ['empty', ''],
  ])('refuses a path with %s', (_, path) => {
    expect(() => renderRobotsTxt({ siteUrl, sitemapUrl: '/sitemap.xml', disallow: [path] })).toThrow(
      RangeError,
    );
  });
});
