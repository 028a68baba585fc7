import type { Context, MiddlewareHandler } from 'hono';
import type { Actor } from '../../accounts/index.js';
import { can } from '../../accounts/index.js';
import {
  countReviewQueue,
  countUnreadNotices,
  type EditableStory,
  findStoryReview,
  listStoryNotes,
  MAX_REVIEW_NOTE_CHARS,
  MAX_STORY_NOTE_CHARS,
} from '../../editorial/index.js';
import type { SiteSettings } from '../../stories/index.js';
import { adminTimeLabel, newsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { actorOf } from '../http/guard.js';
import type { StoryNotesView } from '../views/story-notes.js';
import type { StoryReviewView } from '../views/story-review.js';

/** The newest notes shown in the editor; older ones stay in the database (and the audit log). */
const NOTES_SHOWN = 100;

/**
 * Counts beside the navigation on every admin page a signed-in person opens: drafts waiting for
 * review (for those who decide) and their unread notices. Two indexed counts per page view.
 */
export function loadNavCounts(deps: NewsroomDeps): MiddlewareHandler<NewsroomEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (session && c.req.method === 'GET') {
      const actor = actorOf(session);
      const [waiting, unread] = await Promise.all([
        can(actor, { action: 'story.publish' }) ? countReviewQueue(deps.db) : Promise.resolve(0),
        countUnreadNotices(deps.db, actor.id),
      ]);
      c.set('navCounts', { '/admin/review': waiting, '/admin/notices': unread });
    }
    await next();
  };
}

/** The editor's review banner and controls, and the team's notes, for one variant. */
export async function loadStoryTeamPanels(
  deps: NewsroomDeps,
  c: Context<NewsroomEnv>,
  ctx: { actor: Actor; loaded: EditableStory; locale: string; settings: Pick<SiteSettings, 'timeZone'> },
  csrfToken: string | undefined,
): Promise<{ review: StoryReviewView; notes: StoryNotesView }> {
  const t = c.get('t');
  const zone = newsroomZone(ctx.settings);
  const { story, scope } = ctx.loaded;
  const variant = story.variants.find((v) => v.locale === ctx.locale);
  const [review, notes] = await Promise.all([
    findStoryReview(deps.db, story.id, ctx.locale),
    listStoryNotes(deps.db, story.id, { limit: NOTES_SHOWN }),
  ]);
  const state = review?.state ?? 'none';
  const isDraft = variant?.status === 'draft';
  const mayEdit = can(ctx.actor, { action: 'story.edit', story: scope, locale: ctx.locale });
  const base = `/admin/stories/${story.id}/${ctx.locale}`;
  return {
    review: {
      t,
      csrfToken,
      action: `${base}/review`,
      state,
      requestedByName: review?.requestedByName ?? '',
      requestedAtLabel: review ? adminTimeLabel(review.requestedAt, zone) : '',
      decidedByName: review?.decidedByName ?? '',
      decidedAtLabel: review?.decidedAt ? adminTimeLabel(review.decidedAt, zone) : '',
      note: review?.note ?? '',
      // Editors publish directly; the queue is for those who cannot.
      canSubmit: isDraft && mayEdit && state !== 'submitted' && !can(ctx.actor, { action: 'story.publish' }),
      canDecide: state === 'submitted' && can(ctx.actor, { action: 'story.publish' }),
      maxNoteChars: MAX_REVIEW_NOTE_CHARS,
    },
    notes: {
      t,
      csrfToken,
      action: `/admin/stories/${story.id}/notes`,
      back: ctx.locale,
      notes: notes.map((n) => ({
        id: n.id,
        authorName: n.authorName,
        atIso: n.createdAt,
        atLabel: adminTimeLabel(n.createdAt, zone),
        body: n.body,
      })),
      maxChars: MAX_STORY_NOTE_CHARS,
    },
  };
}
