import { createTranslator } from '../../platform/i18n.js';
import type { EmbedKind, EmbedLabels } from '../../publishing/index.js';

const KINDS: EmbedKind[] = ['video', 'post', 'repository', 'gist', 'issue', 'pull'];

// The stored HTML is rendered once per save in the variant's language, so the card's words are
// the story's language, not the reader's interface language.
export function embedLabels(locale: string): EmbedLabels {
  const t = createTranslator(locale);
  // The card's templates take `{provider}`/`{label}` later, so they are read unformatted here.
  const template = (key: string) => t(key, { provider: '{provider}', label: '{label}' });
  return {
    loadVideo: t('embed.loadVideo'),
    videoNote: template('embed.videoNote'),
    frameTitle: template('embed.frameTitle'),
    kinds: Object.fromEntries(KINDS.map((kind) => [kind, t(`embed.kind.${kind}`)])) as Record<
      EmbedKind,
      string
    >,
  };
}
