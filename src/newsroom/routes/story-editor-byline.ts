import type { Context } from 'hono';
import { listUsers } from '../../accounts/index.js';
import type { SubmitStoryInput } from '../../editorial/index.js';
import type { NewsroomDeps } from '../deps.js';
import type { BylineChoiceView } from '../views/story-editor-byline.js';
import { type EditorContext, permissionsOf } from './story-editor-data.js';

const variantOf = (ctx: EditorContext) => ctx.loaded.story.variants.find((v) => v.locale === ctx.locale);

/** The byline fields' view, for those who may set it (the publishing right) on an existing variant. */
export async function bylineChoices(
  deps: NewsroomDeps,
  ctx: EditorContext,
): Promise<{ byline?: BylineChoiceView }> {
  const variant = variantOf(ctx);
  if (!variant || !permissionsOf(ctx).publish) return {};
  const people = (await listUsers(deps.db)).filter(
    (u) => u.disabledAt === null || u.id === variant.authorId || u.id === variant.translatorId,
  );
  return {
    byline: {
      authorId: variant.authorId === null ? '' : String(variant.authorId),
      translatorId: variant.translatorId === null ? '' : String(variant.translatorId),
      people: people.map((u) => ({ value: String(u.id), label: u.displayName || u.email })),
      showTranslator: ctx.locale !== ctx.loaded.story.sourceLocale,
    },
  };
}

const asId = (value: unknown): number | null | undefined => {
  if (value === '') return null;
  if (typeof value !== 'string' || !/^[1-9]\d{0,9}$/.test(value)) return undefined;
  return Number(value);
};

/** The byline the submitted form asks for; nothing when the form carried no byline fields. */
export async function bylineSubmission(
  c: Context,
  ctx: EditorContext,
): Promise<Pick<SubmitStoryInput, 'byline'>> {
  const variant = variantOf(ctx);
  if (!variant || !permissionsOf(ctx).publish) return {};
  const body = await c.req.parseBody({ all: true });
  const authorId = asId(body.bylineAuthor);
  if (authorId === undefined) return {};
  const translatorId = asId(body.bylineTranslator);
  return { byline: { authorId, translatorId: translatorId ?? null } };
}
