import { describe, expect, it } from 'vitest';
import { readPickerRequest } from './media-picker-request.js';

describe('readPickerRequest', () => {
  it.each([
    ['nothing: the newest images', {}, { query: '' }],
    ['a search, trimmed', { query: '  harbour ' }, { query: 'harbour' }],
    ['a search past 100 characters, cut', { query: 'a'.repeat(300) }, { query: 'a'.repeat(100) }],
    ['older than an id', { before: '42' }, { query: '', cursor: { before: 42 } }],
    [
      'newer than an id, with a search',
      { query: '港口', after: '7' },
      { query: '港口', cursor: { after: 7 } },
    ],
    ['the largest id', { before: '2147483647' }, { query: '', cursor: { before: 2147483647 } }],
    ['past the largest id', { before: '2147483648' }, { query: '', badCursor: true }],
    ['a word', { before: 'abc' }, { query: '', badCursor: true }],
    ['zero', { after: '0' }, { query: '', badCursor: true }],
    ['a leading zero', { after: '07' }, { query: '', badCursor: true }],
    ['an exponent', { before: '1e3' }, { query: '', badCursor: true }],
    ['empty', { before: '' }, { query: '', badCursor: true }],
    ['both ways at once', { before: '9', after: '3' }, { query: '', badCursor: true }],
  ])('%s', (_, input, expected) => expect(readPickerRequest(input)).toEqual(expected));
});
