import type { Hono } from 'hono';
import { z } from 'zod';
import { autosaveVariant, discardAutosave, getStory, searchStoryLinks } from '../../editorial/index.js';
import { DomainError } from '../../platform/errors.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';

// The editor script's small JSON endpoints: autosave while typing (answering with the variant's
// current revision, so the editor learns when someone else saved), dropping an autosave, and the
// story search behind the toolbar's "Story link" button. CSRF is checked for every POST by the
// admin's middleware (the script sends the `x-csrf-token` header).

/** The most an autosave carries: the longest body of CJK text (3 bytes a character) and the rest. */
export const AUTOSAVE_MAX_BYTES = 1024 * 1024;

const LOCALE = '{[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*}';
const VARIANT_PATH = `/stories/:id{[0-9]+}/:locale${LOCALE}`;

const AutosaveBody = z.object({
  baseRevision: z.union([z.number().int().positive(), z.null()]),
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  heroAlt: z.string(),
  faq: z.array(z.object({ question: z.string(), answer: z.string() })),
});

const tooLarge = () => {
  throw new DomainError('too-large', 'This autosave is larger than the editor ever sends.', {
    maxBytes: AUTOSAVE_MAX_BYTES,
  });
};

export function storyEditorAutosaveRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.post(`${VARIANT_PATH}/autosave`, async (c) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const loaded = await getStory(deps.db, actor, Number(c.req.param('id')));
    const locale = c.req.param('locale');
    requirePermission(c, { action: 'story.edit', story: loaded.scope, locale });
    // The admin's edge limit (2 MiB) has already bounded the read; this route wants less.
    if (Number(c.req.header('content-length') ?? 0) > AUTOSAVE_MAX_BYTES) tooLarge();
    const raw = await c.req.text();
    if (Buffer.byteLength(raw) > AUTOSAVE_MAX_BYTES) tooLarge();
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new DomainError('invalid', 'The autosave was not JSON.');
    }
    const parsed = AutosaveBody.safeParse(json);
    if (!parsed.success) throw new DomainError('invalid', 'The autosave did not have the editor’s fields.');
    const result = await autosaveVariant(
      deps.db,
      actor,
      { storyId: loaded.story.id, locale, ...parsed.data },
      { now: deps.now() },
    );
    return c.json(result, 200, { 'cache-control': 'no-store' });
  });

  app.post(`${VARIANT_PATH}/autosave/discard`, async (c) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const { story } = await getStory(deps.db, actor, Number(c.req.param('id')));
    const locale = c.req.param('locale');
    await discardAutosave(deps.db, actor, story.id, locale);
    if ((c.req.header('accept') ?? '').includes('application/json')) return c.json({ discarded: true });
    return c.redirect(`/admin/stories/${story.id}/${locale}`, 303);
  });

  app.get('/stories/link-search', async (c) => {
    const actor = requirePermission(c, { action: 'story.view' });
    const query = (c.req.query('q') ?? '').slice(0, 100);
    const locale = (c.req.query('locale') ?? '').slice(0, 35);
    if (query.trim() === '') return c.json({ stories: [] });
    const stories = await searchStoryLinks(deps.db, actor, { query, locale });
    return c.json({ stories }, 200, { 'cache-control': 'no-store' });
  });
}
