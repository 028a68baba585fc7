import type { Kysely } from 'kysely';
import { importStories } from '../../src/editorial/index.js';
import type { Database } from '../../src/platform/database/index.js';
import {
  type ContentChange,
  insertMedia,
  type StoryInput,
  saveSiteSettings,
  upsertEntity,
  upsertSection,
} from '../../src/stories/index.js';
import { scanTags } from './html-scan.js';

// Hostile text for every field a newsroom can type, and a checker for what must never reach a
// reader's browser as markup.

export const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '</script><script>alert(1)</script>',
  '<svg onload=alert(1)>',
  "'-alert(1)-'",
  "{{constructor.constructor('alert(1)')()}}",
  'line\u2028break\u2029";alert(1);//',
  ']]><script>alert(1)</script><![CDATA[',
  '<!--<img src=x onerror=alert(1)>-->',
] as const;

// Element names that run script or pull in other documents; none belongs in our pages.
const ACTIVE_ELEMENTS = new Set([
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'base',
  'frame',
  'frameset',
  'applet',
]);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcset'];

/** `javascript:` and friends, read the way a browser reads a URL (controls and spaces ignored). */
function isScriptUrl(value: string): boolean {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers strip these from URLs, so must we.
  const url = value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  return /^(javascript|vbscript|livescript):/.test(url) || url.startsWith('data:text/html');
}

/**
 * Markup in `html` that could run script: any script element other than JSON-LD and the page's own
 * `allowedScriptSrc`, any `on…` attribute, any script URL, any active element, a meta refresh.
 */
export function executableMarkup(html: string, allowedScriptSrc: string[] = []): string[] {
  const found: string[] = [];
  for (const tag of scanTags(html)) {
    const attr = (name: string) => tag.attributes.get(name);
    if (tag.name === 'script') {
      const jsonLd = attr('type') === 'application/ld+json' && attr('src') === undefined;
      const own = attr('src') !== undefined && allowedScriptSrc.includes(attr('src') ?? '');
      if (!jsonLd && !own) found.push(`script element: ${tag.source}`);
    }
    if (ACTIVE_ELEMENTS.has(tag.name)) found.push(`${tag.name} element: ${tag.source}`);
    for (const name of tag.attributes.keys())
      if (name.startsWith('on')) found.push(`event handler ${name}: ${tag.source}`);
    for (const name of URL_ATTRIBUTES) {
      const value = attr(name);
      if (value !== undefined && isScriptUrl(value)) found.push(`script URL in ${name}: ${tag.source}`);
    }
    if (tag.name === 'meta' && attr('http-equiv')?.toLowerCase() === 'refresh')
      found.push(`meta refresh: ${tag.source}`);
  }
  return found;
}

/** Whether any string anywhere in a JSON value contains `needle`. */
export function jsonContains(value: unknown, needle: string): boolean {
  if (typeof value === 'string') return value.includes(needle);
  if (Array.isArray(value)) return value.some((v) => jsonContains(v, needle));
  if (typeof value === 'object' && value !== null)
    return Object.values(value).some((v) => jsonContains(v, needle));
  return false;
}

export const hostileSlug = (index: number) => `xss-${index + 1}`;

/** A story whose every text field carries `payload`, in its own section, about its own entity. */
function hostileStory(payload: string, index: number, publishedAt: string): StoryInput {
  const slug = hostileSlug(index);
  const body = (lead: string) =>
    [
      `## ${lead} ${payload}`,
      `${lead}: Nvidia announced a new plan today ${payload}, a move that will shape the whole industry.`,
      // Raw HTML must stay text: markdown-it runs with html:false.
      `<div onmouseover="alert(1)">${payload}</div>`,
      '<script>alert(1)</script>',
      `<img src=x onerror=alert(1)> ${payload}`,
      `[a link](javascript:alert(1)) and [another](JAVASCRIPT:alert(1)) and ![alt ${payload}](javascript:alert(1))`,
      `| Column ${payload} | B |\n| --- | --- |\n| ${payload} | cell |`,
    ].join('\n\n');
  const variant = (locale: 'zh' | 'en') => {
    const zh = locale === 'zh';
    return {
      locale,
      slug,
      title: `${zh ? '英伟达宣布新计划' : 'Nvidia announces a plan'} ${payload}`,
      summary: `${zh ? '英伟达公布了一项新的投资计划' : 'Nvidia unveiled a new investment plan'} ${payload}`,
      body: body(zh ? '背景' : 'Background'),
      faq: [
        {
          question: `${zh ? '什么时候开始' : 'When does it start'} ${payload}?`,
          answer: `${zh ? '明年' : 'Next year'} ${payload} [see](javascript:alert(1))`,
        },
      ],
      heroAlt: `${zh ? '数据中心里的服务器' : 'Server racks in a data centre'} ${payload}`,
      status: 'published' as const,
      publishedAt,
    };
  };
  return {
    section: slug,
    sourceLocale: 'en',
    heroImage: `${slug}.webp`,
    entities: [slug],
    sources: [
      {
        url: `https://news.example.com/${slug}?q=${payload}`,
        publisher: `Example Wire ${payload}`,
        author: `A. Writer ${payload}`,
        publishedAt: '2026-11-19T10:00:00.000Z',
      },
      { url: payload, publisher: '', author: '', publishedAt: null },
    ],
    variants: [variant('en'), variant('zh')],
  };
}

/**
 * Writes the hostile taxonomy (a section, an entity and a hero image per payload, the sections in
 * the navigation) and one hostile story per payload. Language QA is overridden: the payloads are
 * not in any language, and escaping is what is under test here.
 */
export async function seedHostileContent(
  db: Kysely<Database>,
  now: Date,
  publishedAt: string,
): Promise<ContentChange> {
  const keys = PAYLOADS.map((_, i) => hostileSlug(i));
  await saveSiteSettings(db, {
    name: { zh: '测试站', en: 'Test Site' },
    tagline: { zh: '人工智能新闻', en: 'AI news' },
    locales: ['zh', 'en'],
    defaultLocale: 'zh',
    navigation: keys,
    fallbacks: { en: ['zh'], zh: ['en'] },
  });
  for (const [i, payload] of PAYLOADS.entries()) {
    const slug = hostileSlug(i);
    await upsertSection(
      db,
      {
        key: slug,
        position: 10 + i,
        translations: {
          zh: { name: `栏目 ${payload}`, slug, description: `栏目介绍 ${payload}` },
          en: { name: `Section ${payload}`, slug, description: `About the section ${payload}` },
        },
      },
      now,
    );
    await upsertEntity(
      db,
      {
        slug,
        kind: 'company',
        translations: {
          zh: { name: `公司 ${payload}`, aliases: [payload], description: `公司介绍 ${payload}` },
          en: { name: `Company ${payload}`, aliases: [payload], description: `About the company ${payload}` },
        },
      },
      now,
    );
    await insertMedia(
      db,
      {
        fileName: `${slug}.webp`,
        mimeType: 'image/webp',
        width: 1600,
        height: 900,
        renditions: [{ width: 800, file: `${slug}-800.webp` }],
        credit: `Photo ${payload}`,
      },
      now,
    );
  }
  const stories = PAYLOADS.map((payload, i) => hostileStory(payload, i, publishedAt));
  const { change } = await importStories(db, stories, { now });
  return change;
}
