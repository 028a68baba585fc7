import { describe, expect, it } from 'vitest';
import {
  buildEntityHubData,
  buildFrontPageData,
  buildKindHubData,
  buildSectionPageData,
} from '../../../test/support/site-views/fixtures.js';
import {
  attributeValues,
  expectHeadingOrder,
  expectNoInjection,
  expectUniqueIds,
  fillTextWith,
  jsonLdBlocks,
} from '../../../test/support/site-views/test-html.js';
import { renderEntityHub } from './entity-hub.js';
import { renderFrontPage } from './front-page.js';
import { renderKindHub } from './kind-hub.js';
import { renderSectionPage } from './section-page.js';

const images = (html: string) => html.match(/<img[^>]*>/g) ?? [];

describe('renderFrontPage', () => {
  const zh = renderFrontPage(buildFrontPageData('zh'));

  it('has one h1, ordered headings, unique ids, language and alternates', () => {
    expectHeadingOrder(zh);
    expectUniqueIds(zh);
    expect(zh).toContain('<html lang="zh-Hans"');
    expect(zh).toContain('<h1 class="front-title">用你的语言读懂AI与芯片</h1>');
    expect(attributeValues(zh, 'link[^>]*hreflang', 'hreflang')).toEqual(['zh-Hans', 'en', 'x-default']);
    expect(attributeValues(zh, 'link[^>]*rel="canonical"', 'href')).toEqual([
      'https://news.example.test/zh/',
    ]);
    expect(jsonLdBlocks(zh)).toHaveLength(1);
  });

  it('loads the first image at once and every other one lazily, all with their size', () => {
    const [first, ...rest] = images(zh);
    expect(first).not.toContain('loading=');
    expect(rest.length).toBeGreaterThan(3);
    for (const img of [first, ...rest]) expect(img).toMatch(/width="\d+" height="\d+"/);
    for (const img of rest) expect(img).toContain('loading="lazy"');
  });

  it('lists sections with a link to each', () => {
    expect(zh).toContain('<a href="/zh/chips/">更多芯片报道</a>');
    expect(zh).toMatch(
      /<time datetime="2025-03-10T08:00:00.000Z">2025年3月10日<\/time><span>3分钟阅读<\/span>/,
    );
  });

  it('marks a card in another language', () => {
    const data = buildFrontPageData('en');
    const [first, ...rest] = data.latest;
    if (!first) throw new Error('fixture has no cards');
    data.latest = [{ ...first, lang: 'zh', title: '中文标题', summary: '中文摘要' }, ...rest];
    const html = renderFrontPage(data);
    expect(html).toContain(
      '<h3 class="card-title" lang="zh"><a href="/en/ai-models/open-weights-inference">中文标题</a></h3>',
    );
    expect(html).toContain('<p class="card-summary" lang="zh">中文摘要</p>');
  });

  it('escapes every text field', () => {
    expectNoInjection(renderFrontPage(fillTextWith(buildFrontPageData('en'))));
  });

  it('says so when there is nothing to list', () => {
    const html = renderFrontPage({ ...buildFrontPageData('en'), latest: [], sections: [] });
    expect(html).toContain('<p class="empty">No stories here yet.</p>');
  });
});

describe('renderSectionPage', () => {
  const en = renderSectionPage(buildSectionPageData('en'));

  it('has one h1 with the section name and cards as h2', () => {
    expectHeadingOrder(en);
    expectUniqueIds(en);
    expect(en).toContain('<h1>Chips</h1>');
    expect(en).toContain('<h2 class="card-title"><a href="/en/ai-models/open-weights-inference">');
  });

  it('links the neighbouring pages with rel=prev and rel=next', () => {
    expect(en).toContain('<nav class="pagination" aria-label="Pages">');
    expect(en).toContain('<a class="pagination-previous" rel="prev" href="/en/chips/">Newer stories</a>');
    expect(en).toContain(
      '<a class="pagination-next" rel="next" href="/en/chips/?before=20261101T080000.000Z_28">Older stories</a>',
    );
    expect(en).toContain('Stories published before November 20, 2026');
    const zh = renderSectionPage(buildSectionPageData('zh'));
    expect(zh).toContain('2026年11月20日之前发布的报道');
  });

  it('marks its navigation entry and breadcrumb: the page itself on page 1, the section after', () => {
    expect(en).toContain('<a href="/en/chips/" aria-current="true">Chips</a>');
    expect(en).toContain('<li><a href="/en/chips/">Chips</a></li></ol>');
    const first = buildSectionPageData('en', { pagination: {} });
    first.chrome.canonicalUrl = 'https://news.example.test/en/chips/';
    const html = renderSectionPage(first);
    expect(html).toContain('<a href="/en/chips/" aria-current="page">Chips</a>');
    expect(html).toContain('<li><a href="/en/chips/" aria-current="page">Chips</a></li></ol>');
  });

  it('has no pagination when one page holds everything', () => {
    const html = renderSectionPage(buildSectionPageData('en', { pagination: {} }));
    expect(html).not.toContain('class="pagination"');
    expect(html).not.toContain('rel="next"');
  });

  it('escapes every text field', () => {
    expectNoInjection(renderSectionPage(fillTextWith(buildSectionPageData('en'))));
  });
});

describe('renderEntityHub', () => {
  const zh = renderEntityHub(buildEntityHubData('zh'));

  it('names the entity and its kind, with aliases, stories and pagination', () => {
    expectHeadingOrder(zh);
    expectUniqueIds(zh);
    expect(zh).toContain('<p class="kicker">公司</p><h1>英伟达</h1>');
    expect(zh).toContain('<span class="aliases-label">又称</span><span class="alias">Nvidia</span>');
    expect(zh).toContain('<h2 id="entity_stories">英伟达相关报道</h2>');
    expect(zh).toContain('rel="next" href="/zh/topics/nvidia?before=20261101T080000.000Z_28"');
    expect(zh).not.toContain('rel="prev"');
    expect(attributeValues(zh, 'link[^>]*rel="canonical"', 'href')).toEqual([
      'https://news.example.test/zh/topics/nvidia',
    ]);
  });

  it('marks a name in another language than the page', () => {
    const data = buildEntityHubData('en');
    const html = renderEntityHub({ ...data, entity: { ...data.entity, name: '英伟达', lang: 'zh' } });
    expect(html).toContain('<h1 lang="zh">英伟达</h1>');
  });

  it('escapes every text field', () => {
    expectNoInjection(renderEntityHub(fillTextWith(buildEntityHubData('en'))));
  });
});

describe('renderKindHub', () => {
  const en = renderKindHub(buildKindHubData('en'));

  it('lists every entity with its story count, then the latest stories', () => {
    expectHeadingOrder(en);
    expectUniqueIds(en);
    expect(en).toContain('<h1>GPUs</h1>');
    expect(en).toContain(
      '<a class="entity-name" href="/en/topics/h200">H200</a><span class="entity-count">12 stories</span>',
    );
    expect(en).toContain('<span class="entity-count">1 story</span>');
    expect(en).toContain('<h2 id="kind_latest">Latest stories</h2>');
    expect(renderKindHub(buildKindHubData('zh'))).toContain('<span class="entity-count">12篇报道</span>');
  });

  it('says so when the kind has no entities', () => {
    const html = renderKindHub(buildKindHubData('en', { entities: [], stories: [] }));
    expect(html).toContain('<p class="empty">Nothing is listed here yet.</p>');
    expect(html).not.toContain('kind_latest');
  });

  it('escapes every text field', () => {
    expectNoInjection(renderKindHub(fillTextWith(buildKindHubData('en'))));
  });
});
