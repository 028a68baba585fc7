import { describe, expect, it } from 'vitest';
import {
  alignSequences,
  alignTranslation,
  blockChanges,
  joinBlocks,
  splitBlocks,
  tableCells,
} from './block-alignment.js';

const SOURCE = [
  '## 三个规格',
  '此次发布的端侧模型共有三个规格：',
  '1. **0.5B版本**\n2. **1.5B版本**',
  '| 版本 | 参数 |\n| --- | --- |\n| 0.5B | 5亿 |',
  '## 为什么要在本地运行',
  '把模型放在手机上运行。',
].join('\n\n');

describe('splitBlocks', () => {
  it('lists top-level blocks with their Markdown as written', () => {
    expect(splitBlocks(SOURCE).map((b) => [b.kind, b.level])).toEqual([
      ['heading', 2],
      ['paragraph', 0],
      ['list', 0],
      ['table', 0],
      ['heading', 2],
      ['paragraph', 0],
    ]);
    expect(splitBlocks(SOURCE)[3]?.markdown).toBe('| 版本 | 参数 |\n| --- | --- |\n| 0.5B | 5亿 |');
  });

  it('joins back to the same body', () => {
    expect(joinBlocks(splitBlocks(SOURCE).map((b) => b.markdown))).toBe(SOURCE);
    expect(joinBlocks(['a', '  ', 'b\n\n'])).toBe('a\n\nb');
  });
});

describe('alignTranslation', () => {
  it('pairs blocks of the same kind and level in order, leaving a gap where a side has none (a list, a heading)', () => {
    const translation = splitBlocks(
      [
        '## Three sizes',
        'There are three sizes:',
        '| Version | Parameters |\n| --- | --- |\n| 0.5B | 500M |',
        'Extra note.',
      ].join('\n\n'),
    );
    expect(alignTranslation(splitBlocks(SOURCE), translation)).toEqual([
      [0, 0],
      [1, 1],
      [2, undefined],
      [3, 2],
      [4, undefined],
      [5, 3],
    ]);
  });

  it('pairs unmatched runs between matches side by side instead of stacking them', () => {
    expect(alignSequences(['a', 'x', 'y', 'b'], ['a', 'p', 'q', 'b'], (s, t) => s === t)).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });
});

describe('blockChanges', () => {
  it('marks the edited block with a word diff, a new block as added, and the rest unchanged', () => {
    const before = splitBlocks(SOURCE);
    const now = splitBlocks(
      SOURCE.replace('把模型放在手机上运行。', '把模型放在手机上运行，更省电。').replace(
        '## 为什么要在本地运行',
        '新的一段。\n\n## 为什么要在本地运行',
      ),
    );
    const changes = blockChanges(before, now);
    expect(changes.map((c) => c.kind)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
      'added',
      'unchanged',
      'edited',
    ]);
    const edited = changes[6];
    expect(edited?.kind === 'edited' && edited.pieces.filter((p) => p.kind !== 'same')).toEqual([
      { kind: 'added', text: '，更省电' },
    ]);
  });

  it('finds nothing changed between a body and itself', () => {
    expect(blockChanges(splitBlocks(SOURCE), splitBlocks(SOURCE)).every((c) => c.kind === 'unchanged')).toBe(
      true,
    );
  });
});

describe('tableCells', () => {
  it('gives each cell as written, an escaped pipe kept inside its cell', () => {
    expect(tableCells('| ⟦版本⟧ | ⟦参数⟧ |\n| :-- | --- |\n| a \\| b | c |')).toEqual({
      rows: [
        ['⟦版本⟧', '⟦参数⟧'],
        ['a \\| b', 'c'],
      ],
      delimiter: '| :-- | --- |',
    });
  });

  it('refuses a table whose split disagrees with the parser, so it is edited as text', () => {
    expect(tableCells('| a | b |\n| --- | --- |\n| x | y | z |')).toBeUndefined();
    expect(tableCells('not a table')).toBeUndefined();
  });
});
