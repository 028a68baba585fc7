import { describe, expect, it } from 'vitest';
import { buildFallbackStoryPageData, buildStoryPageData } from '../../../test/support/site-views/fixtures.js';
import {
  attributeValues,
  expectHeadingOrder,
  expectNoInjection,
  expectUniqueIds,
  fillTextWith,
  headingLevels,
  jsonLdBlocks,
} from '../../../test/support/site-views/test-html.js';
import { renderStoryPage } from './story-page.js';

describe('renderStoryPage', () => {
  const zh = renderStoryPage(buildStoryPageData('zh'));
  const en = renderStoryPage(buildStoryPageData('en'));

  it('is one document with one h1, headings in order and unique ids', () => {
    for (const html of [zh, en]) {
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expectHeadingOrder(html);
      expectUniqueIds(html);
    }
    // h1 title, three body h2s, FAQ h2 with three h3s, related h2 with three card h3s, newsletter h2
    expect(headingLevels(en)).toEqual([1, 2, 2, 2, 2, 3, 3, 3, 2, 3, 3, 3, 2, 2]);
  });

  it('sets the language, canonical URL and hreflang alternates', () => {
    expect(zh).toContain('<html lang="zh-Hans"');
    expect(attributeValues(zh, 'link[^>]*rel="canonical"', 'href')).toEqual([
      'https://news.example.test/zh/ai-models/h200-vs-mi300x',
    ]);
    expect(attributeValues(en, 'link[^>]*hreflang', 'href')).toEqual([
      'https://news.example.test/zh/ai-models/h200-vs-mi300x',
      'https://news.example.test/en/ai-models/h200-vs-mi300x',
      'https://news.example.test/zh/ai-models/h200-vs-mi300x',
    ]);
    expect(jsonLdBlocks(zh)).toEqual([expect.objectContaining({ '@type': 'NewsArticle', inLanguage: 'zh' })]);
  });

  it('puts the parts in reading order', () => {
    const order = [
      'class="breadcrumbs"',
      '<h1>',
      '<time datetime="2025-03-12T06:30:00.000Z">2025年3月12日</time>',
      '7分钟阅读',
      'href="/zh/topics/nvidia"',
      'class="source-link"',
      'class="share"',
      '<figure class="hero">',
      'class="story-body"',
      'class="faq"',
      'class="related"',
      'class="newsletter"',
      '<footer',
    ].map((needle) => zh.indexOf(needle));
    expect(order.every((index) => index > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(en).toContain('7 min read');
  });

  it('links entity tags to their hubs and says where the original source is', () => {
    expect(en).toContain('<a class="tag" href="/en/topics/nvidia" data-kind="company">Nvidia</a>');
    expect(en).toMatch(
      /<a class="source-link" href="https:\/\/www\.example-chips\.com\/[^"]+" rel="noopener">Example Chips<span class="source-host">example-chips\.com<\/span><\/a>/,
    );
    expect(en).toContain('Original source');
    expect(zh).toContain('原始来源');
  });

  it('names a source whose URL is not a web address without linking it, and encodes the others', () => {
    const data = buildStoryPageData('en');
    data.story.sources = [
      { url: 'https://user:pw@wire.example/a b?q="<x>"&t[]={y}|z', publisher: 'Spaced', author: '' },
      { url: 'javascript:alert(1)', publisher: 'Wire', author: '' },
      { url: ' JavaScript:alert(1)', publisher: '', author: '' },
      { url: 'data:text/html,<script>alert(1)</script>', publisher: 'Data', author: '' },
    ];
    const html = renderStoryPage(data);
    expect(html).not.toMatch(/href="\s*(javascript|data):/i);
    expect(html).toContain('<span class="source-name">Wire</span>');
    expect(html).toContain('<span class="source-name"> JavaScript:alert(1)</span>');
    expect(html).toContain('<span class="source-name">Data</span>');
    expect(html).toContain('href="https://wire.example/a%20b?q=%22%3Cx%3E%22&amp;t%5B%5D=%7By%7D%7Cz"');
  });

  it('renders the hero with size, srcset, alt and high priority, never lazily', () => {
    const hero = /<figure class="hero">(<img[^>]*>)/.exec(zh)?.[1] ?? '';
    expect(hero).toMatch(/width="1600"/);
    expect(hero).toMatch(/height="900"/);
    expect(hero).toMatch(/srcset="[^"]+ 400w, /);
    expect(hero).toMatch(/sizes="[^"]+"/);
    expect(hero).toContain('alt="数据中心机柜中排列整齐的GPU服务器，指示灯发出蓝光"');
    expect(hero).toContain('fetchpriority="high"');
    expect(hero).not.toContain('loading=');
    expect(zh).toContain('<figcaption>图片：Example Photo Agency</figcaption>');
  });

  it('inserts the sanitized body and FAQ answers as HTML', () => {
    expect(zh).toContain(
      '<div class="table-scroll" role="region" aria-label="H200与MI300X规格对比" tabindex="0">',
    );
    expect(zh).toContain('<h2 id="faq_heading">常见问题</h2>');
    expect(zh).toContain('<h3>H200和H100有什么区别？</h3>');
    expect(zh).toContain('<a href="/zh/gpus">GPU专题页</a>');
    expect(en).toContain('Frequently asked questions');
  });

  it('lazy-loads the related stories’ images', () => {
    const related = zh.slice(zh.indexOf('class="related"'));
    const images = related.match(/<img[^>]*>/g) ?? [];
    expect(images).toHaveLength(3);
    for (const img of images) {
      expect(img).toContain('loading="lazy"');
      expect(img).toContain('width="800" height="450"');
    }
  });

  describe('share row', () => {
    it('links each network with the story URL and title URL-encoded', () => {
      const hrefs = attributeValues(en, 'a class="share-link"', 'href').map((h) =>
        h.replaceAll('&amp;', '&'),
      );
      const url = encodeURIComponent('https://news.example.test/en/ai-models/h200-vs-mi300x');
      expect(hrefs).toHaveLength(6);
      for (const href of hrefs) expect(href).toContain(url);
      expect(hrefs[0]).toContain(`text=${encodeURIComponent('Nvidia H200 vs AMD MI300X')}`);
      expect(attributeValues(en, 'a class="share-link"', 'data-network')).toEqual([
        'x',
        'linkedin',
        'facebook',
        'weibo',
        'telegram',
        'email',
      ]);
      expect(en).toContain('target="_blank" rel="noopener noreferrer">X</a>');
    });

    it('shows the count and gives the script its endpoint and localized strings', () => {
      expect(zh).toContain('<div class="share" data-share-endpoint="/share/42">');
      expect(zh).toMatch(
        /<span class="share-label">分享<\/span><span class="share-count" data-share-count="">11<\/span>/,
      );
      const big = renderStoryPage(
        buildStoryPageData('en', { share: { ...buildStoryPageData('en').share, count: 12345 } }),
      );
      expect(big).toMatch(/data-share-count="">12,345</);
    });

    it('keeps the copy-link button hidden until the script can use the clipboard', () => {
      expect(zh).toMatch(
        /<li hidden="" data-copy-item="">\s*<button type="button" class="share-link" data-copy-url="https:\/\/news\.example\.test\/zh\/ai-models\/h200-vs-mi300x" data-copied="链接已复制"/,
      );
      expect(zh).toContain('<p class="copy-status" role="status" data-copy-status=""></p>');
    });
  });

  it('shows the fallback notice and marks the article with its own language', () => {
    const html = renderStoryPage(buildFallbackStoryPageData('en'));
    expect(html).toContain('<html lang="en"');
    expect(html).toContain(
      '<p class="notice" role="note">This story is not yet available in English; showing the Chinese original.</p>',
    );
    expect(html).toContain('<article class="story" lang="zh">');
    // UI labels inside the Chinese article are English again.
    expect(html).toContain('<div class="story-meta" lang="en">');
    expect(html).toContain('<h2 id="faq_heading" lang="en">Frequently asked questions</h2>');
    expect(html).toMatch(/<figure class="hero"><img[^>]*alt="数据中心[^"]*"/);
    expect(zh).not.toContain('class="notice"');
    expect(zh).toContain('<article class="story">');
  });

  it('shows the section above the title when the breadcrumbs do not', () => {
    const html = renderStoryPage(buildStoryPageData('en', { breadcrumbs: [] }));
    expect(html).toContain('<p class="kicker"><a href="/en/ai-models/">AI models</a></p><h1>');
    expect(html).not.toContain('class="breadcrumbs"');
  });

  it('keeps its own ids apart from heading ids in the body', () => {
    const bodyHtml =
      '<h2 id="main">Main</h2><h2 id="faq-heading">FAQ heading</h2><h2 id="related">Related</h2>';
    expectUniqueIds(renderStoryPage(buildStoryPageData('en', { story: { bodyHtml } })));
  });

  it('escapes an XSS payload in every text field', () => {
    const data = fillTextWith(buildStoryPageData('en'));
    data.story.hero = fillTextWith(buildStoryPageData('en').story.hero);
    const html = renderStoryPage({ ...data, fallbackNotice: '<script>alert(1)</script>' });
    expectNoInjection(html);
    expect(jsonLdBlocks(html)).toHaveLength(1);
    expect(headingLevels(html).filter((l) => l === 1)).toHaveLength(1);
  });
});
