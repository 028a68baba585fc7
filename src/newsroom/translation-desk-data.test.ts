import { describe, expect, it } from 'vitest';
import type { Entity } from '../stories/index.js';
import { deskRows, entityHints } from './translation-desk-data.js';

const entities: Entity[] = [
  {
    id: 1,
    kind: 'company',
    slug: 'nvidia',
    translations: {
      zh: { name: '英伟达', aliases: ['辉达'], description: '' },
      en: { name: 'Nvidia', aliases: ['英伟达', '辉达'], description: '' },
    },
  },
  {
    id: 2,
    kind: 'company',
    slug: 'amd',
    translations: {
      zh: { name: 'AMD', aliases: [], description: '' },
      en: { name: 'AMD', aliases: [], description: '' },
    },
  },
];

describe('entityHints', () => {
  it('offers the target language’s name for a name or alias the source wrote, not one already the same', () => {
    expect(entityHints('辉达与AMD的路线对比', entities, 'en')).toEqual([
      { source: '辉达', target: 'Nvidia' },
    ]);
    expect(entityHints('英伟达', entities, 'fr')).toEqual([]);
  });
});

describe('deskRows', () => {
  const source = '## 背景\n\n英伟达发布新芯片。\n\n| 型号 | 功耗 |\n| --- | --- |\n| Rubin | 700瓦 |';

  it('pairs each source block with its translation, the table as cells, entity names by the block', () => {
    const rows = deskRows({
      sourceBody: source,
      translationBody: '## Background\n\n| Model | ⟦功耗⟧ |\n| --- | --- |\n| Rubin | ⟦700瓦⟧ |',
      entities,
      locale: 'en',
    });
    expect(rows.map((r) => [r.source?.block.kind, r.translation.markdown.split('\n')[0]])).toEqual([
      ['heading', '## Background'],
      ['paragraph', ''],
      ['table', '| Model | ⟦功耗⟧ |'],
    ]);
    expect(rows[1]?.source?.entities).toEqual([{ source: '英伟达', target: 'Nvidia' }]);
    expect(rows[2]?.translation.table?.rows).toEqual([
      ['Model', '⟦功耗⟧'],
      ['Rubin', '⟦700瓦⟧'],
    ]);
  });

  it('carries each source block’s change and keeps translation blocks the source lacks', () => {
    const rows = deskRows({
      sourceBody: '第一段。',
      translationBody: 'First.\n\nA note only in English.',
      changes: [{ kind: 'added' }],
      entities,
      locale: 'en',
    });
    expect(rows.map((r) => [r.source?.change.kind, r.translation.markdown])).toEqual([
      ['added', 'First.'],
      [undefined, 'A note only in English.'],
    ]);
  });
});
