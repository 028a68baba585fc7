import { describe, expect, it } from 'vitest';
import { buildChrome } from '../../../test/support/site-views/fixtures.js';
import {
  attributeValues,
  expectNoInjection,
  fillTextWith,
  jsonLdBlocks,
} from '../../../test/support/site-views/test-html.js';
import type { PageChrome } from '../view-models.js';
import { jsonLdScriptContent, langIfDifferent, renderDocument } from './document.js';
import { Layout } from './layout.js';

const render = (chrome: PageChrome) =>
  renderDocument(
    <Layout chrome={chrome} pageClass="page-test">
      <h1>Title</h1>
    </Layout>,
  );

describe('Layout', () => {
  it('starts with the doctype and sets the page language', () => {
    const html = render(buildChrome('zh'));
    expect(html.startsWith('<!doctype html><html lang="zh-Hans" dir="ltr">')).toBe(true);
    expect(render(buildChrome('en'))).toContain('<html lang="en"');
  });

  it('writes the head: charset first, viewport, title, description, canonical, hreflang, feeds', () => {
    const html = render(buildChrome('en', { title: 'A & B', description: 'About A' }));
    expect(html).toMatch(/<head><meta charset="utf-8"\/>/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain('<title>A &amp; B</title>');
    expect(html).toContain('<meta name="description" content="About A"/>');
    expect(attributeValues(html, 'link[^>]*rel="canonical"', 'href')).toEqual([
      'https://news.example.test/en/',
    ]);
    expect(attributeValues(html, 'link[^>]*hreflang', 'hreflang')).toEqual(['zh-Hans', 'en', 'x-default']);
    expect(attributeValues(html, 'link[^>]*rel="alternate" type', 'type')).toEqual([
      'application/rss+xml',
      'application/atom+xml',
      'application/feed+json',
    ]);
    expect(html).toContain('<link rel="stylesheet" href="/assets/site.0123456789ab.css"/>');
    expect(html).toMatch(/<script defer="" src="\/assets\/site\.0123456789ab\.js"><\/script>/);
    expect(html).toContain('<meta property="og:site_name" content="Code Velocity"/>');
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image"/>');
  });

  it('leaves out canonical and adds noindex on pages that must not be indexed', () => {
    const chrome = buildChrome('en', { noindex: true, alternates: [] });
    delete chrome.canonicalUrl;
    const html = render(chrome);
    expect(html).not.toContain('rel="canonical"');
    expect(html).not.toContain('hreflang="x-default"');
    expect(html).toContain('<meta name="robots" content="noindex"/>');
  });

  it('has a skip link to main, labelled navigation landmarks and a language switcher', () => {
    const html = render(buildChrome('zh'));
    expect(html).toContain('<a class="skip-link" href="#main_content">跳到正文</a>');
    expect(html).toContain('<main id="main_content"');
    expect(html).toContain('<nav class="section-nav wrap" aria-label="栏目">');
    expect(html).toContain('<nav class="language-switcher" aria-label="语言">');
    expect(html).toContain('<a href="/en/" hreflang="en" lang="en">English</a>');
    expect(html).toContain('hreflang="zh" lang="zh" aria-current="true">中文</a>');
    expect(html).toMatch(/<footer class="site-footer">.*href="\/zh\/feed\.xml"/s);
  });

  it('marks the current section: page when the link is this page, true inside it', () => {
    const chrome = buildChrome('en', { canonicalUrl: 'https://news.example.test/en/chips/' });
    chrome.navigation = chrome.navigation.map((item) => ({ ...item, current: item.href === '/en/chips/' }));
    expect(render(chrome)).toContain('<a href="/en/chips/" aria-current="page">');
    const inside = { ...chrome, canonicalUrl: 'https://news.example.test/en/chips/some-story' };
    expect(render(inside)).toContain('<a href="/en/chips/" aria-current="true">');
  });

  it('invites to the newsletter with a labelled email field posting to the locale', () => {
    const html = render(buildChrome('zh'));
    expect(html).toContain('<h2 id="newsletter_heading">保持更新：最新AI资讯，直达你的邮箱</h2>');
    expect(html).toContain('<form class="newsletter-form" method="post" action="/zh/newsletter">');
    expect(html).toContain('<label for="newsletter_email">电子邮箱</label>');
    expect(html).toMatch(/<input id="newsletter_email" type="email" name="email"[^>]*required/);
    expect(html).toContain('<button type="submit">订阅</button>');
    expect(render(buildChrome('en'))).toContain('Stay updated: the latest AI news in your inbox');
  });

  it('serialises JSON-LD so that no value can close the script element', () => {
    const evil = { '@type': 'NewsArticle', headline: '</script><script>alert(1)</script> & <!--' };
    const html = render(buildChrome('en', { jsonLd: [evil, { '@type': 'WebSite' }] }));
    expect(html).not.toContain('</script><script>alert');
    expect(html).toContain('\\u003c/script\\u003e');
    expect(jsonLdBlocks(html)).toEqual([evil, { '@type': 'WebSite' }]);
    expect(jsonLdScriptContent({ a: '\u2028' }).toString()).toBe('{"a":"\\u2028"}');
  });

  it('escapes every chrome string', () => {
    const html = render(fillTextWith(buildChrome('en')));
    expectNoInjection(html);
    expect(html).not.toMatch(/content="[^"]*"><img/);
  });

  it('refuses to render an async component', () => {
    const Slow = async () => <p>late</p>;
    expect(() => renderDocument(<Slow />)).toThrow(/synchronously/);
  });
});

describe('langIfDifferent', () => {
  it.each([
    ['zh', 'zh-Hans', undefined],
    ['en', 'zh-Hans', 'en'],
    ['zh-Hant', 'en', 'zh-Hant'],
    [undefined, 'en', undefined],
  ])('%s inside %s → %s', (inner, outer, expected) => {
    expect(langIfDifferent(inner, outer)).toBe(expected);
  });
});
