import { describe, expect, it } from 'vitest';
import { suggestEntities } from './entity-mentions.js';
import type { Entity } from './model.js';

const entity = (id: number, slug: string, zh: [string, string[]], en: [string, string[]]): Entity => ({
  id,
  slug,
  kind: 'company',
  translations: {
    zh: { name: zh[0], aliases: zh[1], description: '' },
    en: { name: en[0], aliases: en[1], description: '' },
  },
});

const nvidia = entity(1, 'nvidia', ['英伟达', ['辉达']], ['Nvidia', ['NVDA']]);
const amd = entity(2, 'amd', ['超威半导体', ['AMD']], ['AMD', []]);
const h200 = entity(3, 'h200', ['H200', []], ['H200', []]);
const arm = entity(4, 'arm', ['安谋', []], ['Arm', []]);
const cpp = entity(5, 'cpp', ['C++', []], ['C++', []]);
const ENTITIES = [nvidia, amd, h200, arm, cpp];

const slugs = (texts: string[], exclude: number[] = []) =>
  suggestEntities(texts, ENTITIES, exclude).map((s) => s.slug);

describe('suggestEntities', () => {
  it.each<[string, string[], number[], string[]]>([
    ['a Chinese name suggests the entity: 英伟达 → Nvidia', ['英伟达今天发布了新芯片。'], [], ['nvidia']],
    ['an alias in another language: 辉达', ['辉达的股价上涨。'], [], ['nvidia']],
    ['the English name in any capitalisation', ['NVIDIA and nvidia-watchers'], [], ['nvidia']],
    ['a Latin name right next to Han characters', ['英伟达的H200芯片供不应求'], [], ['nvidia', 'h200']],
    ['not inside a longer word or number', ['The H2000 and AMDGPU drivers'], [], []],
    ['a capitalised name written all in lower case is the common word', ['at arm’s length'], [], []],
    ['the same name capitalised is the company', ['Arm licenses its designs'], [], ['arm']],
    [
      'first mention first, each entity once',
      ['AMD 与英伟达竞争，英伟达领先。AMD 追赶。'],
      [],
      ['amd', 'nvidia'],
    ],
    ['already tagged entities are left out', ['英伟达和AMD'], [1], ['amd']],
    ['full-width letters count after NFKC', ['ＮＶＩＤＩＡ发布财报'], [], ['nvidia']],
    ['names with regular-expression characters', ['Written in C++ for speed'], [], ['cpp']],
    ['texts are searched together (title, body, FAQ)', ['标题', 'FAQ mentions AMD'], [], ['amd']],
    ['empty text suggests nothing', ['', '  '], [], []],
  ])('%s', (_, texts, exclude, expected) => expect(slugs(texts, exclude)).toEqual(expected));

  it('says which name it found', () => {
    expect(suggestEntities(['辉达发布'], ENTITIES)).toEqual([
      { entityId: 1, slug: 'nvidia', matched: '辉达' },
    ]);
  });
});
