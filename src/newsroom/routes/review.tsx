import type { Hono } from 'hono';
import { z } from 'zod';
import {
  addStoryNote,
  approveReview,
  getStory,
  listNotices,
  listReviewQueue,
  markNoticesRead,
  type ReviewNotice,
  sendBackForChanges,
  submitForReview,
} from '../../editorial/index.js';
import { DomainError } from '../../platform/errors.js';
import { languageName } from '../../platform/i18n.js';
import { adminTimeLabel, loadNewsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { sendReviewMails } from '../review-mail.js';
import { NoticesPage, ReviewQueuePage } from '../views/review-pages.js';

// Same shape as the editor's path: a locale is two or three letters with optional subtags.
const VARIANT_PATH = '/stories/:id{[0-9]+}/:locale{[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*}/review';
/** The queue shows this many of the oldest waiting drafts: a newsroom with more has a bigger problem. */
const QUEUE_LIMIT = 200;
const NOTICES_SHOWN = 100;

const NoteForm = z.object({ note: z.string().max(10_000) });
const StoryNoteForm = z.object({
  body: z.string().max(10_000),
  back: z
    .string()
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/)
    .optional(),
});
const ReadForm = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,9}$/)
    .optional(),
});

function formOf<S extends z.ZodType>(schema: S, body: Record<string, unknown>): z.output<S> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new DomainError('invalid', 'The form was not filled in as expected.');
  return parsed.data;
}

/** Review and coordination: the queue, the review steps, the team's notes and each person's notices. */
export function reviewRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  // Mail goes after the commit and never holds up the answer; a failure is logged (sendReviewMails).
  const tell = (notice: ReviewNotice) => {
    void sendReviewMails(deps, notice);
  };

  app.get('/review', async (c) => {
    requirePermission(c, { action: 'story.publish' });
    const t = c.get('t');
    const [entries, zone] = await Promise.all([
      listReviewQueue(deps.db, { limit: QUEUE_LIMIT }),
      loadNewsroomZone(deps.db),
    ]);
    const view = {
      t,
      entries: entries.map((e) => ({
        href: `/admin/stories/${e.storyId}/${e.locale}`,
        title: e.title,
        lang: e.locale,
        localeLabel: languageName(e.locale),
        requestedByName: e.requestedByName,
        atIso: e.requestedAt,
        atLabel: adminTimeLabel(e.requestedAt, zone),
      })),
    };
    return renderAdmin(c, adminChrome(c, deps, t('review.queue.heading')), <ReviewQueuePage view={view} />);
  });

  app.post(`${VARIANT_PATH}/submit`, async (c) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const storyId = Number(c.req.param('id'));
    const locale = c.req.param('locale');
    tell(await submitForReview(deps.db, actor, { storyId, locale }, { now: deps.now() }));
    return c.redirect(`/admin/stories/${storyId}/${locale}?notice=reviewSubmitted`, 303);
  });

  app.post(`${VARIANT_PATH}/send-back`, async (c) => {
    const actor = requirePermission(c, { action: 'story.publish' });
    const storyId = Number(c.req.param('id'));
    const locale = c.req.param('locale');
    const form = formOf(NoteForm, await c.req.parseBody());
    tell(await sendBackForChanges(deps.db, actor, { storyId, locale, note: form.note }, { now: deps.now() }));
    return c.redirect(`/admin/review?notice=reviewSentBack`, 303);
  });

  app.post(`${VARIANT_PATH}/approve`, async (c) => {
    const actor = requirePermission(c, { action: 'story.publish' });
    const storyId = Number(c.req.param('id'));
    const locale = c.req.param('locale');
    tell(await approveReview(deps.db, actor, { storyId, locale }, { now: deps.now() }));
    return c.redirect(`/admin/stories/${storyId}/${locale}?notice=reviewApproved`, 303);
  });

  app.post('/stories/:id{[0-9]+}/notes', async (c) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const form = formOf(StoryNoteForm, await c.req.parseBody());
    const { story } = await getStory(deps.db, actor, Number(c.req.param('id')));
    await addStoryNote(deps.db, actor, { storyId: story.id, body: form.body }, { now: deps.now() });
    const locale = story.variants.some((v) => v.locale === form.back) ? form.back : story.sourceLocale;
    return c.redirect(`/admin/stories/${story.id}/${locale}?notice=noteAdded#story_notes_heading`, 303);
  });

  app.get('/notices', async (c) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const t = c.get('t');
    const chrome = adminChrome(c, deps, t('notices.heading'));
    const [notices, zone] = await Promise.all([
      listNotices(deps.db, actor.id, { limit: NOTICES_SHOWN }),
      loadNewsroomZone(deps.db),
    ]);
    const view = {
      t,
      csrfToken: chrome.csrfToken,
      unread: notices.filter((n) => !n.read).length,
      notices: notices.map((n) => ({
        id: n.id,
        text: t(`notices.${n.kind}`, { name: n.actorName, title: n.title || `#${n.storyId}` }),
        note: n.note,
        href: n.storyId === null ? null : `/admin/stories/${n.storyId}/${n.locale}`,
        atIso: n.createdAt,
        atLabel: adminTimeLabel(n.createdAt, zone),
        read: n.read,
      })),
    };
    return renderAdmin(c, chrome, <NoticesPage view={view} />);
  });

  app.post('/notices/read', async (c) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const form = formOf(ReadForm, await c.req.parseBody());
    const id = form.id === undefined ? undefined : Number(form.id);
    await markNoticesRead(deps.db, actor.id, deps.now().toISOString(), id);
    return c.redirect('/admin/notices?notice=noticesRead', 303);
  });
}
