import { describe, expect, it, vi } from 'vitest';
import * as loader from './eld-loader.js';
import { checkVariantLanguage, checkVariantLanguageLazily, loadLanguageDetector } from './language-qa.js';

vi.mock('./eld-loader.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('./eld-loader.js')>();
  return { ...original, loadEldMedium: vi.fn(original.loadEldMedium) };
});

const zh = {
  locale: 'zh',
  title: '英伟达发布新一代数据中心芯片',
  summary: '新芯片显存带宽大幅提升，训练成本随之下降。',
  body: '## 新一代芯片\n\n英伟达在本周的开发者大会上发布了新一代数据中心芯片，显存带宽大幅提升。\n\n| 型号 | 显存 |\n| --- | --- |\n| H100 | 80 GB |',
  faq: [{ question: '新芯片什么时候上市？', answer: '英伟达表示，新芯片将在今年第四季度向云服务商供货。' }],
  heroAlt: '英伟达首席执行官在发布会上展示新芯片的主板',
};

describe('checkVariantLanguageLazily', () => {
  it('decides an all-CJK variant by script, without loading eld', async () => {
    expect(await checkVariantLanguageLazily(zh)).toEqual([]);
    expect(await checkVariantLanguageLazily({ ...zh, locale: 'ko' })).toMatchObject([
      { location: 'title', detected: 'zh', expected: 'ko' },
      { location: 'summary' },
      { location: 'hero alt' },
      { location: 'body, paragraph group 1' },
      { location: 'body, paragraph group 2 (table)' },
      { location: 'faq 1, question' },
      { location: 'faq 1, answer' },
    ]);
    expect(loader.loadEldMedium).not.toHaveBeenCalled();
  });

  it('loads eld for Latin text and finds what the eager check finds', async () => {
    const variant = {
      ...zh,
      faq: [
        {
          question: 'When does the new chip ship?',
          answer: 'Nvidia says cloud providers will receive it in the fourth quarter.',
        },
      ],
    };
    const findings = await checkVariantLanguageLazily(variant);
    expect(loader.loadEldMedium).toHaveBeenCalledTimes(1);
    expect(findings.map((f) => `${f.location}: ${f.detected}`)).toEqual([
      'faq 1, question: en',
      'faq 1, answer: en',
    ]);
    expect(findings).toEqual(checkVariantLanguage(variant, await loadLanguageDetector()));
  });
});
