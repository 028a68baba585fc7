import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LABELLED_STORIES } from '../../../test/fixtures/labelled-stories/index.js';
import { type CanonicalCandidate, normaliseUrl, pickCanonical } from './canonical.js';

describe('normaliseUrl', () => {
  it.each([
    ['http and https are one page', 'http://wire.example/a', 'https://wire.example/a'],
    ['www. goes', 'https://www.wire.example/a', 'https://wire.example/a'],
    ['fragment goes', 'https://wire.example/a#comments', 'https://wire.example/a'],
    ['trailing slashes go', 'https://wire.example/a//', 'https://wire.example/a'],
    ['a bare host', 'https://wire.example/', 'https://wire.example'],
    [
      'utm_* go, other parameters stay',
      'https://wire.example/a?utm_source=rss&id=7&UTM_Medium=x',
      'https://wire.example/a?id=7',
    ],
    ['only utm_*: no bare ?', 'https://wire.example/a/?utm_campaign=weibo', 'https://wire.example/a'],
    ['host case folds', 'https://Wire.EXAMPLE/A', 'https://wire.example/A'],
    ['default port goes', 'http://wire.example:80/a', 'https://wire.example/a'],
    ['query encoded one way', 'https://wire.example/a?q=a%20b', 'https://wire.example/a?q=a+b'],
    ['not http', 'mailto:desk@wire.example', null],
    ['not a URL', 'wire dot example', null],
  ])('%s', (_, url, expected) => expect(normaliseUrl(url)).toBe(expected));

  it('resolves a relative link against the page it is on', () => {
    expect(normaliseUrl('../b/', 'https://wire.example/news/a')).toBe('https://wire.example/b');
  });
});

const item = (
  id: number,
  publishedAt: string | null,
  url: string | null,
  links: string[] = [],
): CanonicalCandidate & { id: number } => ({ id, publishedAt, url, links });

describe('pickCanonical', () => {
  it('names the linked-to item the original even when a copy was stamped earlier', () => {
    const result = pickCanonical([
      item(1, '2026-03-10T14:00:00Z', 'https://wire.example/k9'),
      item(2, '2026-03-10T13:55:00Z', 'https://brief.example/k9', ['https://wire.example/k9?utm_source=rss']),
      item(3, '2026-03-10T15:00:00Z', 'https://ledger.example/k9', ['http://www.wire.example/k9/#top']),
    ]);
    expect(result).toEqual({ earliestId: 2, originalId: 1, inboundLinks: 2 });
  });

  it('names the earliest the original when nobody links', () => {
    const result = pickCanonical([
      item(1, '2026-03-10T14:00:00Z', 'https://wire.example/k9'),
      item(2, '2026-03-10T13:00:00+02:00', 'https://brief.example/k9'),
    ]);
    expect(result).toEqual({ earliestId: 2, originalId: 2, inboundLinks: 0 });
  });

  it.each([
    ['undated items come after dated ones', [item(1, null, null), item(2, '2026-01-02T00:00:00Z', null)], 2],
    [
      'an unparseable date counts as missing',
      [item(1, 'soon', null), item(2, '2026-01-02T00:00:00Z', null)],
      2,
    ],
    ['all undated: the smaller id', [item(9, null, null), item(4, null, null)], 4],
    [
      'same time: the smaller id',
      [item(9, '2026-01-02T00:00:00Z', null), item(4, '2026-01-02T00:00:00Z', null)],
      4,
    ],
    ['a single item', [item(7, null, null)], 7],
  ])('%s', (_, items, earliestId) => expect(pickCanonical(items).earliestId).toBe(earliestId));

  it('counts each citing item once and ignores links to itself', () => {
    const result = pickCanonical([
      item(1, '2026-01-01T00:00:00Z', 'https://a.example/x'),
      item(2, '2026-01-02T00:00:00Z', 'https://b.example/y', [
        'https://b.example/y',
        'https://b.example/y#again',
      ]),
      item(3, '2026-01-03T00:00:00Z', 'https://c.example/z', ['https://a.example/x', 'https://a.example/x/']),
    ]);
    expect(result).toEqual({ earliestId: 1, originalId: 1, inboundLinks: 1 });
  });

  it('prefers the earlier of two items cited equally often', () => {
    const result = pickCanonical([
      item(1, '2026-01-03T00:00:00Z', 'https://a.example/x', ['https://b.example/y']),
      item(2, '2026-01-02T00:00:00Z', 'https://b.example/y', ['https://a.example/x']),
    ]);
    expect(result.originalId).toBe(2);
  });

  it('understands relative links', () => {
    const result = pickCanonical([
      item(1, '2026-01-02T00:00:00Z', 'https://wire.example/news/a'),
      item(2, '2026-01-01T00:00:00Z', 'https://wire.example/briefs/b', ['../news/a']),
    ]);
    expect(result.originalId).toBe(1);
  });

  it('keeps string ids and their order', () => {
    const result = pickCanonical([
      { id: 'b', publishedAt: null, url: null },
      { id: 'a', publishedAt: null, url: null },
    ]);
    expect(result.earliestId).toBe('a');
  });

  it('does not depend on the order of the items', () => {
    const date = fc.option(
      fc.constantFrom('2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z'),
    );
    const host = fc.constantFrom('a', 'b', 'c', 'd');
    const candidate = fc.record({ publishedAt: date, host, links: fc.array(host, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(candidate, { minLength: 1, maxLength: 8 }), fc.nat(), (list, shift) => {
        const items = list.map((c, i) =>
          item(
            i,
            c.publishedAt,
            `https://${c.host}.example/${i}`,
            c.links.map((h) => `https://${h}.example/0`),
          ),
        );
        const rotated = [...items.slice(shift % items.length), ...items.slice(0, shift % items.length)];
        expect(pickCanonical(rotated)).toEqual(pickCanonical(items.reverse()));
      }),
    );
  });

  it('refuses an empty cluster', () => {
    expect(() => pickCanonical([])).toThrow(RangeError);
  });

  it('picks the wire stories in the labelled set', () => {
    const k9 = LABELLED_STORIES.filter((s) => s.label === 'corvid-k9/en');
    expect(pickCanonical(k9)).toEqual({
      earliestId: 'k9-en-dailysilicon',
      originalId: 'k9-en-wirewell',
      inboundLinks: 3,
    });
    const k9zh = LABELLED_STORIES.filter((s) => s.label === 'corvid-k9/zh');
    expect(pickCanonical(k9zh)).toEqual({
      earliestId: 'k9-zh-guancha',
      originalId: 'k9-zh-guancha',
      inboundLinks: 2,
    });
  });
});
