import type { SiteSettings } from '../../stories/types.js';

/** The demo newsroom's settings: a Chinese-first site with an English edition. */
export const demoSite: SiteSettings = {
  name: { zh: '码速', en: 'Code Velocity' },
  tagline: {
    zh: '每天读懂AI模型、芯片与算力',
    en: 'AI models, chips and compute, explained every day',
  },
  locales: ['zh', 'en'],
  defaultLocale: 'zh',
  navigation: ['ai-models', 'chips', 'industry'],
  fallbacks: { en: ['zh'], zh: ['en'] },
};
