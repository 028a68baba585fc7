import type { Context, Hono } from 'hono';
import { z } from 'zod';
import {
  approveEntity,
  deliverNamesOutcome,
  ENTITY_KINDS,
  entityNamed,
  mergeEntityProposal,
  rejectEntityProposal,
} from '../../editorial/index.js';
import type { EntityKind } from '../../platform/database/index.js';
import { DomainError } from '../../platform/errors.js';
import { findStoryCards, listEntities, listEntityProposals } from '../../stories/index.js';
import { adminTime, loadNewsroomZone } from '../admin-time.js';
import type { NewsroomDeps } from '../deps.js';
import type { NewsroomEnv } from '../http/env.js';
import { requirePermission } from '../http/guard.js';
import { idParam } from '../http/params.js';
import { adminChrome, renderAdmin } from '../http/render.js';
import { EntityProposalsPage, type ProposalView } from '../views/entity-proposals-page.js';
import { entityLabel } from './story-editor-data.js';

type C = Context<NewsroomEnv>;

const REVIEW = { action: 'taxonomy.manage' } as const;
const PAGE_SIZE = 50;
const BASE = '/admin/entity-proposals';

const ApproveForm = z.object({ kind: z.enum(ENTITY_KINDS as [EntityKind, ...EntityKind[]]) });
const MergeForm = z.object({ into: z.string().trim().min(1).max(200) });

async function formOf<T>(c: C, schema: z.ZodType<T>): Promise<T> {
  const parsed = schema.safeParse(await c.req.parseBody());
  if (!parsed.success) throw new DomainError('invalid', 'The form is not complete.');
  return parsed.data;
}

/**
 * Entities authors proposed while writing (taxonomy.manage): the list, and approving each (with
 * the kind the editor picks), merging it into an existing entity, or rejecting it.
 *
 *   GET /admin/entity-proposals · POST /admin/entity-proposals/:id/(approve|merge|reject)
 */
export function entityProposalRoutes(app: Hono<NewsroomEnv>, deps: NewsroomDeps): void {
  app.get('/entity-proposals', async (c) => {
    requirePermission(c, REVIEW);
    const t = c.get('t');
    const [{ proposals, total }, approved, zone] = await Promise.all([
      listEntityProposals(deps.db, PAGE_SIZE),
      listEntities(deps.db),
      loadNewsroomZone(deps.db),
    ]);
    const stories = await findStoryCards(deps.db, [
      ...new Set(proposals.flatMap((p) => p.storyIds.slice(0, 5))),
    ]);
    const chrome = adminChrome(c, deps, t('home.proposals.heading'));
    const views: ProposalView[] = proposals.map((p) => ({
      id: p.id,
      slug: p.slug,
      kind: p.kind,
      names: Object.entries(p.names).map(([locale, name]) => ({ locale, name })),
      proposedBy: p.proposedBy?.displayName ?? '—',
      proposedAt: adminTime(p.proposedAt, zone),
      stories: p.storyIds.slice(0, 5).flatMap((id) => {
        const story = stories.find((s) => s.id === id);
        const variant = story?.variants.find((v) => v.locale === story.sourceLocale) ?? story?.variants[0];
        return story && variant
          ? [{ href: `/admin/stories/${id}/${variant.locale}`, title: variant.title }]
          : [];
      }),
    }));
    return renderAdmin(
      c,
      chrome,
      <EntityProposalsPage
        view={{
          t,
          csrfToken: chrome.csrfToken,
          total,
          proposals: views,
          kinds: ENTITY_KINDS.map((kind) => ({ value: kind, label: t(`entityKind.${kind}`) })),
          targets: approved.map((e) => ({ value: e.slug, label: entityLabel(e, t.locale) })),
        }}
      />,
    );
  });

  app.post('/entity-proposals/:id/approve', async (c) => {
    const actor = requirePermission(c, REVIEW);
    const id = idParam(c);
    const { kind } = await formOf(c, ApproveForm);
    await deliverNamesOutcome(await approveEntity(deps.db, actor, { id, kind }, deps.now()), deps);
    return c.redirect(`${BASE}?notice=approved`, 303);
  });

  app.post('/entity-proposals/:id/merge', async (c) => {
    const actor = requirePermission(c, REVIEW);
    const id = idParam(c);
    const { into } = await formOf(c, MergeForm);
    // The field takes a slug, or any name or alias the editor knows it by.
    const target = entityNamed(await listEntities(deps.db), into);
    if (!target)
      throw new DomainError('invalid', `No entity is called “${into}”.`, { code: 'merge-target-unknown' });
    await deliverNamesOutcome(
      await mergeEntityProposal(deps.db, actor, { id, intoSlug: target.slug }, deps.now()),
      deps,
    );
    return c.redirect(`${BASE}?notice=merged`, 303);
  });

  app.post('/entity-proposals/:id/reject', async (c) => {
    const actor = requirePermission(c, REVIEW);
    await deliverNamesOutcome(await rejectEntityProposal(deps.db, actor, idParam(c), deps.now()), deps);
    return c.redirect(`${BASE}?notice=rejected`, 303);
  });
}
