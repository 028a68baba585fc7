import type { Translator } from '../platform/i18n.js';
import { loadPinyin, suggestAsciiSlug } from '../stories/index.js';

// The slug field's suggestion for a Chinese variant: shown in its hint, and what the server uses
// when a new zh variant is saved with the field left empty (editorial/writes/stories.ts).

const ASCII_SLUG = /^[a-z0-9-]+$/;

/** The suggestion for the editor, or undefined when the variant is not Chinese or already ASCII. */
export async function editorSlugSuggestion(input: {
  locale: string;
  title: string;
  slug: string;
  variants: readonly { locale: string; title: string }[];
}): Promise<string | undefined> {
  if (!/^zh(?:-|$)/i.test(input.locale) || ASCII_SLUG.test(input.slug)) return undefined;
  const suggestion = suggestAsciiSlug({
    // A new translation's title is still the source's, in ⟦ ⟧ to translate: nothing of it is the
    // variant's own yet, so it counts as untitled and the English title is borrowed.
    title: input.title.replace(/⟦[^⟧]*⟧/g, ''),
    otherTitles: input.variants.filter((v) => v.locale !== input.locale),
    pinyin: await loadPinyin(),
  });
  return suggestion === input.slug ? undefined : suggestion;
}

/** The slug field's hint, with the suggestion when there is one. */
export function slugHint(t: Translator, suggestion: string | undefined): string {
  const hint = t('stories.field.slugEditHint');
  return suggestion ? `${hint} ${t('stories.field.slugSuggestion', { slug: suggestion })}` : hint;
}
