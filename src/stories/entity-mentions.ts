import type { Entity } from './model.js';

/** An entity the text mentions but the story is not tagged with yet. */
export interface EntitySuggestion {
  entityId: number;
  slug: string;
  /** The name or alias found, as the entity spells it. */
  matched: string;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
// Word boundaries for alphabetic names. Han characters are letters too, but Chinese has no spaces:
// "英伟达的H200芯片" mentions H200, so only letters of alphabetic scripts and digits join a word.
const WORD_CHAR = '[\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}\\p{N}_]';
const MIN_TERM_CHARS = 2;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Where `term` first occurs in `text` as a mention, or -1. Both are NFKC already. */
function firstMention(text: string, term: string): number {
  if (CJK.test(term)) return text.indexOf(term);
  const pattern = new RegExp(`(?<!${WORD_CHAR})${escapeRegExp(term)}(?!${WORD_CHAR})`, 'giu');
  const hasCapital = term !== term.toLowerCase();
  for (const match of text.matchAll(pattern)) {
    // "Arm" or "Apple" written in lower case is the common word ("arm", "apple"), not the company.
    if (hasCapital && match[0] === match[0].toLowerCase()) continue;
    return match.index;
  }
  return -1;
}

/**
 * Entities mentioned in the texts through any name or alias in any language (英伟达 in a Chinese
 * body suggests Nvidia), first mention first, leaving out those in `exclude` (already tagged).
 * Names of alphabetic scripts match whole words, in any case but all lower case when the name has
 * capitals; CJK names match anywhere.
 */
export function suggestEntities(
  texts: string[],
  entities: Pick<Entity, 'id' | 'slug' | 'translations'>[],
  exclude: number[] = [],
): EntitySuggestion[] {
  const text = texts.join('\n').normalize('NFKC');
  if (text.trim() === '') return [];
  const found: (EntitySuggestion & { at: number })[] = [];
  for (const entity of entities) {
    if (exclude.includes(entity.id)) continue;
    const terms = [
      ...new Set(
        Object.values(entity.translations).flatMap((t) =>
          [t.name, ...t.aliases].map((n) => n.normalize('NFKC').trim()),
        ),
      ),
    ].filter((term) => [...term].length >= MIN_TERM_CHARS);
    let best: { at: number; matched: string } | undefined;
    for (const term of terms) {
      const at = firstMention(text, term);
      if (at >= 0 && (!best || at < best.at)) best = { at, matched: term };
    }
    if (best) found.push({ entityId: entity.id, slug: entity.slug, ...best });
  }
  return found
    .sort((a, b) => a.at - b.at || a.entityId - b.entityId)
    .map(({ at: _at, ...suggestion }) => suggestion);
}
