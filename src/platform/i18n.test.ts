import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { afterEach, describe, expect, it } from 'vitest';
import { availableUiLocales, createTranslator, languageName, readLocaleFile, setLocalesDir } from './i18n.js';

const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

afterEach(() => setLocalesDir(LOCALES_DIR));

describe('locale files', () => {
  const locales = availableUiLocales();

  it('include Chinese and English', () => {
    expect(locales).toEqual(expect.arrayContaining(['en', 'zh']));
  });

  it.each(locales)('%s has exactly the keys of en.json', (locale) => {
    const keys = Object.keys(readLocaleFile(locale)).sort();
    expect(keys).toEqual(Object.keys(readLocaleFile('en')).sort());
  });

  it.each(locales)('every message of %s parses as ICU MessageFormat', (locale) => {
    for (const [key, message] of Object.entries(readLocaleFile(locale))) {
      expect(() => new IntlMessageFormat(message, locale, undefined, { ignoreTag: true }), key).not.toThrow();
      expect(message.trim(), key).not.toBe('');
    }
  });

  it('Chinese messages use full-width punctuation and no space between Han and Latin runs', () => {
    for (const [key, message] of Object.entries(readLocaleFile('zh'))) {
      // Placeholders such as {name} are ICU syntax, not text.
      const text = message.replace(/\{[^{}]*\}/g, '');
      expect(text, key).not.toMatch(/[\p{Script=Han}][,.:;!?()]|[,.:;!?()][\p{Script=Han}]/u);
      expect(message, key).not.toMatch(/[\p{Script=Han}] [\w{]|[\w}] [\p{Script=Han}]/u);
    }
  });
});

describe('createTranslator', () => {
  it('formats plurals in each language', () => {
    const en = createTranslator('en');
    const zh = createTranslator('zh');
    expect(en('story.readingTime', { minutes: 1 })).toBe('1 min read');
    expect(en('story.readingTime', { minutes: 7 })).toBe('7 min read');
    expect(zh('story.readingTime', { minutes: 7 })).toBe('7分钟阅读');
    expect(en('hub.storyCount', { count: 1 })).toBe('1 story');
    expect(en('hub.storyCount', { count: 12 })).toBe('12 stories');
    expect(zh('hub.storyCount', { count: 12 })).toBe('12篇报道');
  });

  it('fills placeholders and keeps the locale it was made for', () => {
    const zh = createTranslator('zh');
    expect(zh.locale).toBe('zh');
    expect(zh('story.fallbackNotice', { requested: '英语', shown: '中文' })).toBe(
      '本文暂无英语版本，以下显示中文原文。',
    );
    expect(zh('newsletter.heading')).toMatch(/^保持更新/);
    expect(createTranslator('en')('newsletter.heading')).toBe(
      'Stay updated: the latest AI news in your inbox',
    );
  });

  it('uses the language file for a tag with a script or region', () => {
    expect(createTranslator('zh-Hans')('share.label')).toBe('分享');
    expect(createTranslator('en-GB')('share.label')).toBe('Share');
  });

  it('falls back to the fallback locale, then to the key itself', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-locales-'));
    fs.writeFileSync(path.join(dir, 'en.json'), JSON.stringify({ a: 'A in English', b: 'B {n}' }));
    fs.writeFileSync(path.join(dir, 'de.json'), JSON.stringify({ a: 'A auf Deutsch' }));
    setLocalesDir(dir);
    const de = createTranslator('de', 'en');
    expect(de('a')).toBe('A auf Deutsch');
    expect(de('b', { n: 2 })).toBe('B 2');
    expect(de('missing.key')).toBe('missing.key');
    expect(createTranslator('fr', 'en')('a')).toBe('A in English');
    expect(availableUiLocales()).toEqual(['de', 'en']);
    fs.rmSync(dir, { recursive: true });
  });

  it('falls back when a message lacks a value it needs', () => {
    expect(createTranslator('en')('story.readingTime')).toBe('story.readingTime');
  });

  it('formats ICU dates in UTC', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-locales-'));
    fs.writeFileSync(path.join(dir, 'en.json'), JSON.stringify({ d: 'On {date, date, long}' }));
    fs.writeFileSync(path.join(dir, 'zh.json'), JSON.stringify({ d: '{date, date, long}' }));
    setLocalesDir(dir);
    const date = new Date('2025-03-01T23:30:00Z');
    expect(createTranslator('en')('d', { date })).toBe('On March 1, 2025');
    expect(createTranslator('zh')('d', { date })).toBe('2025年3月1日');
    fs.rmSync(dir, { recursive: true });
  });

  it('refuses a file that is not a flat object of strings', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-locales-'));
    fs.writeFileSync(path.join(dir, 'en.json'), JSON.stringify({ nested: { a: 'b' } }));
    setLocalesDir(dir);
    expect(() => createTranslator('en')).toThrow(/not a string/);
    fs.rmSync(dir, { recursive: true });
  });
});

describe('languageName', () => {
  it.each([
    ['zh', '中文'],
    ['en', 'English'],
    ['fr', 'Français'],
    ['ja', '日本語'],
  ])('%s → %s', (locale, name) => {
    expect(languageName(locale)).toBe(name);
  });

  it('returns the tag for a language it cannot name', () => {
    expect(languageName('qqq')).toBe('qqq');
  });
});

describe('strings of product areas', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'velocity-locales-'));

  it('merges locales/<area>/<locale>.json into the locale', () => {
    const root = dir();
    fs.writeFileSync(path.join(root, 'en.json'), JSON.stringify({ 'site.name': 'Site' }));
    fs.mkdirSync(path.join(root, 'admin'));
    fs.writeFileSync(path.join(root, 'admin', 'en.json'), JSON.stringify({ 'admin.title': 'Newsroom' }));
    setLocalesDir(root);
    expect(availableUiLocales()).toEqual(['en']);
    expect(readLocaleFile('en')).toEqual({ 'site.name': 'Site', 'admin.title': 'Newsroom' });
    expect(createTranslator('en')('admin.title')).toBe('Newsroom');
  });

  it('refuses a key that two files define', () => {
    const root = dir();
    fs.writeFileSync(path.join(root, 'en.json'), JSON.stringify({ 'admin.title': 'One' }));
    fs.mkdirSync(path.join(root, 'admin'));
    fs.writeFileSync(path.join(root, 'admin', 'en.json'), JSON.stringify({ 'admin.title': 'Two' }));
    setLocalesDir(root);
    expect(() => readLocaleFile('en')).toThrow('"admin.title" is defined twice');
  });
});
