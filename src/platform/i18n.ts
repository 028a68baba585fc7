import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { IntlMessageFormat } from 'intl-messageformat';
import { type Locale, primaryLanguage } from './locale.js';

/**
 * Looks up a UI string from locales/<locale>.json (ICU MessageFormat). Structurally the same as the
 * `Translator` of src/site/view-models.ts, so platform never imports from a feature.
 */
export interface Translator {
  (key: string, values?: Record<string, string | number | Date>): string;
  readonly locale: Locale;
}

type Values = Record<string, string | number | Date>;

// src/platform and dist/platform both sit two folders below the project root.
const DEFAULT_LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

// Dates in messages are shown in UTC, like every other date on the site: a page is rendered once and
// cached for readers everywhere, so the server's own time zone must not leak into it.
const FORMATS = {
  date: {
    short: { timeZone: 'UTC' },
    medium: { timeZone: 'UTC' },
    long: { timeZone: 'UTC' },
    full: { timeZone: 'UTC' },
  },
  time: {
    short: { timeZone: 'UTC' },
    medium: { timeZone: 'UTC' },
    long: { timeZone: 'UTC' },
    full: { timeZone: 'UTC' },
  },
};

export interface MessageCatalog {
  locale: Locale;
  messages: Map<string, IntlMessageFormat>;
  /** Messages already formatted without values: most UI strings have none, and pages repeat them. */
  plain: Map<string, string>;
}

const catalogs = new Map<string, MessageCatalog | null>();
let localesDir = DEFAULT_LOCALES_DIR;
let uiLocales: Locale[] | undefined;

/** Points the loader at another folder (tests); drops everything cached. */
export function setLocalesDir(dir: string): void {
  localesDir = dir.endsWith('/') ? dir : `${dir}/`;
  catalogs.clear();
  uiLocales = undefined;
}

function readFlatStrings(file: string, label: string): Record<string, string> {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${label} must hold one flat object of strings`);
  }
  const entries = Object.entries(parsed);
  for (const [key, value] of entries) {
    if (typeof value !== 'string') throw new Error(`${label}: "${key}" is not a string`);
  }
  return Object.fromEntries(entries) as Record<string, string>;
}

/**
 * A locale's strings as one flat key → ICU message object: `locales/<locale>.json` and, for each
 * area of the product with strings of its own, `locales/<area>/<locale>.json` (`locales/admin/zh.json`).
 * A key defined twice is an error, so two areas cannot silently overwrite each other.
 */
export function readLocaleFile(locale: Locale): Record<string, string> {
  const messages = readFlatStrings(`${localesDir}${locale}.json`, `locales/${locale}.json`);
  const areas = fs
    .readdirSync(localesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  for (const area of areas) {
    const file = `${localesDir}${area}/${locale}.json`;
    if (!fs.existsSync(file)) continue;
    for (const [key, value] of Object.entries(readFlatStrings(file, `locales/${area}/${locale}.json`))) {
      if (key in messages) throw new Error(`locales/${area}/${locale}.json: "${key}" is defined twice`);
      messages[key] = value;
    }
  }
  return messages;
}

/** Every message of a locale, parsed once; `undefined` when there is no file for it. */
function loadCatalog(locale: Locale): MessageCatalog | undefined {
  const cached = catalogs.get(locale);
  if (cached !== undefined) return cached ?? undefined;
  if (!availableUiLocales().includes(locale)) {
    catalogs.set(locale, null);
    return undefined;
  }
  const messages = new Map<string, IntlMessageFormat>();
  for (const [key, source] of Object.entries(readLocaleFile(locale))) {
    try {
      messages.set(key, new IntlMessageFormat(source, locale, FORMATS, { ignoreTag: true }));
    } catch (error) {
      throw new Error(`locales/${locale}.json: "${key}" is not valid ICU MessageFormat`, { cause: error });
    }
  }
  const catalog = { locale, messages, plain: new Map<string, string>() };
  catalogs.set(locale, catalog);
  return catalog;
}

/** The locales that have a file in locales/, sorted: `['en', 'zh']`. */
export function availableUiLocales(): Locale[] {
  if (!uiLocales) {
    uiLocales = fs
      .readdirSync(localesDir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .sort();
  }
  return [...uiLocales];
}

/** `zh-Hans-CN` → `zh-Hans-CN`, `zh-Hans`, `zh`: the files to try, most specific first. */
function candidates(locale: Locale): Locale[] {
  const parts = locale.split('-');
  const list: Locale[] = [];
  for (let n = parts.length; n > 0; n--) list.push(parts.slice(0, n).join('-'));
  return list;
}

function format(catalog: MessageCatalog, key: string, values: Values | undefined): string | undefined {
  if (values === undefined) {
    const known = catalog.plain.get(key);
    if (known !== undefined) return known;
  }
  const message = catalog.messages.get(key);
  if (!message) return undefined;
  try {
    const out = message.format(values);
    const text = Array.isArray(out) ? out.join('') : String(out);
    if (values === undefined) catalog.plain.set(key, text);
    return text;
  } catch {
    // A value the message needs is missing: try the fallback rather than break the page.
    return undefined;
  }
}

/**
 * A translator for one UI locale. A key missing from the locale (or its language, `zh-Hans` → `zh`)
 * comes from `fallbackLocale`; a key missing there too comes back as the key itself, so a gap shows
 * on the page instead of breaking it.
 */
export function createTranslator(locale: Locale, fallbackLocale: Locale = 'en'): Translator {
  const chain: MessageCatalog[] = [];
  for (const candidate of [...candidates(locale), ...candidates(fallbackLocale)]) {
    const catalog = loadCatalog(candidate);
    if (catalog && !chain.includes(catalog)) chain.push(catalog);
  }
  const translate = (key: string, values?: Values): string => {
    for (const catalog of chain) {
      const text = format(catalog, key, values);
      if (text !== undefined) return text;
    }
    return key;
  };
  return Object.assign(translate, { locale });
}

const languageNames = new Map<string, Intl.DisplayNames | null>();

/**
 * `language`'s name in `inLocale` (`en` in zh → 英语); the tag itself when ICU has no name for it.
 * Formatters are kept per locale: making one costs more than rendering a whole page section.
 */
export function displayLanguageName(language: Locale, inLocale: Locale): string {
  let names = languageNames.get(inLocale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([inLocale], { type: 'language' });
    } catch {
      names = null;
    }
    languageNames.set(inLocale, names);
  }
  try {
    return names?.of(language) ?? language;
  } catch {
    return language;
  }
}

/** The language's own name, as its speakers write it: `zh` → 中文, `en` → English. */
export function languageName(locale: Locale): string {
  const name = displayLanguageName(locale, locale);
  if (!name || name === locale) return locale;
  // Some languages write their own name in lower case (français); a menu entry starts with a capital.
  const first = name.codePointAt(0) ?? 0;
  const firstChar = String.fromCodePoint(first);
  return firstChar.toLocaleUpperCase(primaryLanguage(locale)) + name.slice(firstChar.length);
}
