import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/database/index.js';
import {
  type EntityInput,
  type SectionInput,
  type SiteSettings,
  type StoryInput,
  saveSiteSettings,
  upsertEntity,
  upsertSection,
  type VariantInput,
} from '../../src/stories/index.js';

export const testSite: SiteSettings = {
  name: { zh: '测试站', en: 'Test Site' },
  tagline: { zh: '人工智能新闻', en: 'AI news' },
  locales: ['zh', 'en'],
  defaultLocale: 'zh',
  navigation: ['ai-models', 'chips'],
  fallbacks: { en: ['zh'], zh: ['en'] },
};

export const testSections: SectionInput[] = [
  {
    key: 'ai-models',
    position: 1,
    translations: {
      zh: { name: 'AI模型', slug: 'ai-models', description: '模型与研究' },
      en: { name: 'AI models', slug: 'ai-models', description: 'Models and research' },
    },
  },
  {
    key: 'chips',
    position: 2,
    translations: {
      zh: { name: '芯片', slug: 'chips', description: '芯片与算力' },
      en: { name: 'Chips', slug: 'chips', description: 'Chips and compute' },
    },
  },
];

const testEntities: EntityInput[] = [
  {
    slug: 'nvidia',
    kind: 'company',
    translations: {
      zh: { name: '英伟达', aliases: ['NVIDIA'], description: '图形处理器公司。' },
      en: { name: 'Nvidia', aliases: ['英伟达'], description: 'A GPU maker.' },
    },
  },
  {
    slug: 'h200',
    kind: 'gpu',
    translations: {
      zh: { name: 'H200', aliases: [], description: '数据中心图形处理器。' },
      en: { name: 'H200', aliases: [], description: 'A data-centre GPU.' },
    },
  },
];

/** Site settings, two sections and two entities: enough for any story the factories build. */
export async function seedTaxonomy(
  db: Kysely<Database>,
  now = new Date('2026-11-20T00:00:00Z'),
): Promise<void> {
  await saveSiteSettings(db, testSite);
  for (const section of testSections) await upsertSection(db, section, now);
  for (const entity of testEntities) await upsertEntity(db, entity, now);
}

const zhBody = (topic: string) =>
  `## 背景\n\n英伟达今天宣布了关于${topic}的新计划，这一举措将影响整个行业的发展方向。分析人士认为，这次投资规模之大前所未有。\n\n## 影响\n\n1. **开发者**：可以更方便地获取模型权重。\n2. **企业**：部署成本将明显下降。\n`;
const enBody = (topic: string) =>
  `## Background\n\nNvidia announced a new plan about ${topic} today, a move that will shape where the whole industry goes next. Analysts say the size of the commitment has no precedent.\n\n## Impact\n\n1. **Developers**: model weights become easier to obtain.\n2. **Companies**: deployment costs will fall noticeably.\n`;

export function buildVariant(
  locale: 'zh' | 'en',
  slug: string,
  overrides: Partial<VariantInput> = {},
): VariantInput {
  const zh = locale === 'zh';
  return {
    locale,
    title: zh ? `英伟达宣布${slug}计划` : `Nvidia announces the ${slug} plan`,
    slug,
    summary: zh
      ? '英伟达公布了一项新的投资计划，将影响开放模型的发展。'
      : 'Nvidia unveiled a new investment plan that will shape open models.',
    body: zh ? zhBody(slug) : enBody(slug),
    faq: zh
      ? [{ question: '这项计划什么时候开始？', answer: '计划将于明年第一季度开始实施。' }]
      : [
          {
            question: 'When does the plan start?',
            answer: 'The plan starts in the first quarter of next year.',
          },
        ],
    heroAlt: zh
      ? '一排排服务器机柜在数据中心里闪着蓝光'
      : 'Rows of server racks glowing blue in a data centre',
    status: 'published',
    publishedAt: '2026-11-20T08:00:00.000Z',
    ...overrides,
  };
}

/** A story in the given locales, published unless a variant override says otherwise. */
export function buildStory(
  slug: string,
  options: {
    locales?: ('zh' | 'en')[];
    section?: string;
    entities?: string[];
    variant?: Partial<VariantInput>;
  } = {},
): StoryInput {
  const locales = options.locales ?? ['zh', 'en'];
  return {
    section: options.section ?? 'ai-models',
    sourceLocale: locales[0] ?? 'zh',
    entities: options.entities ?? ['nvidia'],
    sources: [
      {
        url: `https://news.example.com/${slug}`,
        publisher: 'Example Wire',
        author: 'A. Writer',
        publishedAt: '2026-11-19T10:00:00.000Z',
      },
    ],
    variants: locales.map((locale) => buildVariant(locale, slug, options.variant)),
  };
}
