import { sourceChangesSinceTranslation, type UntranslatedFinding } from '../editorial/index.js';
import { languageName, type Translator } from '../platform/i18n.js';
import {
  alignTranslation,
  type BlockChange,
  htmlLangTag,
  markdownToPlainText,
  type SourceBlock,
  splitBlocks,
  type TableCells,
  tableCells,
} from '../publishing/index.js';
import { type Entity, type Story, suggestEntities } from '../stories/index.js';
import type { NewsroomDeps } from './deps.js';
import type { EditorForm } from './story-forms.js';

// The translator's desk: the source body and the translation body block by block, side by side,
// with the source's changes since the translation was made, and the names of the entities a
// source block mentions as they are written in the target language.

export interface EntityHint {
  /** As the source writes it (`英伟达`). */
  source: string;
  /** As the target language writes it (`Nvidia`). */
  target: string;
}

export interface DeskRow {
  source?: { block: SourceBlock; change: BlockChange; entities: EntityHint[] };
  /** The translation's block in this row; an empty one where the source's has no counterpart yet. */
  translation: { kind: SourceBlock['kind']; markdown: string; table?: TableCells };
}

export interface TranslationDeskView {
  sourceLabel: string;
  sourceLang: string;
  targetLabel: string;
  targetLang: string;
  /** The QA-while-typing endpoint. */
  qaAction: string;
  /** True when some row's source block changed since the translation was made. */
  hasChanges: boolean;
  rows: DeskRow[];
}

const UNCHANGED: BlockChange = { kind: 'unchanged' };

/** The entities a text mentions whose name in `locale` differs from how the text wrote them. */
export function entityHints(text: string, entities: Entity[], locale: string): EntityHint[] {
  return suggestEntities([text], entities).flatMap((found) => {
    const target = entities.find((e) => e.id === found.entityId)?.translations[locale]?.name;
    return target && target !== found.matched ? [{ source: found.matched, target }] : [];
  });
}

/** Source and translation bodies as the desk's rows, paired by block kind in order. */
export function deskRows(input: {
  sourceBody: string;
  translationBody: string;
  changes?: BlockChange[];
  entities: Entity[];
  locale: string;
}): DeskRow[] {
  const source = splitBlocks(input.sourceBody);
  const translation = splitBlocks(input.translationBody);
  return alignTranslation(source, translation).map(([s, t]): DeskRow => {
    const sourceBlock = s === undefined ? undefined : source[s];
    const translationBlock = t === undefined ? undefined : translation[t];
    const kind = translationBlock?.kind ?? sourceBlock?.kind ?? 'paragraph';
    const markdown = translationBlock?.markdown ?? '';
    const table = kind === 'table' && markdown !== '' ? tableCells(markdown) : undefined;
    return {
      ...(sourceBlock
        ? {
            source: {
              block: sourceBlock,
              change: (s === undefined ? undefined : input.changes?.[s]) ?? UNCHANGED,
              entities: entityHints(markdownToPlainText(sourceBlock.markdown), input.entities, input.locale),
            },
          }
        : {}),
      translation: { kind, markdown, ...(table ? { table } : {}) },
    };
  });
}

/** The desk for a translation being edited; undefined on the source variant itself. */
export async function buildTranslationDesk(
  deps: NewsroomDeps,
  input: { story: Story; locale: string; form: EditorForm; entities: Entity[] },
): Promise<TranslationDeskView | undefined> {
  const { story, locale } = input;
  const source = story.variants.find((v) => v.locale === story.sourceLocale);
  if (!source || locale === story.sourceLocale) return undefined;
  const changes = await sourceChangesSinceTranslation(deps.db, story, locale);
  const rows = deskRows({
    sourceBody: source.bodyMarkdown,
    translationBody: input.form.body,
    ...(changes ? { changes } : {}),
    entities: input.entities,
    locale,
  });
  return {
    sourceLabel: languageName(story.sourceLocale),
    sourceLang: htmlLangTag(story.sourceLocale),
    targetLabel: languageName(locale),
    targetLang: htmlLangTag(locale),
    qaAction: `/admin/stories/${story.id}/${locale}/translation-qa`,
    hasChanges: rows.some((row) => row.source && row.source.change.kind !== 'unchanged'),
    rows,
  };
}

/** A QA line for text left untranslated, in the admin's language. */
export function untranslatedLine(t: Translator, finding: UntranslatedFinding): string {
  const location =
    finding.field === 'body'
      ? t('translator.qa.body')
      : t(`stories.qa.field.${finding.field}`, { index: finding.index ?? 0 });
  return t('translator.qa.untranslated', { location, count: finding.count, excerpt: finding.excerpt });
}
