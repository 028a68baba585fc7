import { describe, expect, it } from 'vitest';
import { MAX_QUERY_LENGTH, normalisePath, type PageKey, pageKey, type QueryParameter } from './page-key.js';

const LIST: QueryParameter[] = [{ name: 'page', default: '1' }];
const CURSOR: QueryParameter[] = [{ name: 'before', pattern: /^[a-z]\d$/ }];
const page = (key: string): PageKey => ({ kind: 'page', key });
const redirect = (location: string): PageKey => ({ kind: 'redirect', location });

describe('pageKey', () => {
  it.each<[string, string, QueryParameter[], PageKey]>([
    ['a bare path', '/en/ai-models/', LIST, page('/en/ai-models/')],
    ['an empty query', '/en/ai-models/?', LIST, page('/en/ai-models/')],
    ['a declared parameter', '/en/ai-models/?page=2', LIST, page('/en/ai-models/?page=2')],
    ['a declared parameter at its default', '/en/ai-models/?page=1', LIST, page('/en/ai-models/')],
    ['the first of two occurrences', '/en/ai-models/?page=3&page=4', LIST, page('/en/ai-models/?page=3')],
    ['a percent-encoded name and value', '/en/ai-models/?pa%67e=%33', LIST, page('/en/ai-models/?page=3')],
    ['fbclid', '/en/ai-models/x?fbclid=IwAR0abc', [], page('/en/ai-models/x')],
    ['utm_* in any case', '/en/?utm_source=x&UTM_Medium=y&utm_whatever=z', [], page('/en/')],
    [
      'gclid, msclkid, mc_cid, _ga, igshid, ref',
      '/en/?gclid=1&msclkid=2&mc_cid=3&_ga=4&igshid=5&ref=6',
      [],
      page('/en/'),
    ],
    [
      'tracking beside a declared parameter',
      '/en/ai-models/?utm_source=x&page=2',
      LIST,
      page('/en/ai-models/?page=2'),
    ],
    ['an empty name', '/en/?&=x&', [], page('/en/')],
    ['a value its pattern accepts', '/en/x/?before=a1', CURSOR, page('/en/x/?before=a1')],
    ['a value its pattern refuses', '/en/x/?before=%3Cjunk%3E', CURSOR, { kind: 'uncached' }],
    ['a refused value beside an unknown parameter', '/en/x/?sort=new&before=!', CURSOR, { kind: 'uncached' }],
    ['an unknown parameter', '/en/feed.xml?x=1', [], redirect('/en/feed.xml')],
    [
      'an unknown parameter beside a declared one',
      '/en/ai-models/?page=2&sort=new',
      LIST,
      redirect('/en/ai-models/?page=2'),
    ],
    ['a parameter another route reads', '/en/ai-models/story?page=2', [], redirect('/en/ai-models/story')],
    ['an unknown parameter beside tracking', '/en/?fbclid=1&junk', [], redirect('/en/')],
    ['encoded unreserved characters in the path', '/en/%61i-models/', LIST, page('/en/ai-models/')],
    ['lower-case escapes of reserved characters', '/en/a%2fb', [], page('/en/a%2Fb')],
    ['a protocol-relative path', '//evil.example/?x=1', [], { kind: 'uncached' }],
    ['a backslash path', '/\\evil.example/?x=1', [], { kind: 'uncached' }],
    ['an absolute-form target', 'http://evil.example/', [], { kind: 'uncached' }],
  ])('%s', (_, target, declared, expected) => {
    expect(pageKey(target, declared)).toEqual(expected);
  });

  it('keeps declared parameters in their declared order, whatever the request’s', () => {
    const declared: QueryParameter[] = [{ name: 'b' }, { name: 'a' }];
    expect(pageKey('/x?a=1&b=2', declared)).toEqual(page('/x?b=2&a=1'));
    expect(pageKey('/x?b=2&a=1', declared)).toEqual(page('/x?b=2&a=1'));
  });

  it('encodes kept values so that a key cannot be forged from another', () => {
    expect(pageKey('/x?page=2%26a%3D1', LIST)).toEqual(page('/x?page=2%26a%3D1'));
  });

  it('sends an absurdly long query to the bare path without reading it', () => {
    const padded = `/en/feed.xml?page=2&${'a'.repeat(MAX_QUERY_LENGTH)}`;
    expect(pageKey(padded, LIST)).toEqual(redirect('/en/feed.xml'));
    expect(pageKey(`/en/?utm_source=${'a'.repeat(MAX_QUERY_LENGTH - 11)}`, [])).toEqual(page('/en/'));
  });
});

describe('normalisePath', () => {
  it('leaves a path without escapes alone', () => {
    expect(normalisePath('/zh/ai-models/story-1')).toBe('/zh/ai-models/story-1');
  });
  it('keeps non-ASCII escapes, upper-cased', () => {
    expect(normalisePath('/zh/%e6%a8%a1')).toBe('/zh/%E6%A8%A1');
  });
});
