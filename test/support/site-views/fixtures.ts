import type {
  EntityHubData,
  ErrorPageData,
  FrontPageData,
  KindHubData,
  SectionPageData,
} from '../../../src/site/view-models.js';
import { SAMPLE_SECTIONS } from './fixture-content.js';
import { buildChrome, buildStoryCard, type FixtureLocale, SITE_URL } from './fixture-parts.js';

// Builders of view data for tests and screenshots. Each takes the locale and returns a complete,
// realistic object; tests override what they look at.

export * from './fixture-parts.js';
export * from './fixture-story.js';

export function buildFrontPageData(locale: FixtureLocale): FrontPageData {
  return {
    chrome: buildChrome(locale),
    latest: [0, 1, 2, 3].map((i) => buildStoryCard(locale, i)),
    sections: ['ai-models', 'chips'].map((key, s) => ({
      section: { href: `/${locale}/${key}/`, label: SAMPLE_SECTIONS[key]?.[locale] ?? key },
      stories: [s, s + 2].map((i) => buildStoryCard(locale, i)),
    })),
  };
}

export function buildSectionPageData(
  locale: FixtureLocale,
  overrides: Partial<SectionPageData> = {},
): SectionPageData {
  const name = SAMPLE_SECTIONS.chips?.[locale] ?? 'chips';
  const chrome = buildChrome(locale, {
    title: `${name} (2) · Code Velocity`,
    canonicalUrl: `${SITE_URL}/${locale}/chips/?before=20261120T080000.000Z_40`,
  });
  chrome.navigation = chrome.navigation.map((item) => ({
    ...item,
    current: item.href === `/${locale}/chips/`,
  }));
  return {
    chrome,
    section: {
      name,
      description: locale === 'zh' ? 'GPU、加速器与存储的最新进展。' : 'GPUs, accelerators and memory.',
    },
    breadcrumbs: [
      { href: `/${locale}/`, label: chrome.t('breadcrumbs.home') },
      { href: `/${locale}/chips/`, label: name },
    ],
    stories: [0, 1, 2, 3].map((i) => buildStoryCard(locale, i)),
    pagination: {
      previousHref: `/${locale}/chips/`,
      nextHref: `/${locale}/chips/?before=20261101T080000.000Z_28`,
      startsBefore: locale === 'zh' ? '2026年11月20日' : 'November 20, 2026',
    },
    ...overrides,
  };
}

export function buildEntityHubData(
  locale: FixtureLocale,
  overrides: Partial<EntityHubData> = {},
): EntityHubData {
  const chrome = buildChrome(locale, { canonicalUrl: `${SITE_URL}/${locale}/topics/nvidia` });
  const name = locale === 'zh' ? '英伟达' : 'Nvidia';
  return {
    chrome,
    entity: {
      name,
      kindLabel: chrome.t('entityKind.company'),
      description:
        locale === 'zh'
          ? '美国芯片公司，数据中心GPU的主要供应商。'
          : 'US chip maker and the main supplier of data-centre GPUs.',
      aliases: locale === 'zh' ? ['Nvidia', 'NVDA'] : ['英伟达', 'NVDA'],
      lang: locale,
    },
    breadcrumbs: [
      { href: `/${locale}/`, label: chrome.t('breadcrumbs.home') },
      { href: `/${locale}/topics/`, label: chrome.t('hub.allTopics') },
      { href: `/${locale}/topics/nvidia`, label: name },
    ],
    stories: [0, 1, 2].map((i) => buildStoryCard(locale, i)),
    pagination: { nextHref: `/${locale}/topics/nvidia?before=20261101T080000.000Z_28` },
    ...overrides,
  };
}

export function buildKindHubData(locale: FixtureLocale, overrides: Partial<KindHubData> = {}): KindHubData {
  const chrome = buildChrome(locale, { canonicalUrl: `${SITE_URL}/${locale}/gpus` });
  const heading = chrome.t('hub.kind.gpu');
  return {
    chrome,
    heading,
    breadcrumbs: [
      { href: `/${locale}/`, label: chrome.t('breadcrumbs.home') },
      { href: `/${locale}/gpus`, label: heading },
    ],
    entities: [
      {
        href: `/${locale}/topics/h200`,
        label: 'H200',
        storyCount: 12,
        description: locale === 'zh' ? '英伟达的数据中心GPU。' : 'Nvidia’s data-centre GPU.',
      },
      {
        href: `/${locale}/topics/mi300x`,
        label: 'MI300X',
        storyCount: 1,
        description: locale === 'zh' ? 'AMD的AI加速器。' : 'AMD’s AI accelerator.',
      },
    ],
    stories: [0, 1].map((i) => buildStoryCard(locale, i)),
    ...overrides,
  };
}

export function buildErrorPageData(
  locale: FixtureLocale,
  status: ErrorPageData['status'] = 404,
): ErrorPageData {
  const chrome = buildChrome(locale, { alternates: [], noindex: true, jsonLd: [] });
  delete chrome.canonicalUrl;
  const heading = chrome.t(`error.${status}.heading`);
  chrome.title = `${heading} · ${chrome.siteName}`;
  return {
    chrome,
    status,
    heading,
    message: chrome.t(`error.${status}.message`),
    links: [
      { href: `/${locale}/`, label: chrome.t('error.backHome') },
      ...chrome.navigation.map(({ href, label }) => ({ href, label })),
    ],
  };
}
