import { describe, expect, it } from 'vitest';
import { loadPinyin, suggestAsciiSlug } from './ascii-slug.js';

// Needs the `pinyin-pro` package (package.json); it bundles its dictionary, nothing is fetched.
describe('suggestAsciiSlug with pinyin-pro', () => {
  it('spells demo titles without an English variant in pinyin, within 60 characters', async () => {
    const pinyin = await loadPinyin();
    expect(pinyin, 'pinyin-pro is installed').toBeDefined();
    expect(suggestAsciiSlug({ title: '台积电将更多2纳米产能分配给AI加速芯片', pinyin })).toBe(
      'tai-ji-dian-jiang-geng-duo-2-na-mi-chan-neng-fen-pei-gei-ai',
    );
    expect(suggestAsciiSlug({ title: '英伟达承诺投入260亿美元发展开放AI模型', pinyin })).toBe(
      'ying-wei-da-cheng-nuo-tou-ru-260-yi-mei-yuan-fa-zhan-kai',
    );
    expect(suggestAsciiSlug({ title: '绿色能源', pinyin })).toBe('lv-se-neng-yuan');
  });
});
