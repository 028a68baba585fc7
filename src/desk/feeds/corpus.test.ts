import { describe, expect, it } from 'vitest';
import { corpusFile, corpusFiles } from '../../../test/support/corpus.js';
import { isDomainError } from '../../platform/errors.js';
import { FeedRefused } from './errors.js';
import { parseFeedDocument } from './parse.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const now = new Date('2026-01-01T00:00:00Z');

/** Counts <item>/<entry> start tags (and JSON Feed items) in the raw text, independently of feedsmith. */
function countItemsIndependently(bytes: Buffer): number | null {
  const raw = bytes.toString('latin1');
  if (raw.trimStart().startsWith('{'))
    return (JSON.parse(bytes.toString('utf8')) as { items: unknown[] }).items.length;
  if (raw.includes('\0')) return null; // UTF-16/32: counted in encoding tests instead
  const withoutCdata = raw.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '').replace(/<!--[\s\S]*?-->/g, '');
  return (withoutCdata.match(/<(?:[\w-]+:)?(?:item|entry)[\s>]/g) ?? []).length;
}

describe('feeds/valid: every file parses, with as many items as the raw text holds', () => {
  for (const file of corpusFiles('feeds/valid')) {
    it(file, () => {
      const bytes = corpusFile(file);
      const doc = parseFeedDocument(bytes, { now });
      const expected = countItemsIndependently(bytes);
      if (expected !== null) expect(doc.items.length).toBe(expected);
      for (const item of doc.items) {
        if (item.url !== null) expect(() => new URL(item.url as string)).not.toThrow();
        if (item.publishedAt !== null) expect(item.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
        expect(JSON.stringify(item)).not.toMatch(LONE_SURROGATE);
      }
    });
  }
});

describe('feeds/illformed: parsed as far as possible, or a typed error', () => {
  for (const file of corpusFiles('feeds/illformed')) {
    it(file, () => {
      try {
        const doc = parseFeedDocument(corpusFile(file), { now });
        expect(Array.isArray(doc.items)).toBe(true);
      } catch (error) {
        expect(isDomainError(error), String(error)).toBe(true);
      }
    });
  }
});

// Parsed safely on purpose: the escaped HTML is inert text here (the sanitizer must bound depth),
// and the JSON extension value nested 100 000 deep is never walked.
const HOSTILE_BUT_INERT = [
  'feeds/hostile/written--deep-nesting-escaped-html.rss.xml',
  'feeds/hostile/written--deep-nesting.json',
];

describe('feeds/hostile: refused with a typed error, never expanded or fetched', () => {
  for (const file of corpusFiles('feeds/hostile')) {
    it(file, () => {
      const bytes = corpusFile(file);
      if (HOSTILE_BUT_INERT.includes(file)) {
        expect(parseFeedDocument(bytes, { now }).items).toHaveLength(1);
        return;
      }
      let caught: unknown;
      try {
        parseFeedDocument(bytes, { now });
      } catch (error) {
        caught = error;
      }
      expect(isDomainError(caught), String(caught)).toBe(true);
      if (bytes.toString('latin1').includes('<!DOCTYPE')) expect(caught).toBeInstanceOf(FeedRefused);
    });
  }
});
