import { describe, expect, it } from 'vitest';
import { type ComparableContent, diffContent, diffText, faqAsText } from './diff.js';

const base: ComparableContent = {
  title: '英伟达发布新芯片',
  summary: '性能提升。',
  body: '## 背景\n\n第一段。\n\n第二段。\n',
  faq: [{ question: '何时上市？', answer: '明年。' }],
};

const render = (before: string, after: string) =>
  diffText(before, after)
    .map((p) => `${p.kind === 'added' ? '+' : p.kind === 'removed' ? '-' : ' '}${p.text.replace(/\n$/, '')}`)
    .join('|');

describe('diffText', () => {
  it.each([
    ['identical text', 'a\nb', 'a\nb', ' a\nb'],
    ['a line appended, the last line not shown as changed', 'a\nb', 'a\nb\nc', ' a\nb|+c'],
    ['a line replaced', 'a\nb\nc', 'a\nB\nc', ' a|-b|+B| c'],
    ['a line removed', 'a\nb\nc', 'a\nc', ' a|-b| c'],
    ['CRLF from a browser equals LF', 'a\r\nb\r\n', 'a\nb\n', ' a\nb'],
    ['from nothing', '', '新的', '+新的'],
  ])('%s', (_, before, after, expected) => expect(render(before, after)).toBe(expected));
});

describe('diffContent', () => {
  it('compares title, summary, body and FAQ in that order and says which changed', () => {
    const fields = diffContent(base, { ...base, body: '## 背景\n\n第一段。\n\n第二段改了。\n' });
    expect(fields.map((f) => [f.field, f.changed])).toEqual([
      ['title', false],
      ['summary', false],
      ['body', true],
      ['faq', false],
    ]);
    const body = fields[2]?.parts ?? [];
    expect(body.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['第二段。\n']);
    expect(body.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['第二段改了。\n']);
  });

  it('shows an FAQ answer edit as that line only', () => {
    const faq = diffContent(base, { ...base, faq: [{ question: '何时上市？', answer: '今年。' }] })[3];
    expect(faq?.parts.map((p) => [p.kind, p.text])).toEqual([
      ['same', 'Q: 何时上市？\n'],
      ['removed', 'A: 明年。\n'],
      ['added', 'A: 今年。\n'],
    ]);
  });

  it('writes the FAQ as Q/A paragraphs', () => {
    expect(
      faqAsText([
        { question: 'q1', answer: 'a1' },
        { question: 'q2', answer: 'a2' },
      ]),
    ).toBe('Q: q1\nA: a1\n\nQ: q2\nA: a2');
  });
});
