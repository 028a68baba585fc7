import type { SubmitStoryInput } from '../../editorial/index.js';
import {
  type EditorForm,
  type EditorIntent,
  filledFaq,
  filledSources,
  type ValidEditorForm,
} from '../story-forms.js';
import { type EditorContext, metaFromStory, permissionsOf } from './story-editor-data.js';

/**
 * What a checked editor form asks of editorial's `submitStory`: the text when the person may edit
 * this locale, the story's details when they may change them and did, and what to do with the
 * variant. Row buttons and previews never get here: any other intent saves.
 */
export function submissionOf(
  ctx: EditorContext,
  checked: {
    form: EditorForm;
    value: ValidEditorForm;
    entities: string[];
    /** Names typed that no entity answers to: proposals for an editor (entity-proposals). */
    proposedEntities?: string[];
    publishAt: string | undefined;
  },
  intent: EditorIntent,
): SubmitStoryInput {
  const { form, value, entities, publishAt } = checked;
  const proposedEntities = checked.proposedEntities ?? [];
  const can = permissionsOf(ctx);
  const submitted = {
    section: value.section,
    entities,
    sources: value.sources.filter((s) => s.url !== ''),
    heroMediaId: value.heroMediaId,
  };
  const detailsChanged =
    proposedEntities.length > 0 || JSON.stringify(submitted) !== JSON.stringify(metaFromStory(ctx));
  return {
    storyId: ctx.loaded.story.id,
    locale: ctx.locale,
    intent:
      intent.kind === 'publish' || intent.kind === 'schedule' || intent.kind === 'unpublish'
        ? intent.kind
        : 'save',
    ...(can.edit
      ? {
          text: {
            title: value.title,
            slug: value.slug,
            summary: value.summary,
            body: value.body,
            faq: filledFaq(value.faq),
            heroAlt: value.heroAlt,
            ...(form.baseRevision ? { baseRevision: Number(form.baseRevision) } : {}),
            ...(form.translatedFromRevision
              ? { translatedFromRevision: Number(form.translatedFromRevision) }
              : {}),
          },
        }
      : {}),
    ...(can.editMeta && detailsChanged
      ? {
          details: {
            section: value.section,
            entities,
            ...(proposedEntities.length > 0 ? { proposedEntities } : {}),
            sources: filledSources(value.sources),
            heroMediaId: value.heroMediaId === '' ? null : Number(value.heroMediaId),
          },
        }
      : {}),
    ...(publishAt ? { publishAt } : {}),
    ...(value.qaOverrideReason ? { qaOverride: { reason: value.qaOverrideReason } } : {}),
  };
}
