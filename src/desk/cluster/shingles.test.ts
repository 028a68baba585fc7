import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashString } from './hash.js';
import { shingleHashes, shingles, signatureText } from './shingles.js';

describe('signatureText', () => {
  it.each([
    [
      'title and body',
      { title: 'Corvid unveils K9', text: 'The chip is fast.' },
      {},
      'corvid unveils k9 the chip is fast',
    ],
    ['no body', { title: 'Corvid unveils K9', text: null }, {}, 'corvid unveils k9'],
    ['no title', { title: null, text: 'Only a body' }, {}, 'only a body'],
    [
      'body cut at the word budget',
      { title: 'T', text: 'one two three four' },
      { maxBodyWords: 2 },
      't one two',
    ],
    [
      'two CJK characters count as one word',
      { title: '标题', text: '一二三四五' },
      { maxBodyWords: 2 },
      '标 题 一 二 三 四',
    ],
    ['the title is never cut', { title: 'a b c d e', text: 'f' }, { maxBodyWords: 0 }, 'a b c d e'],
    ['both empty', { title: '', text: '' }, {}, ''],
  ])('%s', (_, source, options, expected) => expect(signatureText(source, options)).toBe(expected));
});

describe('shingles', () => {
  it.each([
    ['English word bigrams', 'Corvid unveils the K9', {}, ['corvid unveils', 'unveils the', 'the k9']],
    ['Chinese character bigrams', '渡鸦发布', {}, ['渡 鸦', '鸦 发', '发 布']],
    [
      'mixed text: each window sized by the script it starts in',
      '发布H200芯片',
      {},
      ['发 布', '布 h200', 'h200 芯', '芯 片'],
    ],
    ['a text shorter than one window is its own shingle', 'Fed', {}, ['fed']],
    ['repeats are kept once', 'a b a b', {}, ['a b', 'b a']],
    ['word trigrams on request', 'a b c d', { wordsPerShingle: 3 }, ['a b c', 'b c d']],
    [
      'a long window near the end is skipped, a short one still fits',
      'x y 字 词',
      { wordsPerShingle: 4 },
      ['x y 字 词', '字 词'],
    ],
    ['nothing to shingle', '?!', {}, []],
  ])('%s', (_, text, options, expected) => expect(shingles(text, options)).toEqual(expected));

  it('shingleHashes hashes exactly the shingles, without building them', () => {
    const text = fc.stringMatching(/^[a-zA-Z0-9 渡鸦半导体发布芯片,。]{0,60}$/);
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (t, w, c) => {
        const options = { wordsPerShingle: w, charsPerShingle: c };
        const fromStrings = new Set(shingles(t, options).map(hashString));
        expect(new Set(shingleHashes(t, options))).toEqual(fromStrings);
      }),
    );
  });
});
