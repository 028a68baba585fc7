import { describe, expect, it } from 'vitest';
import { loadPinyin, suggestAsciiSlug } from './ascii-slug.js';

// Needs the `pinyin-pro` package (package.json); it bundles its dictionary, nothing is fetched.
describe('suggestAsciiSlug with pinyin-pro', () => {
  it('spells demo titles without an English variant in pinyin, within 60 characters', async () => {
    const pinyin = await loadPinyin();
    expect(pinyin, 'pinyin-pro is installed').toBeDefined();
    // Readings of characters with several (给: gei or ji) are the dictionary's choice, not tested here.
    expect(suggestAsciiSlug({ title: '台积电扩大2纳米产能', pinyin })).toBe(
      'tai-ji-dian-kuo-da-2-na-mi-chan-neng',
    );
    expect(suggestAsciiSlug({ title: '英伟达发布新一代数据中心芯片', pinyin })).toBe(
      'ying-wei-da-fa-bu-xin-yi-dai-shu-ju-zhong-xin-xin-pian',
    );
    expect(suggestAsciiSlug({ title: '英伟达承诺投入260亿美元发展开放AI模型', pinyin })).toBe(
      'ying-wei-da-cheng-nuo-tou-ru-260-yi-mei-yuan-fa-zhan-kai',
    );
    expect(suggestAsciiSlug({ title: '绿色能源', pinyin })).toBe('lv-se-neng-yuan');
  });
});
