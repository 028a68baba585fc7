import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExportDocument, parseExportDocument } from '../stories/index.js';
import { SourceSchema } from './schema.js';

// What the editor and the Admin API accept as a source's date, the export must carry and the
// import must accept, unchanged (issue 11: a date entered as `2026-12-06` failed to import).

function documentWithSourceDate(publishedAt: string): ExportDocument {
  return {
    format: 'code-velocity-export',
    version: 1,
    exportedAt: '2026-12-07T00:00:00.000Z',
    settings: {
      name: { en: 'Site' },
      tagline: { en: '' },
      locales: ['en'],
      defaultLocale: 'en',
      navigation: [],
      fallbacks: {},
    },
    sections: [],
    entities: [],
    media: [],
    stories: [
      {
        section: 'chips',
        sourceLocale: 'en',
        entities: [],
        sources: [{ url: 'https://news.example.com/a', publisher: '', author: '', publishedAt }],
        variants: [{ locale: 'en', title: 'T', summary: '', body: '', faq: [], heroAlt: '' }],
      },
    ],
  };
}

/** The date as the import reads it back, or undefined when the import refuses the document. */
function importedDate(publishedAt: string): string | null | undefined {
  try {
    return parseExportDocument(documentWithSourceDate(publishedAt)).stories[0]?.sources[0]?.publishedAt;
  } catch {
    return undefined;
  }
}

function editorDate(publishedAt: string): string | null | undefined {
  const parsed = SourceSchema.safeParse({ url: 'https://news.example.com/a', publishedAt });
  return parsed.success ? parsed.data.publishedAt : undefined;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const instants = fc.date({
  min: new Date('1900-01-01T00:00:00Z'),
  max: new Date('2199-12-31T23:59:59Z'),
  noInvalidDate: true,
});

/** What `<input type="date">` sends. */
const calendarDates = instants.map((d) => d.toISOString().slice(0, 10));

/** A date-time written at some offset (`Z`, `+08:00`, `-03:30`), with or without fractions. */
const offsetDateTimes = fc
  .record({
    instant: instants,
    offsetMinutes: fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15),
    zulu: fc.boolean(),
    fraction: fc.constantFrom('', '.5', '.123', '.000000'),
  })
  .map(({ instant, offsetMinutes, zulu, fraction }) => {
    const minutes = zulu ? 0 : offsetMinutes;
    const local = new Date(instant.getTime() + minutes * 60_000).toISOString().slice(0, 19);
    const sign = minutes < 0 ? '-' : '+';
    const offset = zulu
      ? 'Z'
      : `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
    return `${local}${fraction}${offset}`;
  });

/** Near misses: no offset, a space for `T`, month 13, a bare year, junk. */
const nearMisses = fc.oneof(
  offsetDateTimes.map((s) => s.replace(/(Z|[+-]\d\d:\d\d)$/, '')),
  offsetDateTimes.map((s) => s.replace('T', ' ')),
  calendarDates.map((s) => s.replace(/-\d\d-/, '-13-')),
  calendarDates.map((s) => s.slice(0, 4)),
  calendarDates.map((s) => `${s}T`),
  fc.string(),
);

describe('a source date from the editor through export and import', () => {
  it('imports every calendar date and offset date-time the editor accepts, unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(calendarDates, offsetDateTimes), (date) => {
        expect(editorDate(date)).toBe(date);
        expect(importedDate(date)).toBe(date);
      }),
    );
  });

  it('accepts on import exactly what the editor accepts', () => {
    fc.assert(
      fc.property(fc.oneof(calendarDates, offsetDateTimes, nearMisses), (date) => {
        expect(importedDate(date)).toBe(editorDate(date));
      }),
    );
  });

  it.each([
    ['the editor’s date field', '2026-12-06'],
    ['a feed’s UTC date-time', '2026-12-06T08:30:00.000Z'],
    ['a date-time with its offset', '2026-12-06T08:30:00+08:00'],
  ])('keeps %s as written', (_, date) => {
    expect(importedDate(date)).toBe(date);
  });

  it.each([
    ['a local time without offset', '2026-12-06T08:30:00'],
    ['an impossible month', '2026-13-06'],
    ['words', 'last Tuesday'],
  ])('refuses %s, as the editor does', (_, date) => {
    expect(editorDate(date)).toBeUndefined();
    expect(importedDate(date)).toBeUndefined();
  });
});
