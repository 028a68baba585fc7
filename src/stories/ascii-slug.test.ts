import { describe, expect, it } from 'vitest';
import { asciiSlug, suggestAsciiSlug } from './ascii-slug.js';
import { slugify } from './slug.js';

// Titles from the demo newsroom (src/cli/demo/newsroom.json), zh with their English variant.
const demo = [
  [
    '英伟达承诺投入260亿美元发展开放AI模型',
    'Nvidia commits $26B to open AI models',
    'nvidia-commits-26b-to-open-ai-models',
  ],
  [
    '高带宽内存供应紧张或延续至2027年，AI加速卡交付承压',
    'High-bandwidth memory shortage may run into 2027, squeezing AI accelerator deliveries',
    'high-bandwidth-memory-shortage-may-run-into-2027-squeezing',
  ],
  [
    '开放权重许可证对比：Llama、通义千问和DeepSeek分别允许你做什么',
    'Open-weights licences compared: what Llama, Qwen and DeepSeek let you do',
    'open-weights-licences-compared-what-llama-qwen-and-deepseek',
  ],
  [
    '阿里云发布通义千问Qwen3.5系列，旗舰混合专家模型以Apache 2.0开放权重',
    'Alibaba Cloud launches Qwen3.5, with its flagship mixture-of-experts model open under Apache 2.0',
    'alibaba-cloud-launches-qwen3-5-with-its-flagship-mixture-of',
  ],
] as const;

describe('suggestAsciiSlug from the English variant', () => {
  it.each(demo)('%s → %s', (zh, en, expected) => {
    const slug = suggestAsciiSlug({ title: zh, otherTitles: [{ locale: 'en', title: en }] });
    expect(slug).toBe(expected);
    expect(slug?.length).toBeLessThanOrEqual(60);
    // A slug the rest of the system accepts unchanged, and far shorter than the encoded Chinese one.
    expect(slugify(slug ?? '', 'zh')).toBe(slug);
    expect(encodeURIComponent(slugify(zh, 'zh')).length).toBeGreaterThan(100);
  });

  it('suggests nothing for a title without Chinese characters, or with no English title and no pinyin', () => {
    expect(
      suggestAsciiSlug({ title: 'Nvidia H200', otherTitles: [{ locale: 'en', title: 'x' }] }),
    ).toBeUndefined();
    expect(
      suggestAsciiSlug({ title: '英伟达财报', otherTitles: [{ locale: 'ja', title: 'エヌビディア' }] }),
    ).toBeUndefined();
    expect(
      suggestAsciiSlug({ title: '英伟达财报', otherTitles: [{ locale: 'en', title: '   ' }] }),
    ).toBeUndefined();
  });

  it('joins pinyin syllables as words and keeps Latin runs, cut at a word within 60 characters', () => {
    const syllables: Record<string, string> = { 英: 'ying', 伟: 'wei', 达: 'da', 财: 'cai', 报: 'bao' };
    const pinyin = (text: string) =>
      (text.match(/\p{Script=Han}|[^\p{Script=Han}]+/gu) ?? []).map((part) => syllables[part] ?? part);
    expect(suggestAsciiSlug({ title: '英伟达H200财报', pinyin })).toBe('ying-wei-da-h200-cai-bao');
    const long = suggestAsciiSlug({ title: '英伟达财报'.repeat(10), pinyin }) ?? '';
    expect(long.length).toBeLessThanOrEqual(60);
    expect(long).toMatch(/^ying-wei-da-cai-bao-.*[a-z]$/);
  });
});

describe('asciiSlug', () => {
  it('drops accents and apostrophes, keeps ASCII words and digits', () => {
    expect(asciiSlug('Café de l’Été: Nvidia’s H200 — 2.0!')).toBe('cafe-de-lete-nvidias-h200-2-0');
    expect(asciiSlug('ＧＰＵ')).toBe('gpu');
    expect(asciiSlug('a'.repeat(80))).toBe('a'.repeat(60));
    expect(asciiSlug('英伟达')).toBe('');
  });
});
