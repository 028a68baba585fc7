import { describe, expect, it } from 'vitest';
import { isCjk, normaliseText, tokenise } from './normalise.js';

describe('normaliseText', () => {
  it.each([
    ['case and punctuation', 'Nvidia Unveils H200, Says: "Faster!"', 'nvidia unveils h200 says faster'],
    ['full-width letters and digits fold (NFKC)', 'Ｎｖｉｄｉａ　Ｈ２００', 'nvidia h200'],
    ['ligature folds', 'ﬁnance ﬂow', 'finance flow'],
    ['apostrophes join, both kinds', "Fed's Plosser ’s", 'feds plosser s'],
    ['hyphens and slashes separate', 'data-centre/cloud', 'data centre cloud'],
    ['whitespace runs collapse', '  a \n\t b  ', 'a b'],
    ['CJK punctuation goes', '英伟达发布H200芯片，性能提升。', '英伟达发布h200芯片 性能提升'],
    ['accents are kept (NFKC composes them)', 'Cafe\u0301 Zürich', 'café zürich'],
    ['emoji and symbols are punctuation', 'AI 🚀 boom $5bn', 'ai boom 5bn'],
    ['only punctuation', '—!?…', ''],
    ['empty', '', ''],
  ])('%s', (_, text, expected) => expect(normaliseText(text)).toBe(expected));
});

describe('tokenise', () => {
  it.each([
    ['English words', 'OpenAI releases GPT-5 today', ['openai', 'releases', 'gpt', '5', 'today']],
    ['Chinese: one token per character', '英伟达发布', ['英', '伟', '达', '发', '布']],
    ['mixed Chinese and Latin', '英伟达发布H200芯片', ['英', '伟', '达', '发', '布', 'h200', '芯', '片']],
    ['Japanese kana, with the length mark', 'データセンター', ['デ', 'ー', 'タ', 'セ', 'ン', 'タ', 'ー']],
    ['Korean Hangul syllables', '삼성 반도체', ['삼', '성', '반', '도', '체']],
    ['Han outside the BMP (extension B)', '𠀀字', ['𠀀', '字']],
    ['Cyrillic is spaced text', 'Яндекс запускает', ['яндекс', 'запускает']],
    ['empty', '', []],
  ])('%s', (_, text, expected) => expect(tokenise(text)).toEqual(expected));
});

describe('isCjk', () => {
  it.each([
    ['字', true],
    ['ア', true],
    ['한', true],
    ['a', false],
    ['5', false],
    ['я', false],
    ['', false],
  ])('%j → %s', (char, expected) => expect(isCjk(char)).toBe(expected));
});
