/**
 * Loads eld's medium n-gram database through `JSON.parse` instead of importing it as a module.
 *
 * eld ships its database as a 2 MB JavaScript object literal. Compiling that literal costs about
 * 200 MB of resident memory that the process never gives back (parser memory kept by the
 * allocator); reading the same file as text, rewriting it into JSON and parsing that costs about
 * 90 MB and yields the very same object, so detection and scores are identical. Measured on
 * Node 20: import 44 → 240 MB RSS; this loader 44 → 132 MB (README, "Memory").
 *
 * The loader reads two files inside the package (the n-gram file and the module that builds a
 * detector from data); should a release of eld move them, it falls back to the plain import.
 */
import { readFile } from 'node:fs/promises';
import type { eld as EldDefault } from 'eld/medium';

export type EldInstance = ReturnType<(typeof EldDefault)['newInstance']>;

interface EldFactory {
  createEld(): { instance: EldInstance; loadData(data: unknown): string };
}

// In eld's files, strings are single-quoted with only `\'` and `\\` escaped, keys that are
// identifiers or numbers go unquoted, and each n-gram maps to a small object of language index to
// score (`{11:52,17:60}`). The alternation consumes strings first, so nothing inside a string is
// mistaken for a key or a score object.
const TOKEN = /'((?:[^'\\]|\\.)*)'|\{(\d+:\d+(?:,\d+:\d+)*)\}|([{,])([A-Za-z_$][\w$]*|\d+):/g;

export interface NgramData {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

/**
 * The n-gram file's object, read as text. The 105,000 n-grams share only 19,000 distinct score
 * objects: each is parsed once and shared, which halves the heap the database takes.
 */
export function parseNgramFile(source: string): NgramData {
  const start = source.indexOf('{', source.indexOf('ngramsData'));
  const end = source.lastIndexOf('}');
  if (start < 0 || end < start) throw new Error('no n-gram object in the file');
  const scores = new Map<string, number>();
  const json = source
    .slice(start, end + 1)
    .replace(TOKEN, (_match, string?: string, score?: string, before?: string, key?: string) => {
      if (string !== undefined) {
        if (/\\[^'\\]/.test(string)) throw new Error('unexpected escape in the n-gram file');
        return JSON.stringify(string.replace(/\\(.)/g, '$1'));
      }
      if (score === undefined) return `${before}"${key}":`;
      let index = scores.get(score);
      if (index === undefined) {
        index = scores.size;
        scores.set(score, index);
      }
      return String(index);
    });
  const table = JSON.parse(
    `[${[...scores.keys()].map((s) => `{${s.replace(/(\d+):/g, '"$1":')}}`).join(',')}]`,
  );
  const data = JSON.parse(json) as { ngrams: Record<string, unknown> };
  for (const key in data.ngrams) {
    const shared = table[data.ngrams[key] as number];
    if (!shared) throw new Error('n-gram without scores');
    data.ngrams[key] = shared;
  }
  return data as NgramData;
}

/** The cheap path alone, without the fallback; exported so its test notices if it breaks. */
export async function loadThroughJson(): Promise<EldInstance> {
  const entry = import.meta.resolve('eld/medium');
  const [source, factory] = await Promise.all([
    readFile(new URL('../ngrams/medium.js', entry), 'utf8'),
    import(new URL('../languageDetector.js', entry).href) as Promise<EldFactory>,
  ]);
  const { instance, loadData } = factory.createEld();
  if (!loadData(parseNgramFile(source))) throw new Error('eld refused the n-gram data');
  return instance;
}

/** A fresh eld instance on the medium database, by the cheap path when the package allows it. */
export async function loadEldMedium(): Promise<EldInstance> {
  try {
    return await loadThroughJson();
  } catch {
    const { eld } = await import('eld/medium');
    return eld.newInstance();
  }
}
