import { describe, expect, it } from 'vitest';
import { checkVariantLanguageLazily } from '../publishing/index.js';
import { parseDemoDocument, readDemoDocument } from './seed.js';

// The demo goes in through the import path, which does not run language QA again (an export was
// checked when it was published); the document is checked here instead, once, as an editor's
// publish would check it.

describe('the demo document', () => {
  const document = readDemoDocument();

  it('is an export document of a version this release reads, with the whole newsroom', () => {
    expect(document.format).toBe('code-velocity-export');
    expect(document.version).toBe(1);
    expect(document.settings.locales).toEqual(['zh', 'en']);
    expect(document.sections.map((s) => s.key)).toEqual(['ai-models', 'chips', 'industry']);
    expect(document.stories.length).toBeGreaterThanOrEqual(12);
    const heroes = document.stories.map((s) => s.heroImage).filter(Boolean);
    expect(document.media.map((m) => m.fileName).sort()).toEqual([...new Set(heroes)].sort());
  });

  it('passes language QA on every variant, alt text and FAQ included', async () => {
    for (const story of document.stories) {
      for (const variant of story.variants) {
        const findings = await checkVariantLanguageLazily(variant);
        expect(findings, `${variant.locale} ${variant.slug}`).toEqual([]);
      }
    }
  });
});

describe('parseDemoDocument', () => {
  const current = readDemoDocument();

  it.each([
    [
      'a newer version',
      { ...current, version: 2 },
      /^demo\.json is export version 2; this release reads version 1\.$/,
    ],
    ['no version', { ...current, version: undefined }, /is export version undefined; this release reads/],
    ['another format', { format: 'ghost' }, /^demo\.json is not a Code Velocity export document/],
    ['not an object', 'hello', /is not a Code Velocity export document/],
  ])('refuses %s with one sentence', (_, json, message) => {
    expect(() => parseDemoDocument(json, 'demo.json')).toThrow(message);
  });

  it('reports a broken field of a readable version by its path', () => {
    const broken = { ...current, sections: [{ ...current.sections[0], key: '' }] };
    expect(() => parseDemoDocument(broken, 'demo.json')).toThrow(/sections\.0\.key/);
  });
});
